/**
 * The Zalo channel as it runs: the real webhook route on the bot's HTTP server (127.0.0.1, port 0),
 * the real chat core over a temp SQLite file with the sample movement, and the fake OA API. People
 * "write" by POSTing the sample payloads, signed like Zalo signs them, at the harness's clock.
 */
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { JobRunner } from '../../../src/jobs/runner.ts';
import { createZaloChannel, type ZaloChannel } from '../../../src/channels/zalo/adapter.ts';
import type { SignedLinks } from '../../../src/http/signed-links.ts';
import { zaloMac } from '../../../src/channels/zalo/signature.ts';
import { storeTokenPair } from '../../../src/db/zalo-tokens.ts';
import type { ChannelSender, SendResult } from '../../../src/chat/channel.ts';
import type { OutboundMessage } from '../../../src/chat/types.ts';
import { ChatCore } from '../../../src/chat/core.ts';
import type { DeferredFlow, Flow } from '../../../src/chat/engine.ts';
import { Dispatcher } from '../../../src/delivery/dispatcher.ts';
import { sendRow, settleRow } from '../../../src/delivery/outbox.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Db } from '../../../src/db/connection.ts';
import { cliActor } from '../../../src/domain/audit.ts';
import { fixedClock } from '../../../src/util/clock.ts';
import { createInvite } from '../../../src/domain/invites.ts';
import { ALL_FLOWS } from '../../../src/flows/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/http/server.ts';
import { createLogger, silentLogger } from '../../../src/util/log.ts';
import { fold } from '../../../src/util/text.ts';
import { FEB_15, loadSample } from '../../helpers/chat.ts';
import { openTempDatabase, removeTempDatabases, type TempDatabase } from '../../helpers/db.ts';
import { APP_ID, fixtureJson, OA_SECRET_KEY, startFakeZalo, type FakeZalo, type SentMessage } from './fake-zalo.ts';
import type { Role } from '../../../src/domain/model.ts';

export const DAY = 24 * 3600_000;
const open: ZaloHarness[] = [];

/** Closes every harness (channel, servers) and then removes the temp databases, after each test. */
export function useZaloHarnesses(): void {
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
    removeTempDatabases();
  });
}

export function sign(raw: string | Buffer, timestamp: string, key = OA_SECRET_KEY): string {
  return `mac=${zaloMac({ appId: APP_ID, rawBody: Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'), timestamp, key })}`;
}

export class ZaloHarness {
  readonly clock = fixedClock(FEB_15);
  readonly logs: string[] = [];
  readonly log = createLogger('debug', (line) => this.logs.push(line));
  channel!: ZaloChannel;
  outbox!: Dispatcher;
  jobs!: JobRunner;
  /** Signed links for files Zalo will not take, when the test gives some. */
  links?: SignedLinks;
  /** The core's flows (a test may add its own). */
  flows: (Flow<any> | DeferredFlow)[] = ALL_FLOWS;
  server!: RunningServer;
  private seen = new Map<string, number>();
  private msgCounter = 0;

  constructor(
    readonly temp: TempDatabase,
    readonly fake: FakeZalo,
  ) {}

  get db(): Db {
    return this.temp.db;
  }

  async start(env: Record<string, string> = {}): Promise<this> {
    const config = loadConfig({
      // The fake's file storage is on 127.0.0.1, which the bot refuses to download from unless told.
      ZALO_FILE_HOSTS: '127.0.0.1',
      ZALO_FILE_ALLOW_ADDRESSES: '127.0.0.1',
      ...env,
      DATABASE_PATH: this.temp.path,
      ZALO_APP_ID: APP_ID,
      ZALO_APP_SECRET: 'test-app-secret',
      ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
      ZALO_API_BASE: this.fake.base,
      ZALO_OAUTH_BASE: this.fake.base,
    });
    const core = new ChatCore({ db: this.db, clock: this.clock, flows: this.flows, log: this.log });
    // The outbox's dispatcher, as the bot runs it: every reply goes out through it.
    const senders: ChannelSender[] = [];
    this.outbox = new Dispatcher({ db: this.db, senders, clock: this.clock, log: this.log, pollMs: 20 });
    // Exports and forms asked for in chat, as src/main.ts runs them (the file fetcher is the channel's).
    const fetchers: { zalo?: ZaloChannel['fetchFile'] } = {};
    this.jobs = new JobRunner(
      { db: this.db, core, clock: this.clock, log: this.log, exportDir: join(this.temp.dir, 'exports'), dir: join(this.temp.dir, 'forms'), fetchers },
      () => this.outbox.kick(),
    );
    this.channel = createZaloChannel({ config, db: this.db, core, clock: this.clock, log: this.log, keepAliveMs: 0, outbound: this.outbox, onJob: this.jobs.run, links: this.links });
    fetchers.zalo = this.channel.fetchFile;
    senders.push(this.channel.sender);
    this.outbox.start();
    this.server = await startHttpServer(0, this.channel.routes, this.log, '127.0.0.1');
    return this;
  }

  /** Waits until the updates in the queue are handled and their replies sent. */
  async settled(): Promise<void> {
    await this.channel.idle();
    await this.jobs.idle();
    await this.outbox.whenIdle();
  }

  async close(): Promise<void> {
    await this.channel.stop();
    await this.outbox.stop();
    await this.server.close();
    await this.fake.close();
  }

  /** POSTs raw bytes to the webhook, signed (unless `signature` says otherwise); waits for the processing. */
  async post(raw: string | Buffer, options: { timestamp?: string; signature?: string | null } = {}): Promise<number> {
    const timestamp = options.timestamp ?? String(this.clock.now());
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const signature = options.signature === undefined ? sign(raw, timestamp) : options.signature;
    if (signature !== null) headers['x-zevent-signature'] = signature;
    const response = await fetch(`http://127.0.0.1:${this.server.port}/zalo/webhook`, { method: 'POST', headers, body: raw });
    await response.text();
    await this.settled();
    return response.status;
  }

  /** POSTs an event object, its timestamp set to the harness's clock. */
  postEvent(event: Record<string, unknown>): Promise<number> {
    const timestamp = String(this.clock.now());
    return this.post(JSON.stringify({ ...event, timestamp }), { timestamp });
  }

  /** A user_send_text event shaped like Zalo's sample. */
  textEvent(userId: string, text: string, msgId = `msg${++this.msgCounter}-${userId}`): Record<string, unknown> {
    const sample = fixtureJson('user_send_text.official-example.json');
    // Zalo knows the message the bot will answer by its id.
    this.fake.inbound(userId, msgId, this.clock.now());
    return { ...sample, sender: { id: userId }, message: { text, msg_id: msgId } };
  }

  /** Sends text as `userId`; returns the messages the bot sent them in answer. */
  async say(userId: string, text: string): Promise<SentMessage[]> {
    expect(await this.postEvent(this.textEvent(userId, text))).toBe(200);
    return this.newMessages(userId);
  }

  /** Taps the button whose title contains `label` (accents ignored) under the latest message with buttons. */
  async press(userId: string, label: string): Promise<SentMessage[]> {
    const withButtons = [...this.fake.messages(userId)].reverse().find((m) => m.buttons);
    const button = withButtons?.buttons?.find((b) => fold(b.title).includes(fold(label)));
    expect(button, `no button "${label}" in ${JSON.stringify(withButtons?.buttons?.map((b) => b.title))}`).toBeDefined();
    return this.say(userId, button!.payload);
  }

  /** Sends a sample attachment event (user_send_image / user_send_file) as `userId`. */
  async sendFixture(userId: string, name: string): Promise<SentMessage[]> {
    const sample = fixtureJson(name);
    if (sample.message?.msg_id) this.fake.inbound(userId, sample.message.msg_id, this.clock.now());
    expect(await this.postEvent({ ...sample, sender: { id: userId } })).toBe(200);
    return this.newMessages(userId);
  }

  /** What was sent to `userId` since the last call. */
  newMessages(userId: string): SentMessage[] {
    const all = this.fake.messages(userId);
    const from = this.seen.get(userId) ?? 0;
    this.seen.set(userId, all.length);
    return all.slice(from);
  }

  invite(unitCode: string | null, role: Role = 'liaison', name = `Cán bộ ${unitCode ?? 'Ban'}`): string {
    return createInvite(this.db, { unitCode, role, personName: name }, cliActor, this.clock.now()).code;
  }

  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
    return this.db.$client.prepare(sql).all(...params) as T[];
  }

  logged(msg: string): Record<string, unknown>[] {
    return this.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
  }
}

/** A send as the outbox makes it: the result settled as a row's would be (the outbox, not the sender, marks an unreachable account). */
export async function sendAndSettle(h: ZaloHarness, sender: ChannelSender, externalId: string, message: OutboundMessage): Promise<SendResult> {
  const identity = h.rows<{ id: number; personId: number | null }>('SELECT id, person_id AS personId FROM identities WHERE channel = ? AND external_id = ?', sender.channel, externalId)[0]!;
  const row = { id: 0, personId: identity.personId, identityId: identity.id, channel: sender.channel, payload: message, attempts: 0, externalId, reply: false, bulk: false, reminder: false };
  const result = await sendRow(sender, row);
  settleRow(h.db, row, result, h.clock.now(), [], silentLogger);
  return result;
}

export const textOf = (messages: SentMessage[]) => messages.map((m) => m.text ?? '').join('\n---\n');

/** ZNS configured against the fake: a template whose parameters are named as Zalo's console shows them. */
export const ZNS_ENV = { ZALO_ZNS_TEMPLATE_ID: '424242', ZALO_ZNS_PARAMS: 'name=ten_can_bo, unit=don_vi, what=noi_dung, due=han_chot' };

/** A harness with the sample movement loaded and the fake's tokens stored, valid for a day; `env` adds configuration, `links` signed file links, `flows` the core's flows. */
export async function zaloHarness(
  env: Record<string, string> = {},
  options: { links?: (h: ZaloHarness) => SignedLinks; flows?: (Flow<any> | DeferredFlow)[] } = {},
): Promise<ZaloHarness> {
  const temp = openTempDatabase();
  loadSample(temp.db);
  const fake = await startFakeZalo();
  const h = new ZaloHarness(temp, fake);
  fake.now = () => h.clock.now();
  if (options.links) h.links = options.links(h);
  if (options.flows) h.flows = options.flows;
  open.push(h);
  storeTokenPair(temp.db, { accessToken: fake.valid.access, refreshToken: fake.valid.refresh, expiresAt: h.clock.now() + DAY }, h.clock.now());
  return h.start({ ZALO_ZNS_API_BASE: fake.base, ...env });
}
