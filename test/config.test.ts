/** The configuration this issue added, read with zod at the edge: ZNS and the Zalo Bot Platform. */
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, halfSetupProblems, loadConfig, messengerSetup } from '../src/config.ts';

const problems = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('Zalo configuration', () => {
  it('reads the ZNS template and its parameter names, and the Bot Platform, with their defaults', () => {
    const config = loadConfig({ ZALO_ZNS_TEMPLATE_ID: '424242', ZALO_ZNS_PARAMS: 'name=ten_can_bo, unit=don_vi,due=han_chot', ZALO_BOT_TOKEN: '1459232241454765289:abcDEF_123-x' });
    expect(config.ZALO_ZNS_PARAMS).toEqual({ name: 'ten_can_bo', unit: 'don_vi', due: 'han_chot' });
    expect(config.ZALO_ZNS_API_BASE).toBe('https://business.openapi.zalo.me');
    expect(config.ZALO_BOT_API_BASE).toBe('https://bot-api.zaloplatforms.com');
    expect(describeConfig(config)).toMatchObject({ zalobot: true, zalo: false });
    expect(loadConfig({}).ZALO_ZNS_PARAMS).toEqual({ name: 'name', unit: 'unit', what: 'what', due: 'due' });
  });

  it('names every wrong value at once, never echoing a token', () => {
    const found = problems({ ZALO_ZNS_TEMPLATE_ID: 'mẫu 1', ZALO_ZNS_PARAMS: 'name=ten,phone=sdt', ZALO_BOT_TOKEN: 'a b', ZALO_BOT_WEBHOOK_URL: 'http://bot.example.vn/zalobot/webhook', ZALO_BOT_WEBHOOK_SECRET: 'short' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['ZALO_ZNS_TEMPLATE_ID', 'ZALO_ZNS_PARAMS', 'ZALO_BOT_TOKEN', 'ZALO_BOT_WEBHOOK_URL', 'ZALO_BOT_WEBHOOK_SECRET']);
    expect(found.join('\n')).not.toContain('a b');
  });
});

describe('which messengers are on', () => {
  const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdef';

  it('a messenger is off with none of its variables, on with its required ones; defaults switch nothing on', () => {
    const none = loadConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:9', ZALO_API_BASE: 'http://127.0.0.1:9', ZALO_FREE_REPLIES: '3' });
    expect(describeConfig(none)).toEqual({ telegram: false, zalo: false, zalobot: false });
    expect(halfSetupProblems(none)).toEqual([]);
    const all = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, ZALO_APP_ID: '42', ZALO_APP_SECRET: 's', ZALO_OA_SECRET_KEY: 'k', ZALO_BOT_TOKEN: '1459232241454765289:abcDEF_123-x' });
    expect(describeConfig(all)).toEqual({ telegram: true, zalo: true, zalobot: true });
    expect(halfSetupProblems(all)).toEqual([]);
  });

  it('half a setup is neither on nor off: each is named with what is set and what is missing, in the chosen language', () => {
    const half = loadConfig({ ZALO_APP_ID: '42', ZALO_OA_SECRET_KEY: 'k', TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/telegram/webhook' });
    expect(messengerSetup(half, 'zalo')).toEqual({ state: 'half', set: ['ZALO_APP_ID', 'ZALO_OA_SECRET_KEY'], missing: ['ZALO_APP_SECRET'] });
    expect(messengerSetup(half, 'telegram')).toEqual({ state: 'half', set: ['TELEGRAM_WEBHOOK_URL'], missing: ['TELEGRAM_BOT_TOKEN'] });
    expect(messengerSetup(half, 'zalobot')).toEqual({ state: 'off' });
    expect(describeConfig(half)).toEqual({ telegram: false, zalo: false, zalobot: false });
    expect(halfSetupProblems(half, 'en')).toEqual([
      'TELEGRAM_BOT_TOKEN: Telegram is only half set up: TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is missing. Set the missing variables, or leave TELEGRAM_WEBHOOK_URL empty to turn Telegram off.',
      'ZALO_APP_SECRET: Zalo OA is only half set up: ZALO_APP_ID, ZALO_OA_SECRET_KEY is set but ZALO_APP_SECRET is missing. Set the missing variables, or leave ZALO_APP_ID, ZALO_OA_SECRET_KEY empty to turn Zalo OA off.',
    ]);
  });
});
