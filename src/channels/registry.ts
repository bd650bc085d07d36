/**
 * The messengers the bot can run, in the order they are reported and started (main.ts, the contract
 * suite). Each loads its adapter (and its client library) only when it starts.
 */
import { MESSENGER_SETTINGS } from '../config.ts';
import { TELEGRAM_PACE, ZALO_BOT_PACE, ZALO_PACE, ZNS_PACE } from '../delivery/pace.ts';
import { MessengerStopped, type Messenger } from './messenger.ts';

const telegramMessenger: Messenger = {
  id: 'telegram',
  settings: MESSENGER_SETTINGS.telegram,
  pace: { telegram: TELEGRAM_PACE },
  async start(deps) {
    const { startTelegram, TelegramConflictError } = await import('./telegram/run.ts');
    const telegram = await startTelegram(deps);
    const url = deps.config.TELEGRAM_WEBHOOK_URL;
    return {
      routes: telegram.routes,
      senders: [telegram.channel],
      fetchFile: telegram.fetchFile,
      started: { text: url ? 'start-telegram-webhook' : 'start-telegram-polling', args: { username: telegram.username, url: url ?? '' } },
      // Another process polls the same token: said, and the bot stops rather than fight it.
      stopped: telegram.stopped.catch((error: unknown) => {
        throw error instanceof TelegramConflictError ? new MessengerStopped('start-telegram-conflict') : error;
      }),
      stop: telegram.stop,
      idle: telegram.idle,
    };
  },
};

const zaloMessenger: Messenger = {
  id: 'zalo',
  settings: MESSENGER_SETTINGS.zalo,
  pace: { zalo: ZALO_PACE, zns: ZNS_PACE },
  async start(deps) {
    const { createZaloChannel } = await import('./zalo/adapter.ts');
    const zalo = createZaloChannel(deps);
    return {
      routes: zalo.routes,
      senders: zalo.zns ? [zalo.sender, zalo.zns] : [zalo.sender],
      fetchFile: zalo.fetchFile,
      started: { text: 'start-zalo-webhook', args: { port: deps.config.HTTP_PORT } },
      stop: zalo.stop,
      idle: zalo.idle,
    };
  },
};

const zalobotMessenger: Messenger = {
  id: 'zalobot',
  settings: MESSENGER_SETTINGS.zalobot,
  pace: { zalobot: ZALO_BOT_PACE },
  async start(deps) {
    const { startZaloBot, ZALO_BOT_WEBHOOK_PATH } = await import('./zalobot/adapter.ts');
    const bot = await startZaloBot(deps);
    return {
      routes: bot.routes,
      senders: [bot.sender],
      started: { text: deps.config.ZALO_BOT_WEBHOOK_URL ? 'start-zalobot-webhook' : 'start-zalobot-polling', args: { name: bot.name, path: ZALO_BOT_WEBHOOK_PATH, port: deps.config.HTTP_PORT } },
      stop: bot.stop,
      idle: bot.idle,
    };
  },
};

export const MESSENGERS: readonly Messenger[] = [telegramMessenger, zaloMessenger, zalobotMessenger];
