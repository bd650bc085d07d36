/** Replies as Zalo Bot Platform messages: no buttons, so options are a numbered list to answer by number or name. */
import type { OutboundMessage } from '../../chat/types.ts';
import { choiceList, splitText } from '../shared/text.ts';

/** The platform takes 1 to 2,000 characters a message. */
const MAX_TEXT = 2000;

export function renderTexts(message: OutboundMessage): string[] {
  const choices = message.choices ?? [];
  const text = choices.length > 0 ? `${message.text}\n\n${choiceList(choices, message.numbered !== false)}` : message.text;
  return text.trim() === '' ? [] : splitText(text, MAX_TEXT);
}
