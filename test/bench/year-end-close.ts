/**
 * The close of the benchmark's year, written straight into the tables (the chat flows that write
 * them are other parts of the year-end): every unit's score sheet kept (its 28 own lines) and sent
 * with the two mapped criteria the year's results filled in kept, as sendSheet keeps them; but in
 * every tenth cluster the last member is late: its sheet kept and not sent, its mapped criteria left
 * to the results (judged when the sheet is read). Each cluster's two closed votes (the flag on
 * its leader, the certificate on the next two) with every member's ballot, the cluster's three
 * proposals and every unit's own (TTLĐTT or TTLĐXS, with what it declares), and their dossiers
 * (complete, incomplete, or with a document sent after the deadline).
 */
import type { Db } from '../../src/db/connection.ts';

const SENT = Date.UTC(2020, 10, 28, 3);
const CLOSED = Date.UTC(2020, 11, 4, 3);
const ITEMS = ['to-trinh', 'bao-cao-thanh-tich', 'bien-ban', 'confirmation:CA', 'confirmation:THUE', 'confirmation:BHXH'];

export interface CloseFigures {
  sheets: number;
  /** Sheets kept, not sent (their mapped criteria left to the year's results). */
  unsent: number;
  lines: number;
  votes: number;
  ballots: number;
  proposals: number;
  dossierFiles: number;
}

/**
 * `entered(unitId)`: the points a unit typed, by criterion code (the same the scoring bench checks);
 * `filled(unitId, groupId)`: what the year's results fill in, kept when the sheet is sent.
 */
export function writeYearClose(
  db: Db,
  movementId: number,
  entered: (unitId: number) => Record<string, number>,
  filled: (unitId: number, groupId: number) => ReadonlyMap<string, number>,
): CloseFigures {
  const client = db.$client;
  const members = new Map<number, number[]>();
  for (const [groupId, unitId] of client.prepare('SELECT group_id, unit_id FROM group_members WHERE movement_id = ? ORDER BY unit_id').raw().all(movementId) as [number, number][])
    members.set(groupId, [...(members.get(groupId) ?? []), unitId]);
  const insertSheet = client.prepare('INSERT INTO score_sheets (group_id, unit_id, updated_at, sent_at) VALUES (?, ?, ?, ?)');
  const insertLine = client.prepare('INSERT INTO score_lines (sheet_id, criterion_code, self, prefilled) VALUES (?, ?, ?, ?)');
  const insertVote = client.prepare('INSERT INTO votes (group_id, title, quorum, threshold, ends_on, opened_at, closed_on, closed_at) VALUES (?, ?, 0.8, 0.8, ?, ?, ?, ?)');
  const insertMember = client.prepare('INSERT INTO vote_members (vote_id, unit_id) VALUES (?, ?)');
  const insertCandidate = client.prepare('INSERT INTO vote_candidates (vote_id, unit_id, position, total, rank) VALUES (?, ?, ?, NULL, NULL)');
  const insertBallot = client.prepare('INSERT INTO ballots (vote_id, voter_unit_id, candidate_unit_id, approve, written, cast_at) VALUES (?, ?, ?, ?, 0, ?)');
  const insertProposal = client.prepare('INSERT INTO proposals (movement_id, unit_id, title, group_id, vote_id, declared, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertFile = client.prepare('INSERT INTO dossier_files (proposal_id, item, file_name, stored_path, bytes, received_at) VALUES (?, ?, ?, ?, ?, ?)');
  const figures: CloseFigures = { sheets: 0, unsent: 0, lines: 0, votes: 0, ballots: 0, proposals: 0, dossierFiles: 0 };
  const dossier = (proposalId: number, n: number) => {
    // Most complete on time; every fifth missing its confirmations; every seventh with its report sent late.
    const items = n % 5 === 0 ? ITEMS.slice(0, 3) : ITEMS;
    items.forEach((item, i) => {
      insertFile.run(proposalId, item, `${item.replace(':', '-')}.pdf`, `dossiers/${proposalId}/${i}.pdf`, 200_000, n % 7 === 0 && i === 1 ? Date.UTC(2020, 11, 12, 3) : Date.UTC(2020, 11, 8, 3));
      figures.dossierFiles++;
    });
  };
  client.transaction(() => {
    let n = 0;
    for (const [groupId, units] of members) {
      const cluster = figures.votes / 2;
      units.forEach((unitId, u) => {
        const sent = cluster % 10 !== 9 || u < units.length - 1;
        const sheetId = Number(insertSheet.run(groupId, unitId, SENT, sent ? SENT : null).lastInsertRowid);
        figures.sheets++;
        if (!sent) figures.unsent++;
        const lines: [string, number, number][] = Object.entries(entered(unitId)).map(([code, points]) => [code, points, 0]);
        if (sent) for (const [code, points] of filled(unitId, groupId)) lines.push([code, points, 1]);
        for (const line of lines) {
          insertLine.run(sheetId, ...line);
          figures.lines++;
        }
      });
      const vote = (title: string, candidates: number[], minute: number) => {
        const voteId = Number(insertVote.run(groupId, title, '2020-12-05', CLOSED, '2020-12-04', CLOSED + minute * 60_000).lastInsertRowid);
        figures.votes++;
        for (const unitId of units) insertMember.run(voteId, unitId);
        candidates.forEach((c, position) => insertCandidate.run(voteId, c, position));
        units.forEach((voter, v) =>
          candidates.forEach((c, i) => {
            insertBallot.run(voteId, voter, c, v % (3 + i) === 1 ? 0 : 1, CLOSED);
            figures.ballots++;
          }),
        );
        return voteId;
      };
      const flag = vote('co-thi-dua-ubnd-tinh', units.slice(0, 1), 0);
      const certificate = vote('bang-khen-ubnd-tinh', units.slice(1, 3), 1);
      for (const [title, unitId, voteId] of [['co-thi-dua-ubnd-tinh', units[0], flag], ['bang-khen-ubnd-tinh', units[1], certificate], ['bang-khen-ubnd-tinh', units[2], certificate]] as const) {
        if (unitId === undefined) continue;
        dossier(Number(insertProposal.run(movementId, unitId, title, groupId, voteId, JSON.stringify({ taskRating: 'xuat-sac', previousYearRating: 'xuat-sac', pendingCase: false }), CLOSED).lastInsertRowid), n++);
        figures.proposals++;
      }
      for (const unitId of units) {
        const excellent = unitId % 3 === 0;
        const declared = excellent
          ? { taskRating: 'xuat-sac', membersCompletingShare: 1, advancedShare: 0.8, emulationSoldiers: unitId % 4, pendingCase: false }
          : { taskRating: unitId % 2 === 0 ? 'tot' : 'hoan-thanh', advancedShare: 0.72, disciplined: unitId % 11 === 0 };
        dossier(Number(insertProposal.run(movementId, unitId, excellent ? 'tap-the-lao-dong-xuat-sac' : 'tap-the-lao-dong-tien-tien', null, null, JSON.stringify(declared), CLOSED).lastInsertRowid), n++);
        figures.proposals++;
      }
    }
  })();
  return figures;
}
