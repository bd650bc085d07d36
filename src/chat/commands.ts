/**
 * The chat's commands, gathered from the flows that declare them and the engine's own (cancel,
 * back, help): how a typed command is read, which flow it opens, each role's menu and /help.
 */
import type { Locale, Translate } from '../i18n/index.ts';
import { fold } from '../util/text.ts';
import type { Audience, Command, FlowDeclaration } from './engine.ts';

/** Commands the engine answers itself, in any flow. */
const ENGINE_COMMANDS: Command[] = [
  { en: 'back', vi: 'quaylai', menu: ['liaison'], help: ['liaison', 'admin'], place: 210 },
  { en: 'cancel', vi: 'huy', menu: ['liaison', 'admin'], place: 220 },
  { en: 'help', vi: 'trogiup', menu: ['guest', 'liaison', 'admin', 'cluster_head', 'viewer'], help: ['liaison', 'admin'], place: 230 },
];
const ENGINE_NAMES = new Set(ENGINE_COMMANDS.map((c) => c.en));

/** The name a command is shown under in this language. */
export const nameIn = (locale: Locale, command: Command) => (locale === 'vi' ? command.vi : command.en);

/** A typed name as looked up: no accents, lower case, letters only. */
const key = (name: string) => fold(name).replace(/[^a-z]/g, '');

export class CommandBook {
  /** Every command, by place. */
  private readonly all: Command[];
  /** Each typed name (folded) to its command's English name. */
  private readonly byName = new Map<string, string>();
  /** Each command's English name to the flow it opens (the engine's own commands open none). */
  private readonly flowOf = new Map<string, string>();

  constructor(flows: readonly FlowDeclaration[]) {
    const declared = flows.flatMap((flow) => (flow.commands ?? []).map((command) => ({ command, flow: flow.id })));
    for (const { command, flow } of declared) this.flowOf.set(command.en, flow);
    this.all = [...ENGINE_COMMANDS, ...declared.map((d) => d.command)].sort((a, b) => a.place - b.place);
    // Two commands answering one name would leave the second unreachable: a mistake in a declaration.
    const english = new Set<string>();
    for (const c of this.all) {
      if (english.has(c.en)) throw new Error(`command /${c.en} is declared twice`);
      english.add(c.en);
      for (const name of [c.en, c.vi, ...(c.aliases ?? [])]) {
        const taken = this.byName.get(key(name));
        if (taken !== undefined && taken !== c.en) throw new Error(`command name "${name}" is declared by both /${taken} and /${c.en}`);
        this.byName.set(key(name), c.en);
      }
    }
  }

  /** The command a typed head names ("/Huỷ", "/start@thidua_bot" alike), by its English name, if any. */
  named(head: string): string | undefined {
    return this.byName.get(key(head.split('@')[0] ?? ''));
  }

  /** The flow a command opens: undefined for the engine's own (cancel, back, help). */
  flow(name: string): string | undefined {
    return this.flowOf.get(name);
  }

  /** The commands a Telegram menu lists for this audience, in order. */
  menu(audience: Audience): Command[] {
    return this.all.filter((c) => c.menu.includes(audience));
  }

  /** /help for a linked person: the commands of their role, then the engine's for while answering. */
  help(t: Translate, locale: Locale, role: Audience): string {
    const listed = this.all.filter((c) => (c.help ?? c.menu).includes(role));
    const line = (c: Command) => `/${nameIn(locale, c)} — ${t(`help-cmd-${c.en}`, { role })}`;
    const own = listed.filter((c) => !ENGINE_NAMES.has(c.en)).map(line);
    const engine = listed.filter((c) => ENGINE_NAMES.has(c.en)).map(line);
    return [t(`conv-help-${role}`), ...own, ...(engine.length > 0 ? [t('conv-help-answering', { commands: engine.join(', ') })] : [])].join('\n');
  }
}
