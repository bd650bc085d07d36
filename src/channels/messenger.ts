/**
 * What a messenger is to the running bot (main.ts goes through the registry, registry.ts): its
 * configuration slice (off, on, or half set up: config.ts), its pace for the dispatcher, and a
 * start that hands back the webhook routes for the HTTP server, the senders the dispatcher sends
 * through, the file fetcher for forms sent in, and the stop. The terminal chat is not one: it is
 * the mode with no messenger configured.
 */
import type { ChannelDeps, ChannelSender } from '../chat/channel.ts';
import type { FileFetcher } from '../chat/files.ts';
import type { MessengerId, MessengerSettings } from '../config.ts';
import type { ChannelPace } from '../delivery/pace.ts';
import type { Route } from '../http/server.ts';
import type { SignedLinks } from '../http/signed-links.ts';
import type { Args } from '../i18n/index.ts';
import type { Channel } from '../domain/model.ts';

/** What starting a messenger needs: the running bot's parts, and signed links for files it will not carry. */
interface MessengerDeps extends ChannelDeps {
  links?: SignedLinks | undefined;
}

interface StartedMessenger {
  /** Webhooks, served by the bot's HTTP server. */
  routes: Route[];
  /** Where the dispatcher sends this messenger's outbox rows (Zalo: the OA, and ZNS when set up). */
  senders: ChannelSender[];
  /** Downloads a file a person sent (a filled form), for messengers that take files. */
  fetchFile?: FileFetcher;
  /** The start-up line (stderr) saying how it receives messages. */
  started: { text: string; args: Args };
  /** Settles if the messenger stops on its own (Telegram's 409): the bot then shuts down. */
  stopped?: Promise<void>;
  /** Stops taking updates and finishes the one in hand. */
  stop(): Promise<void>;
  /** Resolves when the updates taken so far are handled (tests, orderly shutdowns). */
  idle(): Promise<void>;
}

/** A messenger stopped on its own for a reason the person running the bot is told (`text`), not a fault. */
export class MessengerStopped extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

export interface Messenger {
  id: MessengerId;
  /** Its configuration slice and the rule that says whether it is on. */
  settings: MessengerSettings;
  /** The dispatcher's pace for each channel it sends on. */
  pace: Partial<Record<Channel, ChannelPace>>;
  start(deps: MessengerDeps): Promise<StartedMessenger>;
}
