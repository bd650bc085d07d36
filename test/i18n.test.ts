import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../src/util/vocabulary.ts';
import { UNIT_KINDS } from '../src/domain/model.ts';
import { TITLES } from '../src/domain/titles.ts';
import { loadedFlows } from './helpers/flows.ts';
import { hasMessage, messageIds, t } from '../src/i18n/index.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('locales', () => {
  it('Vietnamese and English define the same messages', () => {
    expect(messageIds('en').sort()).toEqual(messageIds('vi').sort());
  });

  it('every message parses (Fluent silently drops an entry with a syntax error)', () => {
    for (const locale of ['vi', 'en'] as const) expect(messageIds(locale).filter((id) => !hasMessage(locale, id))).toEqual([]);
  });

  it('every message id written literally in the code exists', () => {
    const ids = new Set(messageIds('vi'));
    const used = new Set<string>();
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:t|say|problem|DomainError)\((?:[a-z]+, )?(?:[a-zA-Z.]+, )*'([a-z]+(?:-[a-z0-9_]+)+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/(?<!name: )'((?:err|def|import|cli|config|start)-[a-z0-9-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every message id the code builds from data exists: step help, roles, kinds of unit, titles', async () => {
    const ids = new Set(messageIds('vi'));
    const built = [
      ...(await loadedFlows()).flatMap((flow) => Object.entries(flow.steps).filter(([, step]) => !step.help).map(([name]) => `${flow.id}-${name}-help`)),
      ...ROLES.map((r) => `role-${r}`),
      ...UNIT_KINDS.map((k) => `unit-kind-${k}`),
      ...TITLES.map((x) => `title-${x}`),
      ...['malformed', 'unknown', 'used', 'expired', 'code-locked'].map((r) => `link-${r}`),
    ];
    expect(built.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('formats with the variables given and without invisible isolation marks', () => {
    expect(t('vi', 'err-unit-unknown', { code: 'SNV' })).toBe('Không có đơn vị mã "SNV".');
    expect(t('en', 'registration-status', { status: 'submitted' })).toBe('Awaiting review');
    expect(t('vi', 'err-registration-transition', { status: 'approved', action: 'submit' })).toBe(
      'Không thể gửi bản đăng ký đang ở trạng thái "Đã duyệt".',
    );
  });
});
