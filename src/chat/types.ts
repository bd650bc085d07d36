/**
 * The messenger-neutral shapes every channel adapter translates to and from. Nothing here knows
 * Telegram, Zalo or a terminal.
 */
import { z } from 'zod';
import { CHANNELS, EVIDENCE_KINDS } from '../util/vocabulary.ts';

const fileRef = z.object({
  kind: z.enum(EVIDENCE_KINDS).exclude(['link']),
  /** The channel's own handle for the file (Telegram file_id, Zalo URL…). */
  ref: z.string().min(1),
  name: z.string().optional(),
  mime: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
});
export type FileRef = z.infer<typeof fileRef>;

export const inboundEvent = z.object({
  channel: z.enum(CHANNELS),
  /** The person's id on that channel (Telegram chat id, Zalo user id…). */
  externalId: z.string().min(1),
  displayName: z.string().optional(),
  /** The messenger's language setting, used until the person picks one. */
  localeHint: z.string().optional(),
  /** Typed text, or a command such as "/start ABC". */
  text: z.string().optional(),
  /** A pressed button's payload (see encodeChoice). */
  choice: z.string().optional(),
  file: fileRef.optional(),
  /** Never from a messenger: a form the person sent has been read (its form_uploads id). */
  upload: z.number().int().positive().optional(),
  /** The messenger's id of this message, where answering it by that id matters (Zalo counts such answers as free replies). */
  messageId: z.string().min(1).max(200).optional(),
});
export type InboundEvent = z.infer<typeof inboundEvent>;

export interface Choice {
  /** Stable id of the option within its question. */
  id: string;
  label: string;
}

export interface OutboundMessage {
  text: string;
  /** Options to offer; each adapter renders them its own way and accepts the number or label typed. */
  choices?: Choice[];
  /**
   * false when the question also takes a typed number (an amount, a date): the options are then
   * shown without numbers and a typed "1" is an answer, not option 1.
   */
  numbered?: boolean;
  /** The question's sequence number, carried in button payloads so stale presses are recognised. */
  seq?: number;
  /** A file to send along (exports). */
  file?: { path: string; name: string };
  /** A picture (a chart, PNG) shown as a photo where the messenger has them; `text` is its caption. */
  image?: { path: string; name: string };
  /**
   * The channel's id of an earlier message that this one updates: edited in place where the channel
   * can (a ticked option on Telegram), else this is sent as a new message.
   */
  replaces?: string;
  /** The channel's id of an earlier question whose buttons are now dead: they are taken away first. */
  retire?: string;
  /**
   * The person's message this answers (its messenger id, and when it was handled): Zalo counts a
   * message sent with it as one of the free replies to that message rather than a proactive one.
   */
  replyTo?: { id: string; at: number };
  /**
   * The question asks for the person's phone number: where the messenger has its own form for it
   * (Zalo's `request_user_info`), the form is sent too, with this title and line.
   */
  askPhone?: { title: string; subtitle: string };
  /** What a reminder says, field by field, for channels that send templates rather than text (ZNS). */
  notice?: { name: string; unit: string; what: string; due: string; movement: string };
}

/** A message for someone other than the sender (e.g. the admins, when a unit submits). */
export interface Notification {
  personId: number;
  message: OutboundMessage;
  /** Unique per (reason, person): a retry of the same event never notifies twice. */
  key: string;
}

/** A button payload: `<seq>:<choice id>`, well under Telegram's 64-byte callback limit. */
export const encodeChoice = (seq: number, id: string) => `${seq}:${id}`;

export function decodeChoice(payload: string): { seq: number; id: string } | undefined {
  const m = /^(\d{1,9}):(.{1,56})$/s.exec(payload);
  return m ? { seq: Number(m[1]), id: m[2]! } : undefined;
}
