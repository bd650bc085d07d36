import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../util/clock.ts';
import type { Args, Locale } from '../i18n/index.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress lines are shown there. */
  interactive: boolean;
}

export interface CliContext {
  config: Config;
  locale: Locale;
  json: boolean;
  clock: Clock;
  io: CliIo;
  /** Opens (and migrates) the database on first use. */
  db(): Db;
  t(id: string, args?: Args): string;
  /** Prints a human line, unless --json was asked for. */
  say(text: string): void;
  /** Prints the machine-readable result when --json was asked for. */
  result(value: unknown): void;
  progress(done: number, total: number): void;
}

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export interface Command {
  name: string;
  /** Positional arguments, for the usage line. */
  args?: string;
  options: Record<string, OptionSpec>;
  run(ctx: CliContext, positionals: string[], options: Record<string, string | boolean | undefined>): Promise<number> | number;
}
