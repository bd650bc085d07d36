/**
 * The terminal chat loop: a prompt and line editing on a terminal, where lines pasted together are
 * one message (paste.ts); or a script read line by line from a pipe (`printf '/as SNV\n/help\n' |
 * npm start`), each line answered before the next is read.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatCore } from '../../chat/core.ts';
import type { Db } from '../../db/connection.ts';
import type { Clock } from '../../util/clock.ts';
import { currentMovement } from '../../domain/movements.ts';
import { t, type Locale } from '../../i18n/index.ts';
import type { Logger } from '../../util/log.ts';
import { ConsoleChat } from './adapter.ts';
import { pastedMessages } from './paste.ts';

interface RunConsoleChatOptions {
  db: Db;
  core: ChatCore;
  input: Readable;
  output: Writable;
  locale: Locale;
  /** True when the input is a terminal (prompt, line editing, the long welcome). */
  interactive: boolean;
  /** The database file, named in the welcome. */
  databasePath?: string;
  /** Where exports asked for in the chat are written. */
  exportDir?: string;
  /** Where forms sent by the chat, and files sent to it, are kept. */
  formsDir?: string;
  clock?: Clock;
  log?: Logger;
}

/** Runs the chat until /quit or the end of the input. */
export async function runConsoleChat(options: RunConsoleChatOptions): Promise<void> {
  const { db, core, input, output, locale, interactive } = options;
  // Once the reader is gone (`npm start | head`), stop quietly instead of crashing on EPIPE. The
  // chat also prints through `write` while a line waits for the database.
  let closed = false;
  const write = (text: string) => {
    if (text !== '' && !closed) output.write(`${text}\n`);
  };
  const chat = new ConsoleChat({
    core,
    db,
    locale,
    onWaiting: (notice) => write(interactive ? notice : `${notice}\n`),
    ...(options.exportDir ? { exportDir: options.exportDir } : {}),
    ...(options.formsDir ? { formsDir: options.formsDir } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.log ? { log: options.log } : {}),
  });

  const movement = currentMovement(db);
  const welcome = {
    path: options.databasePath ?? db.$client.name,
    movement: movement ? `${movement.code} — ${movement.name}` : t(locale, 'console-no-movement'),
  };
  write(t(locale, interactive ? 'console-welcome' : 'console-welcome-short', welcome));

  const rl = interactive
    ? createInterface({ input, output, terminal: true, crlfDelay: Infinity })
    : createInterface({ input, terminal: false, crlfDelay: Infinity });
  // Ctrl+C at the prompt ends the chat like /quit.
  rl.on('SIGINT', () => rl.close());
  const onOutputError = () => {
    closed = true;
    rl.close();
  };
  output.on('error', onOutputError);
  if (interactive) {
    rl.setPrompt(`${t(locale, 'console-prompt')} `);
    rl.prompt();
  }
  try {
    // Both iterators buffer, so each message is fully answered before the next is read.
    for await (const line of interactive ? pastedMessages(rl) : rl) {
      const reply = await chat.handleLine(line);
      if (interactive) write(reply);
      else write(reply === '' ? '' : `${reply}\n`);
      if (chat.finished || closed) break;
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
    output.off('error', onOutputError);
  }
}
