/**
 * The command menus Telegram shows next to the input field, in Vietnamese and English: a short
 * one for everyone, and per chat the commands of the person's role once they are linked.
 */
import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { nameIn, type CommandBook } from '../../chat/commands.ts';
import type { Audience } from '../../chat/engine.ts';
import type { Db } from '../../db/connection.ts';
import { readSetting, writeSetting } from '../../db/settings.ts';
import { accountRole } from '../../domain/accounts.ts';
import type { Clock } from '../../util/clock.ts';
import { t, type Locale } from '../../i18n/index.ts';
import type { Logger } from '../../util/log.ts';

/** A menu as Telegram takes it: the role's commands (chat/commands.ts) under their names in this language. */
function commandsFor(commands: CommandBook, audience: Audience, locale: Locale): BotCommand[] {
  return commands.menu(audience).map((c) => ({ command: nameIn(locale, c), description: t(locale, `tg-cmd-${c.en}`) }));
}

export class CommandMenus {
  constructor(
    private readonly api: Api,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly commands: CommandBook,
  ) {}

  /** The menu every private chat starts with (Vietnamese by default, English for English clients). */
  async setDefaults(): Promise<void> {
    const scope = { type: 'all_private_chats' as const };
    await this.api.setMyCommands(commandsFor(this.commands, 'guest', 'vi'), { scope });
    await this.api.setMyCommands(commandsFor(this.commands, 'guest', 'en'), { scope, language_code: 'en' });
  }

  /** Menus already set, by chat: saves asking the database on every message. */
  private readonly known = new Map<number, string>();

  /** After an update: if the person's role (or language) changed, their chat gets that role's menu. */
  async refreshFor(chatId: number, identityId: number): Promise<void> {
    const row = accountRole(this.db, identityId);
    const wanted = row?.role && row.active ? `${row.role}:${row.locale}` : undefined;
    if (!wanted || this.known.get(chatId) === wanted) return;
    const key = `telegram.menu.${chatId}`;
    if (readSetting(this.db, key) === wanted) {
      this.known.set(chatId, wanted);
      return;
    }
    try {
      await this.api.setMyCommands(commandsFor(this.commands, row!.role!, row!.locale ?? 'vi'), { scope: { type: 'chat', chat_id: chatId } });
      writeSetting(this.db, key, wanted, this.clock.now());
      this.known.set(chatId, wanted);
    } catch (error) {
      this.log.warn('telegram menu not set', { chatId, error: String(error) });
    }
  }
}
