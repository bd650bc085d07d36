/**
 * The year-end documents made from a scripted year-end of Cụm thi đua số 1 (test/helpers/
 * year-end-cluster.ts) and read back with the independent reader: the minutes' attendance, votes
 * and shares of all members, written opinion and conclusions; the scoring table's points, the
 * adjustment with its reason, totals and ranks; the cluster's submission; the Board's summary of
 * proposals with conditions and dossiers. Every figure checked against the database's rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { dossierCompleteness } from '../../src/documents/dossier-completeness.ts';
import { writeDocument } from '../../src/documents/index.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { yearResultsByUnit, yearResultsOfUnits } from '../../src/domain/year-end/results.ts';
import { scoringGroups } from '../../src/domain/year-end/groups.ts';
import { groupRanking, groupSheets } from '../../src/domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { scoringTablesByGroup } from '../../src/domain/year-end/tables.ts';
import { groupTotals } from '../../src/domain/year-end/totals.ts';
import { formatVnNumber } from '../../src/domain/vn-input.ts';
import { readDocx, tableStartingWith, type DocxContent } from '../helpers/docx.ts';
import { openTempDatabase, removeTempDatabases } from '../helpers/db.ts';
import { ADJUST_REASON, at, CUM1, scriptYearEnd, WRITTEN_NOTE, type ScriptedYearEnd } from '../helpers/year-end-cluster.ts';

let dir: string;
let db: Db;
let s: ScriptedYearEnd;
const docs: Partial<Record<'minutes' | 'submission' | 'scores' | 'proposals', DocxContent>> = {};
const NOW = at('2020-12-12');

const names: Record<string, string> = {};
const text = (doc: DocxContent) => doc.paragraphs.join('\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-year-end-docs-'));
  db = openTempDatabase().db;
  s = scriptYearEnd(db);
  for (const row of db.all<{ code: string; name: string }>(sql`SELECT code, name FROM units`)) names[row.code] = row.name;
  for (const kind of ['minutes', 'submission', 'scores'] as const) docs[kind] = readDocx((await writeDocument(db, { kind, group: 'cum1', dir, now: NOW })).path);
  docs.proposals = readDocx((await writeDocument(db, { kind: 'proposals', dir, now: NOW })).path);
});

afterAll(() => {
  removeTempDatabases();
  rmSync(dir, { recursive: true, force: true });
});

/** Approvals, disapprovals of each candidate of a vote, counted from the ballots table itself. */
function countedBallots(voteId: number): Map<number, { approve: number; disapprove: number }> {
  const rows = db.all<{ candidate: number; approve: number; n: number }>(
    sql`SELECT candidate_unit_id AS candidate, approve, count(*) AS n FROM ballots WHERE vote_id = ${voteId} GROUP BY candidate_unit_id, approve`,
  );
  const out = new Map<number, { approve: number; disapprove: number }>();
  for (const r of rows) {
    const c = out.get(r.candidate) ?? { approve: 0, disapprove: 0 };
    if (r.approve) c.approve = r.n;
    else c.disapprove = r.n;
    out.set(r.candidate, c);
  }
  return out;
}

const ranking = () => {
  const sheets = groupSheets(db, s.table, s.cum1, yearResultsByUnit(db, s.m.movement));
  return { sheets, ranking: groupRanking(sheets) };
};

describe('the minutes of the bình xét meeting', () => {
  it('bear the cluster as issuer and the day the vote closed', () => {
    const doc = docs.minutes!;
    expect(doc.tables[0]![0]![0]).toContain('CỤM THI ĐUA SỐ 1');
    expect(doc.tables[0]![0]![0]).toContain('/BB-CUM1');
    expect(doc.tables[0]![0]![1]).toContain('ngày 04 tháng 12 năm 2020');
    expect(text(doc)).toContain('BIÊN BẢN');
    expect(text(doc)).toContain('Hôm nay, ngày 04/12/2020, Cụm thi đua số 1 tổ chức họp bình xét');
    expect(text(doc)).toContain(`Chủ trì: ${names.TPND}`);
  });

  it('give every member’s self score, score after review and rank as the database ranks them, the tie flagged with its legal preference', () => {
    const table = tableStartingWith(docs.minutes!, 'STT').slice(1);
    const { sheets, ranking: ranked } = ranking();
    expect(table).toHaveLength(CUM1.length);
    ranked.forEach((r, i) => {
      const unit = Object.keys(names).find((c) => s.u(c) === r.unitId)!;
      const row = table[i]!;
      expect(row[1]).toBe(names[unit]);
      expect(row[3]).toBe(formatVnNumber(sheets.find((x) => x.unitId === r.unitId)!.total));
      expect(row[4]).toBe(String(r.rank));
      expect(row[5]!.includes('Đồng hạng')).toBe(r.tied);
    });
    // HYY gave itself 105; the head's review made it 100.
    const hyy = table.find((r) => r[1] === names.HYY)!;
    expect([hyy[2], hyy[3]]).toEqual(['105', '100']);
    expect(hyy[5]).toContain('Cụm trưởng điều chỉnh');
    expect(table.filter((r) => r[4] === '3').map((r) => r[1])).toEqual(expect.arrayContaining([names.HVB, names.HNT]));
    expect(text(docs.minutes!)).toMatch(/Nghị định 152\/2025\/NĐ-CP, Điều 4 khoản 6.*Việc áp dụng do cuộc họp quyết định/s);
  });

  it('give each candidate’s votes from the ballots, as a share of all five members against 80%, with the absent member’s written opinion', () => {
    const doc = docs.minutes!;
    const voteTables = doc.tables.filter((t) => t[0]?.[4] === 'Đồng ý');
    expect(voteTables).toHaveLength(2);
    for (const [voteId, table] of [[s.votes.flag, voteTables[0]!], [s.votes.certificate, voteTables[1]!]] as const) {
      const counted = countedBallots(voteId);
      for (const row of table.slice(1)) {
        const unit = Object.keys(names).find((c) => names[c] === row[1])!;
        const c = counted.get(s.u(unit))!;
        expect(row[4]).toBe(String(c.approve));
        expect(row[5]).toBe(String(c.disapprove));
        expect(row[7]).toBe(`${c.approve}/5 (${formatVnNumber(c.approve * 20)}%)`);
        expect(row[8]).toBe(c.approve >= 4 ? 'Đạt (≥ 80%)' : 'Không đạt (< 80%)');
      }
    }
    expect(voteTables[0]!.slice(1).map((r) => [r[1], r[2], r[3], r[7]])).toEqual([[names.TPND, '110', '1', '4/5 (80%)']]);
    expect(voteTables[1]!.slice(1).map((r) => [r[1], r[7], r[8]])).toEqual([
      [names.HYY, '3/5 (60%)', 'Không đạt (< 80%)'],
      [names.HVB, '4/5 (80%)', 'Đạt (≥ 80%)'],
    ]);
    const all = text(doc);
    expect(all).toContain('có mặt và bỏ phiếu: 4; có ý kiến bằng văn bản: 1; tổng số tham gia 5/5 (100%)');
    expect(all).toContain('Tỷ lệ tham gia tối thiểu 80% (ít nhất 4 đơn vị): đủ điều kiện');
    expect(all).toContain(`${names.HNT} (${WRITTEN_NOTE}): đồng ý ${names.HVB}; không đồng ý ${names.HYY}.`);
    expect(all).toContain(`Đề nghị Cờ thi đua của UBND tỉnh cho 1 đơn vị đạt tỷ lệ từ 80% tổng số thành viên của Cụm thi đua số 1 trở lên: ${names.TPND}.`);
    expect(all).toContain(`Không đạt tỷ lệ 80% tổng số thành viên đối với Bằng khen của Chủ tịch UBND tỉnh (1): ${names.HYY}.`);
    expect(all).toContain('THƯ KÝ');
    expect(all).toContain('CHỦ TRÌ');
  });
});

describe('the scoring table of the cluster', () => {
  it('is landscape, each member by rank × each criterion: own points, the adjustment, the results’ pre-fill marked, totals', () => {
    const doc = docs.scores!;
    expect(doc.sections.every((x) => x.includes('w:orient="landscape"'))).toBe(true);
    const table = tableStartingWith(doc, 'Xếp hạng');
    const codes = s.table.criteria.map((c) => c.code);
    expect(table[0]!.slice(2, 2 + codes.length)).toEqual(codes);
    const { sheets, ranking: ranked } = ranking();
    ranked.forEach((r, i) => {
      const row = table[i + 1]!;
      const sheet = sheets.find((x) => x.unitId === r.unitId)!;
      expect(row[0]).toBe(`${r.rank}${r.tied ? '=' : ''}`);
      sheet.lines.forEach((line, j) => {
        const cell = row[2 + j]!;
        if (line.adjustment) expect(cell).toBe(`${formatVnNumber(line.self!)} → ${formatVnNumber(line.adjustment.to)}`);
        else expect(cell).toBe(line.self === null ? '' : `${formatVnNumber(line.self)}${line.prefilled ? '*' : ''}`);
      });
      expect(row.at(-1)).toBe(formatVnNumber(sheet.total));
    });
    const hml = table.find((r) => r[1] === names.HML)!;
    expect([hml[2], hml[3]]).toEqual(['30*', '5*']);
    expect(text(doc)).toContain(`${names.HYY}, tiêu chí B.2: 5 → 0. Lý do: ${ADJUST_REASON}`);
    // The criteria, with their groups, kinds and maxima.
    const criteria = tableStartingWith(doc, 'Mã');
    expect(criteria.find((r) => r[0] === 'D.2')).toEqual(['D.2', 'Tập thể, cá nhân vi phạm bị xử lý kỷ luật từ khiển trách trở lên', 'Điểm trừ', '10', '']);
    expect(criteria.find((r) => r[0] === 'I.1')![4]).toBe('Theo tỷ lệ chỉ tiêu đạt và vượt');
  });
});

describe('the cluster’s submission (tờ trình)', () => {
  it('proposes what the cluster proposes, by title, with scores, ranks and the vote’s share of all members', () => {
    const doc = docs.submission!;
    const all = text(doc);
    expect(all).toContain('TỜ TRÌNH');
    expect(all).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Nam Định');
    expect(all).toContain('Biên bản họp bình xét, suy tôn ngày 04/12/2020');
    expect(all).toContain('1. Cờ thi đua của UBND tỉnh: 1 đơn vị');
    expect(all).toContain('2. Bằng khen của Chủ tịch UBND tỉnh: 1 đơn vị');
    const tables = doc.tables.filter((t) => t[0]?.[0] === 'STT');
    expect(tables.map((t) => t.slice(1).map((r) => [r[1], r[2], r[3], r[4]]))).toEqual([[[names.TPND, '110', '1', '4/5 (80%)']], [[names.HVB, '98', '3', '4/5 (80%)']]]);
    // A unit's own proposal (HML's) is not the cluster's.
    expect(all).not.toContain(names.HML);
    expect(all).toMatch(/TM\. CỤM THI ĐUA SỐ 1\s*CỤM TRƯỞNG/);
  });
});

describe('the Board’s summary of proposals for the Council', () => {
  const annex = (title: string) => {
    const doc = docs.proposals!;
    const at = doc.paragraphs.findIndex((p) => p.startsWith(`DANH SÁCH ĐỀ NGHỊ ${title}`));
    expect(at).toBeGreaterThan(0);
    const tables = doc.tables.filter((t) => t[0]?.[6] === 'Điều kiện (đối chiếu theo kê khai)');
    const order = doc.paragraphs.filter((p) => p.startsWith('DANH SÁCH ĐỀ NGHỊ ')).findIndex((p) => p.startsWith(`DANH SÁCH ĐỀ NGHỊ ${title}`));
    return tables[order]!;
  };

  it('counts the standing proposals and their dossiers (the withdrawn one left out)', () => {
    const all = text(docs.proposals!);
    expect(all).toContain('Tổng hợp đề nghị khen thưởng thành tích thi đua năm 2020');
    expect(all).toContain('(hạn nộp hồ sơ ngày 10/12/2020)');
    expect(all).toContain('Tổng số 5 đề nghị; hồ sơ đầy đủ: 2; chưa đầy đủ: 3; có tài liệu nộp sau hạn: 1.');
    const totals = tableStartingWith(docs.proposals!, 'Danh hiệu, hình thức khen thưởng');
    expect(totals.at(-1)).toEqual(['Tổng cộng', '5', '2', '3', '1']);
    expect(all).toContain('Đề nghị Hội đồng Thi đua - Khen thưởng tỉnh Nam Định họp xét ngày 15/01/2021.');
  });

  it('lists the flag’s candidate with its rank, vote and conditions checked from the database', () => {
    const rows = annex('CỜ THI ĐUA CỦA UBND TỈNH');
    expect(rows).toHaveLength(2);
    const [, unit, group, total, rank, vote, conditions, dossier] = rows[1]!;
    expect([unit, group, total, rank]).toEqual([names.TPND, 'Cụm thi đua số 1', '110', '1']);
    expect(vote).toBe('4/5 (80%)\nĐạt tỷ lệ');
    expect(conditions!.split('\n')).toEqual([
      'Là thành viên của cụm/khối thi đua của tỉnh: đạt',
      'Dẫn đầu cụm/khối (xếp thứ nhất): đạt',
      'Được cụm/khối bình xét, suy tôn đạt tỷ lệ quy định: đạt',
      'Hoàn thành vượt mức các chỉ tiêu thi đua: chưa kê khai',
      'Tiêu biểu xuất sắc: Hội đồng xem xét',
      'Không đang bị xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo: đạt',
    ]);
    expect(dossier).toBe('Đầy đủ');
  });

  it('flags a condition not met, conditions not declared, an incomplete dossier and a late one', () => {
    const certificate = annex('BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH')[1]!;
    expect(certificate[1]).toBe(names.HVB);
    expect(certificate[4]).toBe('3=');
    expect(certificate[6]).toContain('02 năm liên tục hoàn thành xuất sắc nhiệm vụ (hoặc Tập thể lao động xuất sắc): chưa đạt');
    expect(certificate[7]).toBe('Còn thiếu: báo cáo thành tích, biên bản, CA, THUE, BHXH');

    const excellent = annex('TẬP THỂ LAO ĐỘNG XUẤT SẮC')[1]!;
    expect(excellent[1]).toBe(names.HML);
    expect(excellent[5]).toBe(''); // a unit's own proposal has no vote
    expect(excellent[6]).toContain('Hoàn thành xuất sắc nhiệm vụ: đạt');
    expect(excellent[6]).toContain('Nội bộ đoàn kết: Hội đồng xem xét');
    expect(excellent[7]).toBe('Đầy đủ\nNộp sau hạn');

    const advanced = annex('TẬP THỂ LAO ĐỘNG TIÊN TIẾN');
    expect(advanced.slice(1).map((r) => r[1])).toEqual([names.HNT, names.HTN]);
    expect(advanced[1]![6]).toContain('Hoàn thành tốt nhiệm vụ trở lên: chưa kê khai');
    expect(advanced[2]![6]).toContain('Từ 70% thành viên đạt danh hiệu Lao động tiên tiến: chưa đạt');
    // Cụm 2's vote is open: its ballot shows nowhere.
    expect(advanced[2]![5]).toBe('');
    expect(text(docs.proposals!)).not.toContain(names.HYY);
  });
});

describe('the reads over all clusters at once', () => {
  it('give every group the table and the totals group-by-group reads give', () => {
    const tables = scoringTablesByGroup(db, s.m.movement.id);
    const results = yearResultsByUnit(db, s.m.movement);
    expect([...tables.keys()].sort()).toEqual(scoringGroups(db, s.m.movement.id).map((g) => g.id).sort());
    const summed = groupTotals(db, tables, results);
    for (const [groupId, table] of tables) {
      expect(table).toEqual(scoringTableOfGroup(db, groupId));
      expect(summed.get(groupId)).toEqual(groupSheets(db, table, groupId, results).map((x) => ({ unitId: x.unitId, total: x.total })));
    }
    const totals = new Map(summed.get(s.cum1)!.map((x) => [x.unitId, x.total]));
    expect(CUM1.map((code) => totals.get(s.u(code)))).toEqual([110, 85, 98, 100, 98]);
  });
});

describe('the year’s results the Board’s summary judges', () => {
  it('are asked only for the members whose lines leave a mapped criterion empty, the totals the same', () => {
    const tables = scoringTablesByGroup(db, s.m.movement.id);
    const results = yearResultsByUnit(db, s.m.movement);
    const asked: number[] = [];
    const lazily = groupTotals(db, tables, (unitIds) => (asked.push(...unitIds), results));
    expect(lazily).toEqual(groupTotals(db, tables, results));
    // Read from the rows: each member of a scoring group lacking a kept line (own points or the head's adjustment) of a mapped criterion.
    const lacking = db.all<{ unitId: number }>(sql`
      SELECT DISTINCT m.unit_id AS unitId FROM group_members m
      JOIN scoring_table_groups tg ON tg.group_id = m.group_id
      JOIN scoring_criteria c ON c.table_id = tg.table_id AND c.from_results IS NOT NULL
      WHERE m.movement_id = ${s.m.movement.id} AND NOT EXISTS (
        SELECT 1 FROM score_sheets sh JOIN score_lines l ON l.sheet_id = sh.id
        WHERE sh.group_id = m.group_id AND sh.unit_id = m.unit_id AND l.criterion_code = c.code
          AND (l.self IS NOT NULL OR (l.adjusted_to IS NOT NULL AND l.adjust_reason IS NOT NULL)))`);
    expect(asked.sort((a, b) => a - b)).toEqual(lacking.map((r) => r.unitId).sort((a, b) => a - b));
    // Cụm 1's sheets were sent, keeping what the results filled in: its members are not judged.
    for (const code of CUM1) expect(asked).not.toContain(s.u(code));
  });

  it('for a few units are what judging every unit gives them', () => {
    const all = yearResultsByUnit(db, s.m.movement);
    const some = CUM1.slice(0, 3).map((code) => s.u(code));
    const judged = yearResultsOfUnits(db, s.m.movement, some);
    expect(judged.size).toBeGreaterThan(0);
    expect(judged).toEqual(new Map(some.filter((id) => all.has(id)).map((id) => [id, all.get(id)!])));
  });
});

describe('dossier completeness', () => {
  it('is each proposal’s law documents and confirmations, late when an item’s latest file came after the deadline day', () => {
    const found = dossierCompleteness(db, s.m.movement, [s.proposals.flag, s.proposals.excellent, s.proposals.certificate, s.proposals.advanced]);
    expect(found.get(s.proposals.flag)).toMatchObject({ complete: true, late: false, missing: [] });
    expect(found.get(s.proposals.excellent)).toMatchObject({ complete: true, late: true, lateItems: ['bao-cao-thanh-tich'] });
    expect(found.get(s.proposals.certificate)!.missing).toEqual(['bao-cao-thanh-tich', 'bien-ban', 'confirmation:CA', 'confirmation:THUE', 'confirmation:BHXH']);
    expect(found.get(s.proposals.advanced)!.items).toHaveLength(6);
  });
});

describe('what cannot be drawn up is refused with the reason', () => {
  const refused = async (request: Parameters<typeof writeDocument>[1]) => {
    const error = await writeDocument(db, request).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  };
  it('a cluster with no closed vote has no minutes; one with no proposal no submission; an unknown or missing cluster is named', async () => {
    expect(await refused({ kind: 'minutes', group: 'CUM2', dir, now: NOW })).toBe('err-doc-minutes-no-vote');
    expect(await refused({ kind: 'submission', group: 'CUM2', dir, now: NOW })).toBe('err-doc-submission-none');
    expect(await refused({ kind: 'scores', group: 'CUM9', dir, now: NOW })).toBe('err-doc-cluster-unknown');
    expect(await refused({ kind: 'scores', dir, now: NOW })).toBe('err-doc-cluster-needed');
  });
});
