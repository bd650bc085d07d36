/**
 * The terminal as a messenger: each typed line becomes an InboundEvent for the chat core, each
 * reply is printed as text. Only here can one switch who one is (`/as SNV`, `/as admin`): a trial
 * on one computer needs to play both the unit and the Ban TĐKT. No other channel has this command.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ChatCore } from '../../chat/core.ts';
import { FlowNotLoaded, waitedForFlow } from '../../chat/engine.ts';
import { handleAndQueue } from '../../inbound/inbound.ts';
import { accountLocale } from '../../chat/store.ts';
import { lastsUntilFixed, storageAlarm, storageFault } from '../../db/faults.ts';
import { inTransaction } from '../../db/prepared.ts';
import { backoffMs } from '../../util/backoff.ts';
import { recordSent } from '../../delivery/outbox.ts';
import { runPendingJobs } from '../../jobs/runner.ts';
import { FileTooLarge, type FileFetcher } from '../../chat/files.ts';
import type { OutgoingRow } from '../../chat/channel.ts';
import type { InboundEvent, OutboundMessage } from '../../chat/types.ts';
import type { Db } from '../../db/connection.ts';
import { consolePersona } from '../../domain/accounts.ts';
import type { Person } from '../../domain/model.ts';
import { firstUnits, unitByCode } from '../../domain/units.ts';
import { systemClock, type Clock } from '../../util/clock.ts';
import { DomainError } from '../../domain/errors.ts';
import { t, type Args, type Locale } from '../../i18n/index.ts';
import { silentLogger, type Logger } from '../../util/log.ts';
import { fold } from '../../util/text.ts';
import { deliverConsoleOutbox } from './outbox.ts';
import { renderMessage, type Render } from './render.ts';

/** A file given with /file: its reference is its path on this computer. */
const readLocalFile: FileFetcher = async (file, maxBytes) => {
  if (statSync(file.ref).size > maxBytes) throw new FileTooLarge();
  return readFile(file.ref);
};

export const CONSOLE_GUEST = 'console:guest';
export const CONSOLE_ADMIN = 'console:admin';
export const consoleUnitId = (code: string) => `console:unit:${code}`;

/** How many unit codes `/as` alone shows. */
const SAMPLE_CODES = 8;

/** Commands only the terminal knows, under their English and Vietnamese names. */
const CONSOLE_COMMANDS: Record<string, 'as' | 'quit' | 'file'> = { as: 'as', dongvai: 'as', quit: 'quit', thoat: 'quit', exit: 'quit', file: 'file', tep: 'file' };
const ADMIN_WORDS = new Set(['admin', 'quantri']);
const GUEST_WORDS = new Set(['guest', 'khach']);


interface ConsoleChatOptions {
  core: ChatCore;
  db: Db;
  locale: Locale;
  clock?: Clock;
  log?: Logger;
  render?: Render;
  /** Where exports asked for in the chat are written. */
  exportDir?: string;
  /** Where forms sent by the chat, and files sent to it with /file, are kept. */
  formsDir?: string;
  /** Prints a notice at once, while a line waits for the database (disk full or read-only). */
  onWaiting?: (notice: string) => void;
}

export class ConsoleChat {
  private externalId = CONSOLE_GUEST;
  private ended = false;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly render: Render;

  constructor(private readonly options: ConsoleChatOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? silentLogger;
    this.render = options.render ?? renderMessage;
  }

  /** The console identity speaking now: `console:guest`, `console:unit:SNV` or `console:admin`. */
  get currentIdentity(): string {
    return this.externalId;
  }

  /** True once /quit was typed. */
  get finished(): boolean {
    return this.ended;
  }

  /** Work asked for by the last line (an export), run before its answer is printed. */
  /** A line asked for work (an export, a form): the terminal's jobs are run after it. */
  private jobsAsked = false;

  /**
   * Handles one typed line and returns the text to print (empty for an empty line). While the
   * database cannot take the line (another process holds the lock, the disk is full), the line is
   * kept and tried again until it goes through; on a full disk the person is told so meanwhile.
   */
  async handleLine(line: string): Promise<string> {
    let answer: string;
    for (let attempt = 0; ; attempt++) {
      try {
        answer = await this.handleText(line);
        break;
      } catch (error) {
        if (await waitedForFlow(error)) continue;
        const fault = storageFault(error);
        if (!fault) throw error;
        storageAlarm.fault(this.log, fault, error, 'terminal chat');
        if (lastsUntilFixed(fault) && storageAlarm.firstNotice(`console:${this.externalId}`)) this.options.onWaiting?.(this.t('storage-waiting'));
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
      }
    }
    storageAlarm.recovered(this.log);
    if (!this.jobsAsked) return answer;
    this.jobsAsked = false;
    const parts = [answer];
    const deps = {
      db: this.options.db,
      core: this.options.core,
      clock: this.clock,
      log: this.log,
      exportDir: this.options.exportDir ?? 'exports',
      dir: this.options.formsDir ?? 'forms',
      fetchers: { console: readLocalFile },
    };
    // In the order asked; a form read prints the question that follows it.
    await runPendingJobs(deps, ['console'], (rows) => {
      if (rows.length > 0) parts.push(this.printRows(rows));
    });
    return [...parts, ...this.deliver()].filter((part) => part !== '').join('\n\n');
  }

  /** Replies a job wrote for the person speaking (a form read): printed and recorded as sent. */
  private printRows(rows: OutgoingRow[]): string {
    recordSent(this.options.db, rows.map((r) => r.id), this.clock.now());
    const locale = this.currentLocale();
    return rows.map((r) => this.render(r.payload, locale)).join('\n\n');
  }

  private async handleText(line: string): Promise<string> {
    const text = line.trim();
    if (text === '') return '';
    const command = text.startsWith('/') ? fold(text.slice(1).split(/\s+/)[0] ?? '').replace(/[^a-z]/g, '') : undefined;
    const args = text.replace(/^\S+\s*/, '').trim();
    try {
      switch (command !== undefined ? CONSOLE_COMMANDS[command] : undefined) {
        case 'quit':
          this.ended = true;
          return this.t('console-bye');
        case 'as':
          return this.actAs(args);
        case 'file':
          return this.sendFile(args);
        default: {
          const reply = this.send({ text });
          return command !== undefined && this.options.core.commands.named(command) === 'help' ? `${reply}\n${this.t('console-help-extra')}` : reply;
        }
      }
    } catch (error) {
      return this.failure(error);
    }
  }

  /** `/file <path>`: the file at `path` sent to the bot, as a document is sent on a messenger. */
  private sendFile(args: string): string {
    const path = resolve(args.replace(/^(["'])(.*)\1$/, '$2'));
    if (args === '' || !existsSync(path) || !statSync(path).isFile()) return this.t('console-file-usage', { path: args });
    return this.send({ file: { kind: 'document', ref: path, name: basename(path), size: statSync(path).size } });
  }

  /** Passes a line to the core as the current identity, then prints what was queued for console users. */
  private send(message: Pick<InboundEvent, 'text' | 'file'>): string {
    const { db, core } = this.options;
    let replies: OutboundMessage[];
    try {
      // As on every channel, the replies are written to the outbox with what the line changed; the
      // terminal is its own messenger (no limits to keep), so they are printed at once and recorded as sent.
      const now = this.clock.now();
      const processed = inTransaction(db, () => handleAndQueue(db, core, `line-${++this.lines}`, { channel: 'console', externalId: this.externalId, ...message }, now), {
        immediate: true,
      });
      recordSent(db, processed.replies.map((r) => r.id), now);
      replies = processed.result.replies;
      if (processed.result.jobs.length > 0) this.jobsAsked = true;
    } catch (error) {
      // The transaction was rolled back: nothing of this line was saved.
      return this.failure(error);
    }
    const locale = this.currentLocale();
    const parts = replies.map((m) => this.render(m, locale));
    parts.push(...this.deliver());
    return parts.join('\n\n');
  }

  /** Lines handled by this chat, numbering their replies in the outbox. */
  private lines = 0;

  /**
   * A refusal is explained; a database that cannot take the line now, or a flow still loading, is
   * left to handleLine, which tries again; anything else is logged and answered with "nothing was saved, try again".
   */
  private failure(error: unknown): string {
    if (error instanceof DomainError) return this.t(error.code, error.args);
    if (storageFault(error) || error instanceof FlowNotLoaded) throw error;
    this.log.error('console chat failed', { identity: this.externalId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return this.t('console-internal-error');
  }

  /** Prints the pending console notifications; a failure here is logged, not shown as a lost answer. */
  private deliver(): string[] {
    try {
      return deliverConsoleOutbox(this.options.db, this.clock.now(), this.render);
    } catch (error) {
      this.log.error('console outbox delivery failed', { error: error instanceof Error ? error.message : String(error) });
      return [];
    }
  }

  /** `/as SNV`, `/as admin`, `/as guest`; alone, explains and lists some unit codes. */
  private actAs(args: string): string {
    const wanted = args.split(/\s+/)[0] ?? '';
    if (wanted === '') return this.t('console-as-usage', { codes: this.someUnitCodes() });
    const word = fold(wanted);
    if (GUEST_WORDS.has(word)) {
      this.externalId = CONSOLE_GUEST;
      return this.t('console-as-guest');
    }
    let externalId: string;
    let person: Person;
    let unitName: string | null = null;
    if (ADMIN_WORDS.has(word)) {
      externalId = CONSOLE_ADMIN;
      person = consolePersona(this.options.db, { externalId, role: 'admin', unitId: null, fullName: this.t('console-admin-name'), locale: this.options.locale }, this.clock.now());
    } else {
      const unit = unitByCode(this.options.db, wanted);
      if (!unit) return this.t('console-unit-unknown', { code: wanted });
      externalId = consoleUnitId(unit.code);
      person = consolePersona(this.options.db, { externalId, role: 'liaison', unitId: unit.id, fullName: this.t('console-liaison-name', { code: unit.code }), locale: this.options.locale }, this.clock.now());
      unitName = unit.name;
    }
    this.externalId = externalId;
    const who = this.t('console-as-person', {
      name: person.fullName,
      role: this.t(`role-${person.role}`),
      unit: unitName ?? '',
      hasUnit: unitName === null ? 'no' : 'yes',
    });
    return `${who}\n\n${this.send({ text: '/start' })}`;
  }

  private someUnitCodes(): string {
    const rows = firstUnits(this.options.db, SAMPLE_CODES);
    if (rows.length === 0) return this.t('console-no-units');
    return rows.map((u) => `${u.code} (${u.name})`).join(', ');
  }

  /** The language of the person speaking now (they may have changed it with /lang), else the console's. */
  private currentLocale(): Locale {
    try {
      return accountLocale(this.options.db, 'console', this.externalId) ?? this.options.locale;
    } catch {
      // Even with the database unusable, errors are still told in a language.
      return this.options.locale;
    }
  }

  private t(id: string, args?: Args): string {
    return t(this.currentLocale(), id, args);
  }
}
