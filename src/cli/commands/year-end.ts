/**
 * The year-end's tables for the Board at the terminal: `thidua dossiers` (every proposal's dossier:
 * complete, late, incomplete, with what is missing) and `thidua awards` (the titles awarded by the
 * decisions recorded; `--csv` as a Vietnamese-locale Excel reads it, to the screen or `--out`).
 */
import { writeFileSync } from 'node:fs';
import { resolveMovement } from '../../domain/movements.ts';
import { formatVnDate } from '../../domain/vn-input.ts';
import { movementDecisions } from '../../domain/year-end/decisions.ts';
import { dossierItemLabel, dossierYear, movementDossiers } from '../../domain/year-end/dossiers.ts';
import { csvField } from '../../export/csv.ts';
import { neutraliseFormula } from '../../export/model.ts';
import type { Command } from '../context.ts';

export const dossiersCommand: Command = {
  name: 'dossiers',
  options: { movement: { type: 'string' } },
  run(ctx, _positionals, options) {
    const db = ctx.db();
    const movement = resolveMovement(db, options.movement as string | undefined);
    const year = dossierYear(db, movement);
    if (!year) {
      ctx.say(ctx.t('dos-no-year-end'));
      ctx.result([]);
      return 0;
    }
    const dossiers = movementDossiers(db, movement);
    ctx.say(ctx.t(dossiers.length === 0 ? 'dos-none-board' : 'dos-table-title', { count: dossiers.length, deadline: formatVnDate(year.deadline) }));
    for (const d of dossiers) {
      const missing = d.missing.map((item) => dossierItemLabel(ctx.t, item, d.proposal.title, year.confirmations));
      ctx.say(
        ctx.t('cli-dossiers-line', {
          unit: d.unit.code,
          title: ctx.t(`title-${d.proposal.title}`),
          group: d.group?.code ?? '—',
          status: d.status,
          received: d.lines.length - d.missing.length,
          total: d.lines.length,
          hasMissing: missing.length > 0 ? 'yes' : 'no',
          missing: missing.join('; '),
        }),
      );
    }
    ctx.result(
      dossiers.map((d) => ({
        proposalId: d.proposal.id,
        unit: d.unit.code,
        title: d.proposal.title,
        group: d.group?.code ?? null,
        status: d.status,
        items: d.lines.map((l) => ({ item: l.item, file: l.file ? { name: l.file.fileName, bytes: l.file.bytes, receivedAt: new Date(l.file.receivedAt).toISOString(), late: l.file.late } : null })),
        missing: d.missing,
      })),
    );
    return 0;
  },
};

export const awardsCommand: Command = {
  name: 'awards',
  options: { movement: { type: 'string' }, csv: { type: 'boolean' }, out: { type: 'string' } },
  run(ctx, _positionals, options) {
    const db = ctx.db();
    const movement = resolveMovement(db, options.movement as string | undefined);
    const awarded = movementDecisions(db, movement.id, true);
    if (options.csv === true || typeof options.out === 'string') {
      const header = ['unit-code', 'unit', 'title', 'group', 'number', 'date'].map((c) => csvField(ctx.t(`awards-col-${c}`))).join(';');
      const lines = awarded.map((r) =>
        [r.unitCode, r.unitName, ctx.t(`title-${r.title}`), r.groupCode ?? '', r.decisionNumber ?? '', r.decidedOn ? formatVnDate(r.decidedOn) : ''].map((v) => csvField(neutraliseFormula(v))).join(';'),
      );
      const csv = `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
      if (typeof options.out === 'string') {
        writeFileSync(options.out, csv);
        ctx.say(ctx.t('cli-awards-written', { count: awarded.length, path: options.out }));
      } else if (!ctx.json) ctx.io.stdout(csv.slice(1).trimEnd());
    } else {
      if (awarded.length === 0) ctx.say(ctx.t('cli-awards-none'));
      for (const r of awarded) ctx.say(ctx.t('cli-awards-line', { unit: r.unitName, title: ctx.t(`title-${r.title}`), number: r.decisionNumber ?? '', on: r.decidedOn ? formatVnDate(r.decidedOn) : '' }));
    }
    ctx.result(awarded);
    return 0;
  },
};
