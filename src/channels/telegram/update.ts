/**
 * Telegram updates, read at the edge: the subset the bot uses, validated with zod, turned into the
 * neutral InboundEvent (or into what the adapter must do instead: answer a group, refuse a file).
 */
import { z } from 'zod';
import type { InboundEvent } from '../../chat/types.ts';

const user = z.object({ id: z.number(), is_bot: z.boolean().optional(), first_name: z.string().optional(), last_name: z.string().optional(), language_code: z.string().optional() });
const chat = z.object({ id: z.number(), type: z.enum(['private', 'group', 'supergroup', 'channel']) });
const photoSize = z.object({ file_id: z.string(), file_size: z.number().optional(), width: z.number(), height: z.number() });
const document = z.object({ file_id: z.string(), file_name: z.string().optional(), mime_type: z.string().optional(), file_size: z.number().optional() });

const message = z.object({
  message_id: z.number(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(photoSize).optional(),
  document: document.optional(),
});

export const telegramUpdate = z.object({
  update_id: z.number().int(),
  message: message.optional(),
  callback_query: z
    .object({
      id: z.string(),
      from: user,
      data: z.string().optional(),
      message: z.object({ message_id: z.number(), chat, text: z.string().optional() }).optional(),
    })
    .optional(),
});
type TelegramUpdate = z.infer<typeof telegramUpdate>;

/** Evidence files accepted: pictures, documents and spreadsheets people actually send. */
const ACCEPTED_MIME = /^(image\/(jpeg|png|webp|heic)|application\/(pdf|msword|vnd\.openxmlformats-officedocument\.[a-z.]+|vnd\.ms-excel|vnd\.oasis\.opendocument\.[a-z]+|zip)|text\/(plain|csv|comma-separated-values))$/;
/** The largest file a bot may download through the Bot API. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type ReadUpdate =
  | { kind: 'event'; event: InboundEvent; callback?: { id: string; chatId: number; messageId: number | undefined; text: string | undefined } }
  | { kind: 'group'; chatId: number }
  | { kind: 'file-refused'; chatId: number; reason: 'type' | 'size'; localeHint: string | undefined }
  /** A sticker, voice, location…: nothing the bot can read, and the person is told what it can. */
  | { kind: 'unreadable'; chatId: number; localeHint: string | undefined }
  | { kind: 'ignore' };

const displayName = (u: z.infer<typeof user> | undefined) => (u ? [u.first_name, u.last_name].filter(Boolean).join(' ') || undefined : undefined);

export function readUpdate(update: TelegramUpdate): ReadUpdate {
  const cq = update.callback_query;
  if (cq) {
    const chatId = cq.message?.chat.id ?? cq.from.id;
    if (cq.message && cq.message.chat.type !== 'private') return { kind: 'ignore' };
    if (cq.data === undefined) return { kind: 'ignore' };
    return {
      kind: 'event',
      event: { channel: 'telegram', externalId: String(cq.from.id), choice: cq.data, ...optional('displayName', displayName(cq.from)), ...optional('localeHint', cq.from.language_code) },
      callback: { id: cq.id, chatId, messageId: cq.message?.message_id, text: cq.message?.text },
    };
  }
  const m = update.message;
  if (!m || !m.from || m.from.is_bot) return { kind: 'ignore' };
  if (m.chat.type !== 'private') return m.text?.startsWith('/') || m.text?.includes('@') ? { kind: 'group', chatId: m.chat.id } : { kind: 'ignore' };
  const base = { channel: 'telegram' as const, externalId: String(m.chat.id), ...optional('displayName', displayName(m.from)), ...optional('localeHint', m.from.language_code) };
  const text = m.text ?? m.caption;
  if (m.photo && m.photo.length > 0) {
    const largest = m.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    if ((largest.file_size ?? 0) > MAX_FILE_BYTES) return { kind: 'file-refused', chatId: m.chat.id, reason: 'size', localeHint: m.from.language_code };
    return { kind: 'event', event: { ...base, ...optional('text', text), file: { kind: 'photo', ref: largest.file_id, ...optional('size', largest.file_size) } } };
  }
  if (m.document) {
    const d = m.document;
    if (d.mime_type !== undefined && !ACCEPTED_MIME.test(d.mime_type)) return { kind: 'file-refused', chatId: m.chat.id, reason: 'type', localeHint: m.from.language_code };
    if ((d.file_size ?? 0) > MAX_FILE_BYTES) return { kind: 'file-refused', chatId: m.chat.id, reason: 'size', localeHint: m.from.language_code };
    return {
      kind: 'event',
      event: { ...base, ...optional('text', text), file: { kind: 'document', ref: d.file_id, ...optional('name', d.file_name), ...optional('mime', d.mime_type), ...optional('size', d.file_size) } },
    };
  }
  if (text === undefined) return { kind: 'unreadable', chatId: m.chat.id, localeHint: m.from.language_code };
  return { kind: 'event', event: { ...base, text } };
}

/** `{ key: value }` only when value is defined (the neutral types use optional fields, not undefined). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
