import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CommandBook, nameIn } from '../../src/chat/commands.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { defineFlow, type Audience } from '../../src/chat/engine.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { can } from '../../src/domain/scope.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { linkFlow } from '../../src/flows/link.ts';
import { hasMessage, t } from '../../src/i18n/index.ts';
import { silentLogger } from '../../src/util/log.ts';
import { chatHarness, FEB_15 } from '../helpers/chat.ts';
import { countRows, openTempDatabase, useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const book = new CommandBook(ALL_FLOWS);
const menu = (audience: Audience) => book.menu(audience).map((c) => `${c.vi}/${c.en}`);

describe('the commands the flows declare', () => {
  it("give each role's Telegram menu its commands, in the order people know", () => {
    expect(menu('guest')).toEqual(['start/start', 'trogiup/help', 'ngonngu/lang']);
    expect(menu('liaison')).toEqual([
      'dangky/register', 'baocao/report', 'donvi/myunit', 'taidangky/regform', 'nguoiky/signer', 'chamdiem/score',
      'binhxet/vote', 'denghi/propose', 'hoso/dossier', 'menu/menu', 'quaylai/back', 'huy/cancel', 'trogiup/help', 'ngonngu/lang',
    ]);
    expect(menu('admin')).toEqual([
      'tinhhinh/status', 'duyet/review', 'dondoc/late', 'thongbao/broadcast', 'moi/invite', 'xuat/export', 'chamdiem/score',
      'binhxet/vote', 'denghi/propose', 'hoso/dossier', 'quyetdinh/decision', 'menu/menu', 'huy/cancel', 'trogiup/help', 'ngonngu/lang',
    ]);
    expect(menu('cluster_head')).toEqual(['tinhhinh/status', 'dondoc/late', 'donvi/myunit', 'xuat/export', 'chamdiem/score', 'binhxet/vote', 'denghi/propose', 'hoso/dossier', 'menu/menu', 'trogiup/help', 'ngonngu/lang']);
    expect(menu('viewer')).toEqual(['tinhhinh/status', 'xuat/export', 'hoso/dossier', 'menu/menu', 'trogiup/help', 'ngonngu/lang']);
  });

  it('read every name typed, with accents, capitals or the bot’s name, as its command and flow', () => {
    expect(['/Huỷ', 'huy', 'cancel'].map((h) => book.named(h.replace('/', '')))).toEqual(['cancel', 'cancel', 'cancel']);
    expect(book.named('start@thidua_bot')).toBe('start');
    expect(book.named('Chấm')).toBe('late');
    expect(book.named('phatsong')).toBe('broadcast');
    expect(book.named('ngungZNS')).toBe('nozns');
    expect(book.named('xoa')).toBeUndefined();
    expect(book.flow('lang')).toBe('language');
    expect(book.flow('nozns')).toBe('zns-off');
    expect(book.flow('help')).toBeUndefined();
  });

  it('have a menu description and a /help line in both languages, and refusals that exist', () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const audience of ['guest', 'liaison', 'admin', 'cluster_head', 'viewer'] as const) {
        for (const c of book.menu(audience)) expect(hasMessage(locale, `tg-cmd-${c.en}`), `tg-cmd-${c.en}`).toBe(true);
      }
      for (const role of ['liaison', 'admin', 'cluster_head', 'viewer'] as const) {
        const help = book.help((id, args) => t(locale, id, args), locale, role);
        expect(help).not.toMatch(/help-cmd-|conv-help-/);
        expect(help.split('\n').length).toBeGreaterThan(3);
      }
      for (const flow of ALL_FLOWS) if (flow.requires?.person) expect(hasMessage(locale, flow.requires.person.refusal)).toBe(true);
    }
    expect(book.help((id, args) => t('vi', id, args), 'vi', 'liaison')).toContain(`/${nameIn('vi', book.menu('liaison')[0]!)} — đăng ký chỉ tiêu`);
  });

  it('refuse a name declared by two flows', () => {
    const twin = defineFlow({ id: 'twin', version: 1, schema: z.object({}), commands: [{ en: 'twin', vi: 'dangky', menu: [], place: 300 }], start: () => ({ kind: 'done', message: '' }), steps: {} });
    expect(() => new CommandBook([...ALL_FLOWS, twin])).toThrow('command name "dangky" is declared by both /register and /twin');
    const helpAgain = defineFlow({ ...twin, commands: [{ en: 'help', vi: 'giupdo', menu: [], place: 300 }] });
    expect(() => new CommandBook([...ALL_FLOWS, helpAgain])).toThrow('command /help is declared twice');
  });
});

describe('the requirements a flow declares', () => {
  let started = 0;
  const probe = defineFlow({
    id: 'probe',
    version: 1,
    schema: z.object({}),
    open: true,
    commands: [{ en: 'probe', vi: 'thu', menu: [], place: 1 }],
    requires: { movement: true, person: { may: can.review, refusal: 'scope-admin-only' } },
    start: () => {
      started += 1;
      return { kind: 'done', message: 'probe ran' };
    },
    steps: {},
  });

  it('are checked by the engine before the flow starts: no open movement, then the wrong role, each with its refusal', () => {
    const empty = openTempDatabase();
    const core = new ChatCore({ db: empty.db, clock: fixedClock(FEB_15), flows: [linkFlow, probe], log: silentLogger });
    expect(core.handle({ channel: 'telegram', externalId: 'x', text: '/thu' }).replies.map((r) => r.text)).toEqual([t('vi', 'err-no-movement-chat')]);
    expect(countRows(empty.db, 'conversations')).toBe(0);

    const h = chatHarness();
    h.link('liaison', 'SNV');
    h.link('admin', null, 'admin', 'Trần Văn Ban');
    h.core = new ChatCore({ db: h.db, clock: h.clock, flows: [...ALL_FLOWS, probe], log: silentLogger });
    expect(h.say('liaison', '/thu')).toBe(t('vi', 'scope-admin-only'));
    expect(started).toBe(0);
    expect(h.say('admin', '/probe')).toBe('probe ran');
    expect(started).toBe(1);
  });
});
