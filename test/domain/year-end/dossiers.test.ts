/**
 * A proposal's dossier in Cụm thi đua số 1 of the sample (TPND its head): the checklist the law
 * asks with the movement's confirmations, files kept (the latest per item counted), complete,
 * late after 10/12/2020, incomplete; who may send; the Chairman's decision and the years awarded.
 */
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../../src/domain/audit.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { currentMovement } from '../../../src/domain/movements.ts';
import { awardedYears, movementDecisions, recordDecision } from '../../../src/domain/year-end/decisions.ts';
import { checklistItems, dossierTable, maySendDossier, movementDossiers, proposalDossier, recordDossierFile } from '../../../src/domain/year-end/dossiers.ts';
import { checkDossierFile } from '../../../src/forms/dossier-file.ts';
import { translator } from '../../../src/i18n/index.ts';
import { dossierItemLabel } from '../../../src/domain/year-end/dossiers.ts';
import { chatHarness } from '../../helpers/chat.ts';
import { useTempDatabases } from '../../helpers/db.ts';
import { DOC_BYTES, DOCX_BYTES, PDF_BYTES, personOf, PNG_BYTES, proposalRow, XLSX_BYTES } from '../../helpers/dossier-rows.ts';

useTempDatabases();

const DEC_9 = Date.UTC(2020, 11, 9, 3); // 09/12/2020 10:00 in Hà Nội
const DEC_10_LATE = Date.UTC(2020, 11, 10, 16, 30); // 10/12/2020 23:30: still the deadline's day
const DEC_11 = Date.UTC(2020, 11, 10, 17, 30); // 11/12/2020 00:30: the day after

function cluster() {
  const h = chatHarness();
  h.link('hml', 'HML');
  h.link('tpnd', 'TPND', 'cluster_head');
  h.link('htn', 'HTN');
  h.link('hhh', 'HHH', 'cluster_head');
  const movement = currentMovement(h.db)!;
  const flag = proposalRow(h.db, 'HML', 'co-thi-dua-ubnd-tinh', 'CUM1');
  const own = proposalRow(h.db, 'HVB', 'tap-the-lao-dong-xuat-sac');
  const file = (proposalId: number, item: string, receivedAt = DEC_9) => ({ proposalId, item, fileName: `${item}.pdf`, storedPath: `/nowhere/${item}.pdf`, bytes: 1234, receivedAt });
  return { h, movement, flag, own, file };
}

describe("a proposal's dossier", () => {
  it("lists the law's three documents and the movement's confirmations, the minutes named by the kind of title", () => {
    const { h, movement, flag } = cluster();
    const dossier = proposalDossier(h.db, movement, flag)!;
    expect(dossier.lines.map((l) => l.item)).toEqual(['to-trinh', 'bao-cao-thanh-tich', 'bien-ban', 'confirmation:CA', 'confirmation:THUE', 'confirmation:BHXH']);
    expect(dossier.status).toBe('incomplete');
    expect(checklistItems([])).toEqual(['to-trinh', 'bao-cao-thanh-tich', 'bien-ban']);
    const vi = translator('vi');
    expect(dossierItemLabel(vi, 'bien-ban', 'co-thi-dua-ubnd-tinh', [])).toBe('Biên bản họp bình xét (kèm kết quả bỏ phiếu)');
    expect(dossierItemLabel(vi, 'bien-ban', 'bang-khen-ubnd-tinh', [])).toBe('Biên bản họp xét khen thưởng');
    expect(dossierItemLabel(vi, 'confirmation:THUE', 'co-thi-dua-ubnd-tinh', [{ code: 'THUE', title: 'Xác nhận của Cục Thuế tỉnh' }])).toBe('Xác nhận của Cục Thuế tỉnh');
  });

  it('is complete with every item by the deadline, late with one the day after, and counts the latest file of an item', () => {
    const { h, movement, flag, own, file } = cluster();
    const liaison = personOf(h.db, 'HML', 'liaison');
    const items = checklistItems([{ code: 'CA', title: '' }, { code: 'THUE', title: '' }, { code: 'BHXH', title: '' }]);
    for (const item of items) recordDossierFile(h.db, movement, liaison.id, file(flag, item, item === 'bien-ban' ? DEC_10_LATE : DEC_9), cliActor);
    expect(proposalDossier(h.db, movement, flag)!.status).toBe('complete');

    const again = recordDossierFile(h.db, movement, liaison.id, { ...file(flag, 'to-trinh', DEC_11), fileName: 'to-trinh-v2.pdf' }, cliActor);
    expect(again.late).toBe(true);
    expect(again.dossier.status).toBe('late');
    expect(again.dossier.lines[0]!.file).toMatchObject({ fileName: 'to-trinh-v2.pdf', late: true });
    expect(h.rows('SELECT file_name FROM dossier_files WHERE proposal_id = ? AND item = ? ORDER BY id', flag, 'to-trinh')).toEqual([{ file_name: 'to-trinh.pdf' }, { file_name: 'to-trinh-v2.pdf' }]);

    expect(dossierTable(movementDossiers(h.db, movement))).toEqual([
      { title: 'co-thi-dua-ubnd-tinh', group: 'CUM1', complete: 0, late: 1, incomplete: 0 },
      { title: 'tap-the-lao-dong-xuat-sac', group: null, complete: 0, late: 0, incomplete: 1 },
    ]);
    expect(proposalDossier(h.db, movement, own)!.missing).toHaveLength(6);
  });

  it("is sent by the unit's liaison, and by its cluster's head for a cluster's proposal only; others are refused and nothing is kept", () => {
    const { h, movement, flag, own, file } = cluster();
    const flagDossier = proposalDossier(h.db, movement, flag)!;
    const ownDossier = proposalDossier(h.db, movement, own)!;
    const [hml, tpnd, htn, hhh] = [personOf(h.db, 'HML', 'liaison'), personOf(h.db, 'TPND', 'cluster_head'), personOf(h.db, 'HTN', 'liaison'), personOf(h.db, 'HHH', 'cluster_head')];
    expect([hml, tpnd, htn, hhh].map((p) => maySendDossier(p, flagDossier))).toEqual([true, true, false, false]);
    expect([hml, tpnd, htn, hhh].map((p) => maySendDossier(p, ownDossier))).toEqual([false, false, false, false]);
    expect(maySendDossier({ role: 'admin', unitId: null }, flagDossier)).toBe(false);

    for (const [person, proposal] of [[htn, flag], [hhh, flag], [tpnd, own], [hml, own]] as const) {
      expect(() => recordDossierFile(h.db, movement, person.id, file(proposal, 'to-trinh'), cliActor)).toThrow(DomainError);
    }
    expect(() => recordDossierFile(h.db, movement, hml.id, file(flag, 'confirmation:XYZ'), cliActor)).toThrow(expect.objectContaining({ code: 'err-dossier-item-unknown' }));
    h.db.$client.prepare('UPDATE proposals SET withdrawn_at = 1 WHERE id = ?').run(flag);
    expect(() => recordDossierFile(h.db, movement, hml.id, file(flag, 'to-trinh'), cliActor)).toThrow(expect.objectContaining({ code: 'err-dossier-not-found' }));
    expect(h.rows('SELECT COUNT(*) AS n FROM dossier_files')).toEqual([{ n: 0 }]);
  });
});

describe('a file sent for a dossier, told by its bytes', () => {
  it('takes a PDF, a .doc and a .docx; refuses a workbook, a picture, an .xls and an empty file', () => {
    expect(checkDossierFile(PDF_BYTES, 'to-trinh.pdf')).toEqual({ kind: 'pdf' });
    expect(checkDossierFile(DOC_BYTES, 'bao-cao.doc')).toEqual({ kind: 'doc' });
    expect(checkDossierFile(DOCX_BYTES, 'bien-ban.docx')).toEqual({ kind: 'docx' });
    expect(checkDossierFile(DOC_BYTES, 'bang.xls')).toEqual({ refused: 'not-document' });
    expect(checkDossierFile(XLSX_BYTES, 'gia.docx')).toEqual({ refused: 'not-document' });
    expect(checkDossierFile(PNG_BYTES, 'anh.pdf')).toEqual({ refused: 'not-document' });
    expect(checkDossierFile(Buffer.alloc(0), 'rong.pdf')).toEqual({ refused: 'empty' });
    // A .docx whose directory claims 300 MB unpacked: refused before anything is unpacked.
    const bomb = Buffer.from(DOCX_BYTES);
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(300 * 1024 * 1024, central + 24);
    expect(checkDossierFile(bomb, 'bom.docx')).toEqual({ refused: 'zip-bomb' });
    expect(checkDossierFile(Buffer.concat([PDF_BYTES, Buffer.alloc(21 * 1024 * 1024)]), 'lon.pdf')).toEqual({ refused: 'too-big' });
  });
});

describe("the Chairman's decision", () => {
  it('is recorded per proposal (a correction kept in the audit), and the awarded title counts among the earlier years from the next year on', () => {
    const { h, movement, flag, own } = cluster();
    const board = { personId: null, label: 'test' };
    expect(recordDecision(h.db, movement.id, flag, { outcome: 'not_awarded', number: '12/QĐ-UBND', decidedOn: '2021-01-20' }, board, 1).tell).toBe(true);
    const fixed = recordDecision(h.db, movement.id, flag, { outcome: 'awarded', number: '125/QĐ-UBND', decidedOn: '2021-01-20' }, board, 2);
    expect(fixed).toMatchObject({ tell: true, title: 'co-thi-dua-ubnd-tinh' });
    expect(recordDecision(h.db, movement.id, flag, { outcome: 'awarded', number: '125/QĐ-UBND', decidedOn: '2021-01-21' }, board, 3).tell).toBe(false);
    expect(movementDecisions(h.db, movement.id, true)).toEqual([
      { proposalId: flag, unitCode: 'HML', unitName: expect.any(String), title: 'co-thi-dua-ubnd-tinh', groupCode: 'CUM1', outcome: 'awarded', decisionNumber: '125/QĐ-UBND', decidedOn: '2021-01-21' },
    ]);
    expect(h.rows("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'proposal.decision'")).toEqual([{ n: 3 }]);
    const hml = h.rows<{ id: number }>("SELECT id FROM units WHERE code = 'HML'")[0]!.id;
    expect(awardedYears(h.db, hml, 'co-thi-dua-ubnd-tinh', 2021)).toEqual([2020]);
    expect(awardedYears(h.db, hml, 'co-thi-dua-ubnd-tinh', 2020)).toEqual([]);

    expect(() => recordDecision(h.db, movement.id, own, { outcome: 'awarded', number: '=HYPERLINK()', decidedOn: '2021-01-20' }, board, 4)).toThrow();
    expect(() => recordDecision(h.db, movement.id, 99_999, { outcome: 'awarded', number: '1/QĐ', decidedOn: '2021-01-20' }, board, 4)).toThrow(expect.objectContaining({ code: 'err-decision-no-proposal' }));
    expect(h.rows('SELECT outcome FROM proposals WHERE id = ?', own)).toEqual([{ outcome: null }]);
  });
});
