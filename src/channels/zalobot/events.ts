/**
 * What the Zalo Bot Platform delivers, read with zod: an update is `{event_name, message}`; a
 * webhook call carries it either wrapped as documented (`{ok: true, result: {...}}`) or flat as
 * observed, and both are accepted. Ids are strings; a message is identified by its message_id
 * (there is no update_id).
 */
import { z } from 'zod';
import { inboundEvent, type InboundEvent } from '../../chat/types.ts';

const id = z.union([z.string().min(1), z.number()]).transform(String);

const update = z
  .object({
    event_name: z.string().optional(),
    message: z
      .object({
        message_id: id,
        from: z.object({ id, display_name: z.string().optional(), first_name: z.string().optional() }).loose(),
        chat: z.object({ id, chat_type: z.string().optional() }).loose(),
        text: z.string().optional(),
        photo: z.string().optional(),
        photo_url: z.string().optional(),
        caption: z.string().optional(),
      })
      .loose(),
  })
  .loose();

type ZaloBotUpdate =
  | { kind: 'message'; key: string; event: InboundEvent }
  /** A sticker, or what the platform calls unsupported: nothing to read; the person is told what the bot reads. */
  | { kind: 'unreadable'; chatId: string }
  /** A group chat: the bot talks in private chats only. */
  | { kind: 'ignore'; reason: string }
  | { kind: 'invalid'; problems: string[] };

/** The update inside a webhook body, wrapped or flat. */
function unwrap(body: unknown): unknown {
  const wrapped = z.object({ ok: z.boolean(), result: z.unknown() }).loose().safeParse(body);
  return wrapped.success ? wrapped.data.result : body;
}

export function readZaloBotUpdate(raw: unknown): ZaloBotUpdate {
  const parsed = update.safeParse(unwrap(raw));
  if (!parsed.success) return { kind: 'invalid', problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`) };
  const { event_name: name = 'message.text.received', message: m } = parsed.data;
  if (m.chat.chat_type && m.chat.chat_type.toUpperCase() !== 'PRIVATE') return { kind: 'ignore', reason: 'group' };
  const base = { channel: 'zalobot' as const, externalId: m.chat.id, messageId: m.message_id, ...(m.from.display_name || m.from.first_name ? { displayName: m.from.display_name ?? m.from.first_name } : {}) };
  const photo = m.photo ?? m.photo_url;
  let event: InboundEvent;
  if (name === 'message.image.received' && photo) event = { ...base, file: { kind: 'photo', ref: photo }, ...(m.caption?.trim() ? { text: m.caption.trim() } : {}) };
  else if (name === 'message.text.received' && m.text !== undefined && m.text.trim() !== '') event = { ...base, text: m.text.trim() };
  else return { kind: 'unreadable', chatId: m.chat.id };
  const checked = inboundEvent.safeParse(event);
  return checked.success ? { kind: 'message', key: m.message_id, event: checked.data } : { kind: 'invalid', problems: ['message: not an inbound event'] };
}
