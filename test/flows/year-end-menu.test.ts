/** The year's end behind one button of the main menu, opening each of its flows by role. */
import { beforeEach, describe, expect, it } from 'vitest';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

let h: ChatHarness;
const ids = (who: string) => h.lastQuestion(who)?.choices?.map((c) => c.id) ?? [];

beforeEach(() => {
  h = chatHarness();
  h.link('ban', null, 'admin', 'Ban Thi đua');
  h.link('head', 'TPND', 'cluster_head', 'Cụm trưởng Một');
  h.link('hml', 'HML', 'liaison', 'Cán bộ Mỹ Lộc');
  h.link('lead', null, 'viewer', 'Lãnh đạo');
});

describe('the year’s end in the main menu', () => {
  it('offers a liaison and a cluster head scoring, the vote, proposals and dossiers; the Board the decision too', () => {
    h.say('hml', '/menu');
    expect(ids('hml')).toContain('go:yearend');
    expect(h.press('hml', '🏅 Tổng kết cuối năm')).toContain('Tổng kết cuối năm: chấm điểm, bình xét, đề nghị khen thưởng và hồ sơ.');
    expect(ids('hml')).toEqual(['go:score', 'go:vote', 'go:proposal', 'go:dossier']);
    expect(h.press('hml', 'Chấm điểm thi đua')).toContain('Bảng tự chấm điểm thi đua — UBND huyện Mỹ Lộc');

    h.say('head', '/cuoinam');
    expect(ids('head')).toEqual(['go:score', 'go:vote', 'go:proposal', 'go:dossier']);
    h.say('ban', '/yearend');
    expect(ids('ban')).toEqual(['go:score', 'go:vote', 'go:proposal', 'go:dossier', 'go:decision']);
  });

  it('is not offered to a leader who only reads, and refused when typed', () => {
    h.say('lead', '/menu');
    expect(ids('lead')).not.toContain('go:yearend');
    expect(h.say('lead', '/cuoinam')).toContain('Việc tổng kết cuối năm dành cho cán bộ đầu mối');
  });
});
