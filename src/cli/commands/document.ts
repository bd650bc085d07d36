import { writeDocument } from '../../documents/index.ts';
import { isDocumentKind } from '../../domain/model.ts';
import { DOCUMENT_KINDS } from '../../util/vocabulary.ts';
import { resolveMovement } from '../../domain/movements.ts';
import type { Command } from '../context.ts';

/**
 * `thidua document registration --unit CODE | summary | period --period CODE | minutes|submission|scores --cluster CODE
 * | proposals [--movement CODE] [--out DIR]`: one of the Board's documents as a .docx file; prints its path.
 */
export const documentCommand: Command = {
  name: 'document',
  args: DOCUMENT_KINDS.join('|'),
  options: {
    movement: { type: 'string' },
    unit: { type: 'string' },
    period: { type: 'string' },
    cluster: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx, positionals, options) {
    const kind = positionals[0];
    if (!isDocumentKind(kind) || positionals.length > 1) {
      ctx.io.stderr(ctx.t('err-doc-kind', { kind: positionals.join(' ') }));
      return 2;
    }
    const db = ctx.db();
    const written = await writeDocument(db, {
      kind,
      movement: resolveMovement(db, options.movement as string | undefined),
      unit: options.unit as string | undefined,
      periodCode: options.period as string | undefined,
      group: options.cluster as string | undefined,
      dir: typeof options.out === 'string' ? options.out : 'exports',
      locale: ctx.locale,
      now: ctx.clock.now(),
    });
    ctx.say(written.path);
    ctx.result(written);
    return 0;
  },
};
