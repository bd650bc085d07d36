/**
 * The messenger-neutral heart of the bot: one inbound event in, the replies out. Each event is one
 * short SQLite transaction: find the person, load their conversation, read the answer, advance,
 * save. Notifications for others come back with the replies, for the inbound layer to write.
 */
import type { Db } from '../db/connection.ts';
import { inTransaction } from '../db/prepared.ts';
import type { conversations } from '../db/schema.ts';
import type { Actor } from '../domain/audit.ts';
import type { Clock } from '../util/clock.ts';
import { currentMovement, listContentAreas } from '../domain/movements.ts';
import { DomainError } from '../domain/errors.ts';
import { DEFAULT_LOCALE, isLocale, translator, type Args, type Locale, type Translate } from '../i18n/index.ts';
import type { Logger } from '../util/log.ts';
import { matchChoice } from './choices.ts';
import { EMPTY_HISTORY, isHistoryText, popHistory, pushHistory } from './history.ts';
import { CommandBook } from './commands.ts';
import { isOffer, offerRow, offerTaken } from './offer.ts';
import { deleteConversation, findConversation, personWithUnit, saveConversation, touchIdentity } from './store.ts';
import { CONVERSATION_IDLE_MS, FlowNotLoaded, isDeferred, refusalFor, renderPrompt, type Answer, type Asked, type DeferredFlow, type Flow, type FlowContext, type Job, type StepResult } from './engine.ts';
import { decodeChoice, type Choice, type InboundEvent, type Notification, type OutboundMessage } from './types.ts';
import type { ContentArea, Identity, Movement } from '../domain/model.ts';

/** How long the open movement and its content areas are taken as known (see ChatCore.reference). */
const MOVEMENT_CACHE_MS = 5_000;

/** A conversation row with its JSON read (the history stays text, see history.ts): what the rest of the core works with. */
type ConversationRow = Omit<typeof conversations.$inferSelect, 'data' | 'asked'> & {
  data: unknown;
  /** Absent in a row saved before questions were kept, or when it did not read back: asked again then. */
  asked: Asked | undefined;
};

/** A saved Asked, if it has the shape the core wrote. */
function readAsked(value: unknown): Asked | undefined {
  const asked = value as Asked | null | undefined;
  if (typeof asked !== 'object' || asked === null || !Array.isArray(asked.choices)) return undefined;
  for (const c of asked.choices) if (typeof c?.id !== 'string' || typeof c.label !== 'string') return undefined;
  return typeof asked.numbered === 'boolean' && typeof asked.acceptsFile === 'boolean' ? asked : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface HandleResult {
  replies: OutboundMessage[];
  identityId: number;
  /** Messages for other people (the admins, when a unit submits): written to the outbox with the replies. */
  notifications: Notification[];
  /** A pressed button belonged to an earlier question (a double tap, an old message). */
  stale: boolean;
  /** The answer was taken and the same question asked again, updated (e.g. a ticked title). */
  sameQuestion: boolean;
  /** Work to run after this message (see FlowContext.schedule). */
  jobs: Job[];
}

interface ChatCoreOptions {
  db: Db;
  clock: Clock;
  /** Deferred ones load on first use (the event that needs one throws FlowNotLoaded meanwhile) or with loadFlows(). */
  flows: (Flow<any> | DeferredFlow)[];
  log: Logger;
  defaultLocale?: Locale;
}

export class ChatCore {
  private readonly flows: Map<string, Flow<any> | DeferredFlow>;
  /** The commands the flows declare, with the engine's own: how a command is read, menus, /help. */
  readonly commands: CommandBook;
  /** What the event in hand turned out to be; reset by each handle(). */
  private outcome = { stale: false, sameQuestion: false };

  constructor(private readonly options: ChatCoreOptions) {
    this.flows = new Map(options.flows.map((f) => [f.id, f]));
    this.commands = new CommandBook(options.flows);
  }

  /** Loads every deferred flow; settles when all have loaded or failed. */
  async loadFlows(): Promise<void> {
    const deferred = [...this.flows.values()].filter(isDeferred);
    await Promise.all(deferred.map((flow) => flow.load()));
    for (const flow of deferred) if (flow.failure !== undefined) this.options.log.error('flow failed to load', { flow: flow.id, error: String(flow.failure) });
  }

  /**
   * The flow named `id`, undefined if none; throws FlowNotLoaded while a deferred one loads (the
   * event is handled again once it has), and the fault that kept one from loading.
   */
  private flowNamed(id: string): Flow<any> | undefined {
    const flow = this.flows.get(id);
    if (!flow || !isDeferred(flow)) return flow;
    if (flow.loaded) return flow.loaded;
    if (flow.failure !== undefined) throw flow.failure;
    throw new FlowNotLoaded(id, flow.load());
  }

  /**
   * One event: its replies, the notices for others and the work it asked for. Throws FlowNotLoaded
   * when it needs a flow still loading: nothing of it was kept, to be handled again once loaded.
   */
  handle(event: InboundEvent): HandleResult {
    const { db, clock } = this.options;
    const now = clock.now();
    return inTransaction(db, () => {
      const identity = this.touchIdentity(event, now);
      const ctx = this.context(identity, event, now);
      const replies: OutboundMessage[] = [];
      const notes: string[] = [];
      const notifications: Notification[] = [];
      const outcome = { stale: false, sameQuestion: false };
      this.outcome = outcome;
      ctx.notify = (personIds, key, id, args, choices) => {
        notifications.push(...this.notifications(personIds, key, id, args, choices));
      };
      const jobs: Job[] = [];
      ctx.schedule = (job) => jobs.push(job);

      let convo = this.loadConversation(identity.id, ctx, now, notes);
      const reply = (message: OutboundMessage) => {
        if (notes.length > 0) message = { ...message, text: [...notes.splice(0), message.text].join('\n\n') };
        replies.push(message);
      };

      try {
        // A savepoint: when a domain rule refuses the answer, everything this event wrote is undone.
        convo = inTransaction(db, () => this.dispatch(ctx, convo, event, reply, notes), { savepoint: true });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        replies.length = 0;
        jobs.length = 0;
        notifications.length = 0;
        convo = this.loadConversation(identity.id, ctx, now, notes);
        notes.push(ctx.t(error.code, error.args));
        if (convo) reply(this.prompt(ctx, convo));
      }
      if (notes.length > 0) replies.push({ text: notes.join('\n\n') });
      return { replies, identityId: identity.id, notifications, ...outcome, jobs };
    });
  }

  private dispatch(
    ctx: FlowContext,
    convo: ConversationRow | undefined,
    event: InboundEvent,
    reply: (m: OutboundMessage) => void,
    notes: string[],
  ): ConversationRow | undefined {
    const text = event.text?.trim() ?? '';
    // The next steps a finished action offered stand only for an answer that picks one of them.
    if (convo && isOffer(convo) && !offerTaken(this.asked(ctx, convo), text, event.choice !== undefined)) convo = this.end(ctx.identity.id);
    if (event.choice !== undefined) {
      const decoded = decodeChoice(event.choice);
      // `go:<flow>` opens a flow from anywhere; `go:<flow>:<args>` with what its command would take (`go:register:form`).
      if (decoded?.id.startsWith('go:')) {
        const [flow = '', ...args] = decoded.id.slice(3).split(':');
        return this.startFlow(ctx, convo, flow, args.join(':'), reply);
      }
      const choice =
        convo && decoded && decoded.seq === convo.seq ? this.asked(ctx, convo).choices.find((c) => c.id === decoded.id) : undefined;
      if (convo && choice) return this.answer(ctx, convo, { choice }, reply);
      // A button from an earlier question (pressed twice, or after the conversation moved on).
      this.outcome.stale = true;
      notes.push(ctx.t('conv-stale-button'));
      if (convo) {
        reply(this.prompt(ctx, convo));
        return convo;
      }
      return this.startFlow(ctx, convo, this.idleFlow(ctx), '', reply);
    }
    if (event.upload !== undefined) {
      // A form read after the person moved on (or left): said so, nothing of it is used.
      if (convo && this.asked(ctx, convo).acceptsFile) return this.answer(ctx, convo, { upload: event.upload }, reply);
      notes.push(ctx.t('form-read-too-late'));
      if (convo) reply(this.prompt(ctx, convo));
      return convo;
    }
    if (text.startsWith('/')) return this.command(ctx, convo, text, reply);
    if (convo && event.file && !this.asked(ctx, convo).acceptsFile) {
      reply(this.prompt(ctx, convo, ctx.t('conv-file-not-expected')));
      return convo;
    }
    if (convo) return this.answer(ctx, convo, this.readAnswer(ctx, convo, text, event), reply);
    // A file with no question waiting for it (a form filled after the conversation ended): said how to send it, with the menu.
    if (event.file && ctx.person) notes.push(ctx.t('conv-file-no-question', { name: event.file.name ?? '' }));
    // No conversation: a linked person gets the menu, anyone else is asked for their code.
    return this.startFlow(ctx, convo, this.idleFlow(ctx), ctx.person ? '' : text, reply);
  }

  /** The flow an idle person lands in: the main menu once linked, else linking. */
  private idleFlow(ctx: FlowContext): string {
    return ctx.person ? 'menu' : 'link';
  }

  private touchIdentity(event: InboundEvent, now: number): Identity {
    const hint = event.localeHint?.slice(0, 2).toLowerCase();
    return touchIdentity(this.options.db, event, isLocale(hint) ? hint : null, now);
  }

  private context(identity: Identity, event: InboundEvent, now: number): FlowContext {
    const { db } = this.options;
    const found = identity.personId ? personWithUnit(db, identity.personId) : undefined;
    const active = found?.person.active ? found.person : null;
    const unit = active ? (found?.unit ?? null) : null;
    const locale: Locale = active?.locale ?? identity.locale ?? this.options.defaultLocale ?? DEFAULT_LOCALE;
    const actor: Actor = { personId: active?.id ?? null, label: `${event.channel}:${event.externalId}` };
    const t = translator(locale);
    return {
      db,
      now,
      locale,
      t,
      identity,
      person: active,
      unit,
      movement: this.movement(),
      areas: (movementId) => this.areas(movementId),
      actor,
      notify: () => undefined,
      schedule: () => undefined,
      commandList: () => (active ? this.commands.help(t, locale, active.role) : t('conv-help-unlinked')),
    };
  }

  private readonly cached = new Map<string, { value: unknown; at: number }>();

  /**
   * What every message needs and an import changes a few times a year (the open movement, its
   * content areas): asked of the database at most every few seconds, so a change made by another
   * process (the CLI) is seen soon.
   */
  private reference<T>(key: string, load: () => T): T {
    const now = performance.now();
    let entry = this.cached.get(key);
    if (!entry || now - entry.at > MOVEMENT_CACHE_MS) this.cached.set(key, (entry = { value: load(), at: now }));
    return entry.value as T;
  }

  private movement(): Movement | null {
    return this.reference('movement', () => currentMovement(this.options.db) ?? null);
  }

  private areas(movementId: number): ContentArea[] {
    return this.reference(`areas:${movementId}`, () => listContentAreas(this.options.db, movementId));
  }

  /** Loads the saved conversation, dropping it (with a note) if it expired, changed shape or broke. */
  private loadConversation(identityId: number, ctx: FlowContext, now: number, notes: string[]): ConversationRow | undefined {
    const { db } = this.options;
    const stored = findConversation(db, identityId);
    if (!stored) return undefined;
    const data = parseJson(stored.data);
    const drop = (note: string) => {
      deleteConversation(db, identityId);
      notes.push(note);
      return undefined;
    };
    const flow = this.flowNamed(stored.flow);
    if (!flow || data === undefined || !isHistoryText(stored.history)) return drop(ctx.t('conv-flow-changed'));
    if (stored.expiresAt <= now) return drop(ctx.t('conv-expired'));
    const row: ConversationRow = { ...stored, data, asked: stored.asked === null ? undefined : readAsked(parseJson(stored.asked)) };
    if (row.flowVersion !== flow.version) {
      const migrated = flow.migrate?.(row.flowVersion, row.step, row.data);
      if (!migrated || !flow.steps[migrated.step] || !flow.schema.safeParse(migrated.data).success) return drop(ctx.t('conv-flow-changed'));
      this.log('conversation migrated', { flow: flow.id, from: row.flowVersion, to: flow.version });
      return this.save(identityId, { ...row, flowVersion: flow.version, step: migrated.step, data: migrated.data, history: EMPTY_HISTORY, asked: undefined }, now);
    }
    if (!flow.steps[row.step] || !flow.schema.safeParse(row.data).success) return drop(ctx.t('conv-flow-changed'));
    return row;
  }

  private save(identityId: number, row: Omit<ConversationRow, 'identityId' | 'updatedAt' | 'expiresAt'>, now: number): ConversationRow {
    const saved = { ...row, identityId, updatedAt: now, expiresAt: now + CONVERSATION_IDLE_MS };
    saveConversation(this.options.db, {
      ...saved,
      data: JSON.stringify(row.data),
      asked: row.asked ? JSON.stringify(row.asked) : null,
    });
    return saved;
  }

  private end(identityId: number): undefined {
    deleteConversation(this.options.db, identityId);
    return undefined;
  }

  private flowOf(convo: ConversationRow): Flow<any> {
    return this.flowNamed(convo.flow)!;
  }

  /** The conversation's question again (after a wrong answer, /help…). */
  private prompt(ctx: FlowContext, convo: ConversationRow, note?: string): OutboundMessage {
    return renderPrompt(ctx, this.flowOf(convo), convo.step, convo.data, convo.seq, note).message;
  }

  /** Moves the conversation to a new question: asks it and saves the row with what it offers. */
  private ask(
    ctx: FlowContext,
    row: Omit<ConversationRow, 'identityId' | 'updatedAt' | 'expiresAt' | 'asked'>,
    reply: (m: OutboundMessage) => void,
    note?: string,
  ): ConversationRow {
    const { message, asked } = renderPrompt(ctx, this.flowNamed(row.flow)!, row.step, row.data, row.seq, note);
    const saved = this.save(ctx.identity.id, { ...row, asked }, ctx.now);
    reply(message);
    return saved;
  }

  /** What the question in hand offered, as saved with it (built again for rows saved without it). */
  private asked(ctx: FlowContext, convo: ConversationRow): Asked {
    return convo.asked ?? renderPrompt(ctx, this.flowOf(convo), convo.step, convo.data, convo.seq).asked;
  }

  private readAnswer(ctx: FlowContext, convo: ConversationRow, text: string, event: InboundEvent): Answer {
    if (event.file) return { file: event.file, ...(text ? { text } : {}) };
    const asked = this.asked(ctx, convo);
    const choice = asked.choices.length > 0 ? matchChoice(text, asked.choices, asked.numbered) : undefined;
    return choice ? { choice, text } : { text };
  }

  private startFlow(
    ctx: FlowContext,
    convo: ConversationRow | undefined,
    flowId: string,
    args: string,
    reply: (m: OutboundMessage) => void,
    depth = 0,
  ): ConversationRow | undefined {
    const declared = this.flows.get(flowId);
    if (!declared) {
      reply({ text: ctx.t('conv-unknown-command') });
      return convo;
    }
    if (!declared.open && !ctx.person) {
      if (convo) this.end(ctx.identity.id);
      return this.startFlow(ctx, undefined, 'link', '', reply, depth + 1);
    }
    // A refusal needs only the declaration: a deferred flow is loaded for those who may open it.
    const started = refusalFor(ctx, declared) ?? this.flowNamed(flowId)!.start(ctx, args);
    if (started.kind === 'switch' && depth < 3) return this.startFlow(ctx, convo, started.flow, started.args ?? '', reply, depth + 1);
    if (started.kind === 'refuse' || started.kind === 'done') {
      // A refusal leaves the conversation in hand as it was; a one-answer flow ends any other.
      if (started.kind === 'done' && convo) convo = this.end(ctx.identity.id);
      reply({ text: started.message, ...(started.choices ? { choices: started.choices } : {}) });
      return started.kind === 'done' && !convo ? this.offer(ctx, started.choices) : convo;
    }
    if (started.kind !== 'start') return convo;
    const flow = this.flowNamed(flowId)!;
    return this.ask(
      ctx,
      { flow: flow.id, flowVersion: flow.version, step: started.step, seq: (convo?.seq ?? 0) + 1, data: started.data, history: EMPTY_HISTORY, startedAt: ctx.now },
      reply,
      started.note,
    );
  }

  private answer(ctx: FlowContext, convo: ConversationRow, answer: Answer, reply: (m: OutboundMessage) => void): ConversationRow | undefined {
    const flow = this.flowOf(convo);
    const result: StepResult<unknown> = flow.steps[convo.step]!.handle(ctx, convo.data, answer);
    switch (result.kind) {
      case 'invalid':
        reply(this.prompt(ctx, convo, result.message));
        return convo;
      case 'done':
        reply({ text: result.message, ...(result.choices ? { choices: result.choices } : {}) });
        this.end(ctx.identity.id);
        return this.offer(ctx, result.choices);
      case 'switch':
        return this.startFlow(ctx, convo, result.flow, result.args ?? '', reply);
      case 'next': {
        this.outcome.sameQuestion = result.step === convo.step && String(flow.steps[convo.step]!.progress?.(convo.data)) === String(flow.steps[convo.step]!.progress?.(result.data)); // counted on (the next target): a new question
        const history = result.saved ? EMPTY_HISTORY : pushHistory(convo.history, { step: convo.step, data: convo.data });
        return this.ask(ctx, { ...convo, step: result.step, data: result.data, history, seq: convo.seq + 1 }, reply, result.note);
      }
    }
  }

  /** Keeps the next steps a finished action offered as the question in hand (see offer.ts). */
  private offer(ctx: FlowContext, choices: Choice[] | undefined): ConversationRow | undefined {
    const row = offerRow((id) => this.flowNamed(id), choices, ctx.now);
    return row ? this.save(ctx.identity.id, row, ctx.now) : undefined;
  }

  private command(ctx: FlowContext, convo: ConversationRow | undefined, text: string, reply: (m: OutboundMessage) => void) {
    const [head = '', ...rest] = text.slice(1).split(/\s+/);
    // "/start@thidua_bot" in groups, "/Huỷ" typed with accents on a phone.
    const name = this.commands.named(head);
    const args = rest.join(' ').trim();
    switch (name) {
      case 'cancel':
        if (!convo) reply({ text: ctx.t('conv-nothing-to-cancel') });
        else reply({ text: ctx.t('conv-cancelled') });
        return convo ? this.end(ctx.identity.id) : undefined;
      case 'back': {
        if (!convo) {
          reply({ text: ctx.t('conv-nothing-to-cancel') });
          return convo;
        }
        const back = popHistory(convo.history);
        const flow = this.flowOf(convo);
        // A step saved by an older version of the flow may no longer exist: treat it as the start.
        if (!back || !flow.steps[back.previous.step] || !flow.schema.safeParse(back.previous.data).success) {
          reply(this.prompt(ctx, convo, ctx.t('conv-back-at-start')));
          return convo;
        }
        return this.ask(ctx, { ...convo, step: back.previous.step, data: back.previous.data, history: back.rest, seq: convo.seq + 1 }, reply);
      }
      case 'help': {
        if (!convo) {
          reply({ text: ctx.commandList() });
          return convo;
        }
        const flow = this.flowOf(convo);
        const step = flow.steps[convo.step]!;
        const help = step.help ? step.help(ctx, convo.data) : ctx.t(`${flow.id}-${convo.step}-help`);
        reply(this.prompt(ctx, convo, `${help}\n${ctx.t('conv-help-commands')}`));
        return convo;
      }
      case 'start':
        // "/start CODE" links; a bare /start greets a linked person and shows the menu.
        if (args === '' && ctx.person) return this.startFlow(ctx, convo, 'menu', '', reply);
        return this.startFlow(ctx, convo, 'link', args, reply);
      case undefined:
        reply({ text: ctx.t('conv-unknown-command', { command: head }) });
        if (convo) reply(this.prompt(ctx, convo));
        return convo;
      default:
        return this.startFlow(ctx, convo, this.commands.flow(name)!, args, reply);
    }
  }

  /**
   * A message for each active person, in their language. Keys are unique per reason and person, so
   * a repeated event never notifies twice.
   */
  private notifications(
    personIds: number[],
    key: string,
    id: string,
    args: Args | ((t: Translate) => Args) | undefined,
    choices: ((t: Translate) => Choice[]) | undefined,
  ): Notification[] {
    const out: Notification[] = [];
    for (const personId of personIds) {
      const person = personWithUnit(this.options.db, personId)?.person;
      if (!person?.active) continue;
      const tr = translator(person.locale);
      out.push({ personId, key: `${key}:${personId}`, message: { text: tr(id, typeof args === 'function' ? args(tr) : args), ...(choices ? { choices: choices(tr) } : {}) } });
    }
    return out;
  }

  private log(msg: string, fields: Record<string, unknown>): void {
    this.options.log.info(msg, fields);
  }
}
