import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { encodeChoice, type OutboundMessage } from '../../chat/types.ts';

/** Telegram's limits: 4096 characters a message, 1024 a file's caption, 64 bytes of callback data a button. */
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_CALLBACK_BYTES = 64;
/** Labels this short share a row, two by two. */
const SHORT_LABEL = 18;

interface RenderedMessage {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** Choices as an inline keyboard; numbered so the number can be typed as well as pressed. */
export function keyboard(message: OutboundMessage): InlineKeyboardMarkup | undefined {
  const choices = message.choices ?? [];
  if (choices.length === 0) return undefined;
  const buttons: InlineKeyboardButton[] = choices.map((c, i) => {
    const data = encodeChoice(message.seq ?? 0, c.id);
    if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) throw new Error(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
    return { text: message.numbered === false ? c.label : `${i + 1}. ${c.label}`, callback_data: data };
  });
  const pairs = buttons.every((b) => b.text.length <= SHORT_LABEL);
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += pairs ? 2 : 1) rows.push(buttons.slice(i, i + (pairs ? 2 : 1)));
  return { inline_keyboard: rows };
}

/** The first part of `text` up to `limit` characters, cut at a line break (then a space, then anywhere), and the rest. */
function cutAt(text: string, limit: number): [string, string] {
  if (text.length <= limit) return [text, ''];
  const line = text.lastIndexOf('\n', limit);
  const space = text.lastIndexOf(' ', limit);
  const at = line > limit / 2 ? line : space > limit / 2 ? space : limit;
  return [text.slice(0, at), text.slice(at).replace(/^[\n ]/, '')];
}

/** A file's text: the caption Telegram takes with it, and what is left for messages after it ('' when it all fits). */
export function splitCaption(text: string): { caption: string; rest: string } {
  const [caption, rest] = cutAt(text, MAX_CAPTION);
  return { caption, rest };
}

/** Splits text over Telegram's limit at line breaks (then anywhere); the keyboard goes on the last part. */
export function render(message: OutboundMessage): RenderedMessage[] {
  const parts: string[] = [];
  let rest = message.text;
  while (rest.length > MAX_TEXT) {
    const [part, after] = cutAt(rest, MAX_TEXT);
    parts.push(part);
    rest = after;
  }
  parts.push(rest);
  const markup = keyboard(message);
  return parts.map((text, i) => (i === parts.length - 1 && markup ? { text, reply_markup: markup } : { text }));
}

/** A deep link that opens the bot and sends `/start <payload>` in one tap. */
export const deepLink = (username: string, payload: string) => `https://t.me/${username}?start=${encodeURIComponent(payload)}`;
