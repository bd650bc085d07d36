/**
 * What Zalo POSTs to the webhook, read with zod, and its translation to the neutral InboundEvent.
 * Zalo's documented shapes drift, so ids and timestamps are taken as strings or numbers, extra
 * fields are kept, and an event we do not know is reported as such rather than refused.
 */
import { z } from 'zod';
import { encodeChoice, inboundEvent, type FileRef, type InboundEvent } from '../../chat/types.ts';

const idValue = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const userRef = z.object({ id: idValue }).loose();
const timestamp = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform(String);

const attachment = z
  .object({
    type: z.string(),
    payload: z
      .object({
        url: z.string().optional(),
        thumbnail: z.string().optional(),
        name: z.string().optional(),
        size: z.union([z.string(), z.number()]).optional(),
      })
      .loose()
      .nullish(),
  })
  .loose();
type ZaloAttachment = z.infer<typeof attachment>;

const userMessage = z
  .object({
    event_name: z.string().startsWith('user_send_'),
    sender: userRef,
    timestamp,
    message: z
      .object({
        msg_id: z.union([z.string().min(1), z.number()]).transform(String).optional(),
        text: z.string().optional(),
        attachments: z.array(attachment).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

const followEvent = z.object({ event_name: z.enum(['follow', 'unfollow']), follower: userRef, timestamp }).loose();
/** The person's answer to the OA's `request_user_info` form: what they chose to share (every field may be missing). */
const submitInfo = z
  .object({
    event_name: z.literal('user_submit_info'),
    sender: userRef,
    timestamp,
    info: z
      .object({
        name: z.string().max(200).optional().catch(undefined),
        phone: z.union([z.string().max(40), z.number().int().nonnegative()]).transform(String).optional().catch(undefined),
      })
      .loose()
      .optional()
      .catch(undefined),
  })
  .loose();
const named = z.object({ event_name: z.string().min(1) }).loose();

const RECEIPTS = ['user_received_message', 'user_seen_message'] as const;

export type ZaloEvent =
  | { kind: 'message'; name: string; userId: string; timestamp: string; msgId?: string; text?: string; attachments: ZaloAttachment[] }
  | { kind: 'follow' | 'unfollow'; name: string; userId: string; timestamp: string }
  /** The person sent the OA's form: the phone they shared, if any. */
  | { kind: 'submit_info'; name: string; userId: string; timestamp: string; phone?: string }
  /** The OA's own messages echoed back, and delivery/seen receipts: never answered. */
  | { kind: 'echo' | 'receipt'; name: string }
  | { kind: 'unknown'; name: string }
  /** A known event whose shape we could not read (the problems name fields, never values). */
  | { kind: 'invalid'; name: string | undefined; problems: string[] };

const problemsOf = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`);

export function parseZaloEvent(body: unknown): ZaloEvent {
  const head = named.safeParse(body);
  if (!head.success) return { kind: 'invalid', name: undefined, problems: problemsOf(head.error) };
  const name = head.data.event_name;
  if (name.startsWith('oa_send_')) return { kind: 'echo', name };
  if ((RECEIPTS as readonly string[]).includes(name)) return { kind: 'receipt', name };
  if (name === 'follow' || name === 'unfollow') {
    const parsed = followEvent.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', name, problems: problemsOf(parsed.error) };
    return { kind: name, name, userId: parsed.data.follower.id, timestamp: parsed.data.timestamp };
  }
  if (name === 'user_submit_info') {
    const parsed = submitInfo.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', name, problems: problemsOf(parsed.error) };
    const phone = parsed.data.info?.phone?.trim();
    return { kind: 'submit_info', name, userId: parsed.data.sender.id, timestamp: parsed.data.timestamp, ...(phone ? { phone } : {}) };
  }
  if (name.startsWith('user_send_')) {
    const parsed = userMessage.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', name, problems: problemsOf(parsed.error) };
    const message = parsed.data.message;
    return {
      kind: 'message',
      name,
      userId: parsed.data.sender.id,
      timestamp: parsed.data.timestamp,
      ...(message?.msg_id ? { msgId: message.msg_id } : {}),
      ...(message?.text !== undefined ? { text: message.text } : {}),
      attachments: message?.attachments ?? [],
    };
  }
  return { kind: 'unknown', name };
}

type MessageEvent = Extract<ZaloEvent, { kind: 'message' }>;


/** A button's payload: our choice payload behind a '#', so it cannot be mistaken for a typed answer. */
export const buttonPayload = (seq: number, id: string): string => `#${encodeChoice(seq, id)}`;
const BUTTON_TEXT = /^#(\d{1,9}:.+)$/s;

function sizeOf(value: string | number | undefined): number | undefined {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function fileOf(event: MessageEvent): FileRef | undefined {
  for (const a of event.attachments) {
    const url = a.payload?.url?.trim();
    if (!url) continue;
    const type = a.type.toLowerCase();
    if (type === 'image' || type === 'photo' || type === 'gif') return { kind: 'photo', ref: url };
    if (type === 'file') {
      const size = sizeOf(a.payload?.size);
      const name = a.payload?.name?.trim();
      return { kind: 'document', ref: url, ...(name ? { name } : {}), ...(size !== undefined ? { size } : {}) };
    }
  }
  return undefined;
}

/**
 * The neutral event for a user's message: text, a pressed button (its text is the payload
 * `#<seq>:<id>`), a photo or a document, a shared link as its URL. Stickers, locations and the
 * like carry nothing the flows read: they become an empty message, and the question is asked again.
 * Undefined when the result would not be a valid InboundEvent.
 */
export function toInboundEvent(event: MessageEvent): InboundEvent | undefined {
  const base = { channel: 'zalo' as const, externalId: event.userId, ...(event.msgId ? { messageId: event.msgId } : {}) };
  const text = event.text?.trim() ?? '';
  const file = fileOf(event);
  let result: InboundEvent;
  if (file) result = { ...base, file, ...(text ? { text } : {}) };
  else if (event.name === 'user_send_link') {
    const url = event.attachments.map((a) => a.payload?.url?.trim()).find((u) => u);
    result = { ...base, ...(url || text ? { text: url || text } : {}) };
  } else {
    const button = BUTTON_TEXT.exec(text);
    result = button ? { ...base, choice: button[1]! } : { ...base, ...(text ? { text } : {}) };
  }
  const checked = inboundEvent.safeParse(result);
  return checked.success ? checked.data : undefined;
}
