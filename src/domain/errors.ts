import type { Args } from '../i18n/index.ts';

/**
 * A rule of the domain was not met. `code` is a message id in locales/ (prefixed `err-`), so every
 * channel and the CLI can tell the person what went wrong in their language.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly args: Args = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
