/**
 * Guided conversations as step machines. A flow names its steps; each step asks (prompt), reads
 * an answer (handle) and says where to go next. The engine keeps the state in a SQLite row, so a
 * restart between two messages resumes exactly where the person was.
 */
import type { z } from 'zod';
import type { Db } from '../db/connection.ts';
import type { Actor } from '../domain/audit.ts';
import type { Args, Locale, Translate } from '../i18n/index.ts';
import type { ChartKind } from '../charts/index.ts';
import type { Choice, FileRef, OutboundMessage } from './types.ts';
import type { ContentArea, DocumentKind, Identity, Movement, Person, Role, Unit } from '../domain/model.ts';

export interface FlowContext {
  db: Db;
  now: number;
  locale: Locale;
  t: Translate;
  identity: Identity;
  person: Person | null;
  unit: Unit | null;
  /** The open movement, if any. */
  movement: Movement | null;
  /** A movement's content areas, by number (kept in memory: they change only with an import). */
  areas(movementId: number): ContentArea[];
  actor: Actor;
  /** Queues a message (by locale id, in each recipient's language) for other people. */
  /** `args` may be made in each recipient's language (a function of their translator), as `choices` are. */
  notify(personIds: number[], key: string, id: string, args?: Args | ((t: Translate) => Args), choices?: (t: Translate) => Choice[]): void;
  /** Asks for work too long for a chat message (an export): done after it, the result sent later. */
  schedule(job: Job): void;
  /** What /help says outside a conversation: the commands of the person's role, or how to link. */
  commandList(): string;
}

/** Work a flow asks for that runs outside the message's transaction. */
export type Job =
  /** The movement's figures, limited to the units the person may read when the job runs (domain/scope.ts). */
  | { kind: 'export'; personId: number; identityId: number; locale: Locale; movementId: number; format: 'xlsx' | 'csv' }
  /** Writes a unit's form (registration, a period's report, or its year-end self-assessment) and sends it to the person as a file. */
  | { kind: 'form-out'; personId: number; identityId: number; locale: Locale; form: 'targets' | 'results' | 'score'; registrationId: number; periodId: number | null }
  /**
   * Fetches a filled form the person sent, reads it, stores what was found (form_uploads) and hands
   * the conversation an `upload` event with its id, so the next question is asked as any other.
   */
  | { kind: 'form-in'; identityId: number; form: 'targets' | 'results' | 'score'; registrationId: number; periodId: number | null; file: FileRef }
  /**
   * One of the Board's documents (documents/index.ts): a unit's registration, the summary, a period's report; at the
   * year's end a cluster's minutes, tờ trình or scoring table (its `groupId`), the summary of proposals.
   */
  | {
      kind: 'document';
      personId: number;
      identityId: number;
      locale: Locale;
      movementId: number;
      document: DocumentKind;
      unitId?: number;
      periodCode?: string;
      groupId?: number;
    }
  /** A chart (charts/), drawn from the figures in the person's scope when the job runs and sent as a picture. */
  | ({ kind: 'chart'; personId: number; identityId: number; locale: Locale; movementId: number } & ChartAsked)
  /** A file sent for a checklist item of a proposal's dossier: fetched, checked by its bytes, kept beside the database and recorded. */
  | { kind: 'dossier-in'; personId: number; identityId: number; locale: Locale; movementId: number; proposalId: number; item: string; file: FileRef };

/** Which chart: of a period (its id) for the period charts; of one cluster/block (its id) when given. */
export interface ChartAsked {
  chart: ChartKind;
  periodId?: number;
  groupId?: number;
}

export interface Prompt {
  text: string;
  choices?: Choice[];
  /** See OutboundMessage.numbered. */
  numbered?: boolean;
  /** The question takes a photo or a document (evidence); elsewhere a file is refused. */
  acceptsFile?: boolean;
  /** See OutboundMessage.askPhone. */
  askPhone?: OutboundMessage['askPhone'];
}

export interface Answer {
  /** The typed text, trimmed (absent for a pressed button or a file). */
  text?: string;
  /** The option chosen, by button, number or label. */
  choice?: Choice;
  file?: FileRef;
  /** A sent form, read after the message that brought it (see Job 'form-in'): its form_uploads id. */
  upload?: number;
}

export type StepResult<D> =
  /**
   * Go to `step` (may be the same one) with new data; `note` confirms what was understood.
   * `saved` marks an answer that wrote to the database: /back cannot step behind it.
   */
  | { kind: 'next'; step: string; data: D; note?: string; saved?: boolean }
  /** The answer did not fit: explain, ask the same question again, keep nothing. */
  | { kind: 'invalid'; message: string }
  /** The flow is over. */
  | { kind: 'done'; message: string; choices?: Choice[] }
  /** Leave this flow for another one (e.g. the main menu starting a registration). */
  | { kind: 'switch'; flow: string; args?: string };

export interface Step<D> {
  /**
   * Where the person is, shown as "Bước i/n"; omitted for menus. A null total ("Bước i.") while the
   * path is not known yet, so the count never jumps (3/9 then 4/6) when an answer shortens it.
   */
  progress?(data: D): [number, number | null] | undefined;
  prompt(ctx: FlowContext, data: D): Prompt;
  handle(ctx: FlowContext, data: D, answer: Answer): StepResult<D>;
  /** What /help says at this step; defaults to the locale message `<flow>-<step>-help`. */
  help?(ctx: FlowContext, data: D): string;
}

export type StartResult<D> =
  | { kind: 'start'; step: string; data: D; note?: string }
  | { kind: 'refuse'; message: string; choices?: Choice[] }
  /** The flow's whole job fits in one answer (e.g. "my unit"). */
  | { kind: 'done'; message: string; choices?: Choice[] }
  | { kind: 'switch'; flow: string; args?: string };

/** Who a command is listed for: a linked person's role, or 'guest' before linking. */
export type Audience = Role | 'guest';

/**
 * A command: its names and where it is listed. Typed names are read folded ("/Đăng ký",
 * "/dangky@thidua_bot" alike); both names work whatever the language.
 */
export interface Command {
  /** The English name, shown in English; also names its texts (`tg-cmd-<en>`, `help-cmd-<en>`). */
  en: string;
  /** The Vietnamese name, shown in Vietnamese. */
  vi: string;
  /** Other names that work when typed (`/cham`, `/batdau`). */
  aliases?: string[];
  /** Whose Telegram command menu lists it. */
  menu: Audience[];
  /** Whose /help lists it, when not the same roles as the menu. */
  help?: Audience[];
  /** Its place in menus and /help, smaller first (the lists of several flows interleave). */
  place: number;
}

/** What a flow needs before it starts. The engine checks them in this order and gives the first refusal. */
interface Requirements {
  /** An open movement (refused with err-no-movement-chat). */
  movement?: true;
  /** Who may start it (`can.review`…, or having a unit), and the message id the others get. */
  person?: { may: (person: Person, unit: Unit | null) => boolean; refusal: string };
}

export interface Flow<D = unknown> {
  id: string;
  /** Bump when the steps or the data shape change; saved conversations of older versions are migrated or restarted. */
  version: number;
  /** Shape of the saved data: a row that does not match is never used. */
  schema: z.ZodType<D>;
  /** May a person who has not linked their account use it? Otherwise the engine starts linking instead. */
  open?: boolean;
  /** The commands that open it. */
  commands?: Command[];
  requires?: Requirements;
  start(ctx: FlowContext, args: string): StartResult<D>;
  steps: Record<string, Step<D>>;
  /** Brings data saved by an older version up to date, or undefined to restart the flow. */
  migrate?(fromVersion: number, step: string, data: unknown): { step: string; data: D } | undefined;
}

export const defineFlow = <D>(flow: Flow<D>): Flow<D> => flow;

/** What the engine knows of a flow before its code is loaded: how it is opened and by whom. */
export type FlowDeclaration = Pick<Flow<any>, 'id' | 'open' | 'commands' | 'requires'>;

/**
 * A flow whose code is loaded on first use, or when `load` is called: its declaration is enough
 * for the commands, the menus, /help and its refusals; its steps come with `load`.
 */
export interface DeferredFlow extends FlowDeclaration {
  /** The flow once loaded: its module's steps with this declaration. */
  readonly loaded: Flow<any> | undefined;
  /** Why loading failed, if it did (a fault of ours: every use of the flow fails with it). */
  readonly failure: unknown;
  /** Loads it (once); settles, never rejects: see `loaded` and `failure`. */
  load(): Promise<void>;
}

/** Declares a deferred flow: `importFlow` brings the rest of it (the module's `defineFlow`, without commands or requirements). */
export function deferFlow(declaration: FlowDeclaration, importFlow: () => Promise<Flow<any>>): DeferredFlow {
  let loaded: Flow<any> | undefined;
  let failure: unknown;
  let loading: Promise<void> | undefined;
  const load = async () => {
    try {
      const flow = await importFlow();
      if (flow.id !== declaration.id) throw new Error(`flow ${declaration.id} loaded ${flow.id}`);
      loaded = { ...flow, ...declaration };
    } catch (error) {
      // Never left undefined: the core would wait for the flow again and again.
      failure = error ?? new Error(`flow ${declaration.id} failed to load`);
    }
  };
  return {
    ...declaration,
    get loaded() {
      return loaded;
    },
    get failure() {
      return failure;
    },
    load: () => (loading ??= load()),
  };
}

export const isDeferred = (flow: Flow<any> | DeferredFlow): flow is DeferredFlow => 'load' in flow;

/**
 * An event needed a deferred flow not loaded yet: nothing of it was kept (the core's transaction
 * was undone). Handle the same event again once `loading` settles.
 */
export class FlowNotLoaded extends Error {
  constructor(
    readonly flow: string,
    readonly loading: Promise<void>,
  ) {
    super(`flow ${flow} is loading`);
  }
}

/** Waits for the flow when `error` is FlowNotLoaded, then true: the caller handles its event again. False for any other error. */
export async function waitedForFlow(error: unknown): Promise<boolean> {
  if (!(error instanceof FlowNotLoaded)) return false;
  await error.loading;
  return true;
}

/** The refusal for the first of a flow's requirements this person does not meet, if any. */
export function refusalFor(ctx: FlowContext, flow: FlowDeclaration): StartResult<never> | undefined {
  const { movement, person } = flow.requires ?? {};
  if (movement && !ctx.movement) return { kind: 'refuse', message: ctx.t('err-no-movement-chat') };
  if (person && !(ctx.person && person.may(ctx.person, ctx.unit))) return { kind: 'refuse', message: ctx.t(person.refusal) };
  return undefined;
}

/** How long a conversation may sit idle before it is dropped (with a note). */
export const CONVERSATION_IDLE_MS = 24 * 60 * 60 * 1000;

/**
 * What a question offered, saved with the conversation: the next answer is read against what the
 * person saw, without building the question again.
 */
export interface Asked {
  choices: Choice[];
  numbered: boolean;
  acceptsFile: boolean;
}

/** The question of a step as a message, and what it offers. */
export function renderPrompt<D>(
  ctx: FlowContext,
  flow: Flow<D>,
  stepId: string,
  data: D,
  seq: number,
  note?: string,
): { message: OutboundMessage; asked: Asked } {
  const step = flow.steps[stepId]!;
  const prompt = step.prompt(ctx, data);
  const progress = step.progress?.(data);
  const parts = [
    ...(note ? [note] : []),
    progress
      ? `${progress[1] === null ? ctx.t('conv-step-open', { index: progress[0] }) : ctx.t('conv-step', { index: progress[0], total: progress[1] })} ${prompt.text}`
      : prompt.text,
  ];
  const message: OutboundMessage = {
    text: parts.join('\n\n'),
    ...(prompt.choices && prompt.choices.length > 0 ? { choices: prompt.choices } : {}),
    ...(prompt.numbered === false ? { numbered: false } : {}),
    ...(prompt.askPhone ? { askPhone: prompt.askPhone } : {}),
    seq,
  };
  return { message, asked: { choices: prompt.choices ?? [], numbered: prompt.numbered !== false, acceptsFile: prompt.acceptsFile === true } };
}
