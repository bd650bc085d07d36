import { expect } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';

/** Runs `fn`, expects it to be refused with a DomainError, and returns that error. */
export function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

/** The locale id of the DomainError `fn` is refused with. */
export const refusal = (fn: () => unknown): string => domainError(fn).code;
