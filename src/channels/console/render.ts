/** Turns the core's messenger-neutral replies into plain terminal text. */
import type { OutboundMessage } from '../../chat/types.ts';
import { t, type Locale } from '../../i18n/index.ts';

export type Render = (message: OutboundMessage, locale: Locale) => string;

/**
 * The text, then the options: a numbered list ("  1. Sở Nội vụ") to answer by number or name, or,
 * for questions that also take a typed number or date (`numbered: false`), one line of options
 * without numbers ("  → [Bỏ qua] [Cuối phong trào]") so a typed "1" stays an amount. A file or a
 * picture is shown as a line with its path.
 */
export const renderMessage: Render = (message, locale) => {
  const lines = [message.text];
  const choices = message.choices ?? [];
  if (choices.length > 0) {
    if (message.numbered === false) lines.push(`  → ${choices.map((c) => `[${c.label}]`).join(' ')}`);
    else choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
  }
  if (message.image) lines.push(`  ${t(locale, 'console-image', { name: message.image.name, path: message.image.path })}`);
  if (message.file) lines.push(`  ${t(locale, 'console-file', { name: message.file.name, path: message.file.path })}`);
  return lines.join('\n');
};
