import { findUnit } from '../../documents/registration.ts';
import { DomainError } from '../../domain/errors.ts';
import { setUnitSigner, unitSigner } from '../../domain/unit-signer.ts';
import type { Command } from '../context.ts';

/**
 * `thidua signer --unit CODE [--title "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC"] [--name "…"]`: shows or changes who
 * signs a unit's registration (the liaison sets it in chat with /nguoiky).
 */
export const signerCommand: Command = {
  name: 'signer',
  options: { unit: { type: 'string' }, title: { type: 'string' }, name: { type: 'string' } },
  run(ctx, _positionals, options) {
    const db = ctx.db();
    if (typeof options.unit !== 'string') throw new DomainError('err-doc-unit-needed');
    const unit = findUnit(db, options.unit);
    const title = typeof options.title === 'string' ? options.title : undefined;
    const name = typeof options.name === 'string' ? options.name : undefined;
    const signer = title !== undefined || name !== undefined ? setUnitSigner(db, unit.id, { title, name }, { label: 'cli' }, ctx.clock.now()) : unitSigner(db, unit.id);
    ctx.say(ctx.t('cli-signer-line', { unit: unit.name, title: signer.title?.replaceAll('\n', ' | ') ?? '—', name: signer.name ?? '—' }));
    ctx.result({ unit: unit.code, ...signer });
    return 0;
  },
};
