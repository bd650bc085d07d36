/** The configuration this issue added, read with zod at the edge: ZNS and the Zalo Bot Platform. */
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../src/config.ts';

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
