/**
 * The shape of src/, read from the sources themselves (issue 25): imports run down the layers and
 * never round in a cycle, one file writes outbox rows, flows reach the database only through
 * domain functions, and no source file grows past 500 lines.
 *
 * The sources are read with plain regular expressions, not the TypeScript compiler (fast, and no
 * dependency). Their limits: an import is seen in the forms `import … from '…'` (type-only and
 * multi-line included), `export … from '…'`, `import '…'` and `import('…')` with a literal
 * string; one built at run time (`import(name)`, `new URL('./x.ts', import.meta.url)` for a worker)
 * is not. Comments are dropped first (block comments and whole-line `//` comments), so an import
 * written inside a string would still count. Only relative imports are followed between files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SRC = join(ROOT, 'src');

/** The rooms of src/, from the top: an import may point only to its own room or a lower one. */
const LAYERS: readonly (readonly string[])[] = [
  ['bin', 'main.ts', 'cli'],
  ['operations.ts', 'channels'],
  ['flows'],
  ['inbound', 'jobs', 'reminders', 'health'],
  ['delivery'],
  ['documents', 'export', 'forms', 'http'],
  ['chat'],
  ['config', 'config.ts', 'sample', 'private-paths.ts', 'charts'],
  ['domain'],
  ['i18n'],
  ['db'],
  ['util', 'io'],
];
const RANK = new Map(LAYERS.flatMap((rooms, rank) => rooms.map((room) => [room, rank] as const)));

const MAX_LINES = 500;
const LONG_FILES_ALLOWED = ['src/db/schema.ts'];

interface SourceFile {
  path: string; // relative to the repository, with '/'
  text: string;
  imports: string[]; // every import's specifier, as written
}

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    if (!/\.(ts|js|mjs)$/.test(name) || name.endsWith('.d.ts')) return [];
    const text = readFileSync(full, 'utf8');
    return [{ path: relative(ROOT, full).split('\\').join('/'), text, imports: importsOf(text) }];
  });
}

const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s+(?:type\s+)?[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g;
const BARE_IMPORT = /(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [STATIC_IMPORT, BARE_IMPORT, DYNAMIC_IMPORT].flatMap((re) => [...code.matchAll(re)].map((m) => m[1]!));
}

/** The file a relative specifier names, relative to the repository; undefined for a package. */
function resolveImport(from: string, specifier: string, known: Set<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = relative(ROOT, resolve(ROOT, dirname(from), specifier)).split('\\').join('/');
  const candidates = [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')];
  return candidates.find((c) => known.has(c)) ?? (existsSync(join(ROOT, base)) ? base : undefined);
}

/** `src/flows/menu.ts` → `flows`; `src/main.ts` → `main.ts`. */
function roomOf(path: string): string {
  return path.slice('src/'.length).split('/')[0]!;
}

function graph(files: SourceFile[]): Map<string, Set<string>> {
  const known = new Set(files.map((f) => f.path));
  return new Map(
    files.map((f) => [f.path, new Set(f.imports.map((s) => resolveImport(f.path, s, known)).filter((p): p is string => p !== undefined && known.has(p)))]),
  );
}

function upwardImports(edges: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const [from, tos] of edges) {
    for (const to of tos) if (RANK.get(roomOf(to))! < RANK.get(roomOf(from))!) out.push(`${from} -> ${to}`);
  }
  return out.sort();
}

/** Strongly connected components of more than one file, or of a file importing itself (Tarjan). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || edges.get(v)?.has(v)) groups.push(group.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

const OUTBOX_WRITE = /insert\s+into\s+["`]?outbox\b|\.insert\(\s*(?:schema\.)?outbox\s*\)/i;
const FLOW_QUERY = /\bctx\.db\s*\.\s*(select|insert|update|delete)\b/g;

/** Flows and the messengers' adapters reach the database only through domain (and delivery) functions. */
function directQueries(files: SourceFile[]): string[] {
  const out = new Set<string>();
  for (const f of files.filter((f) => f.path.startsWith('src/flows/') || f.path.startsWith('src/channels/'))) {
    if (f.imports.some((s) => s === 'drizzle-orm' || s.startsWith('drizzle-orm/'))) out.add(`${f.path}: imports drizzle-orm`);
    if (f.imports.some((s) => /\/db\/(schema|raw)\.ts$/.test(s))) out.add(`${f.path}: imports the schema or raw statements`);
    for (const m of f.text.matchAll(FLOW_QUERY)) out.add(`${f.path}: ctx.db.${m[1]}`);
  }
  return [...out].sort();
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

const files = sourceFiles(SRC);
const edges = graph(files);

describe('the shape of src/', () => {
  it('reads every kind of import: type-only, multi-line, re-exports, side effects and dynamic', () => {
    const text = [
      "import type { A } from './a.ts';",
      'import {',
      '  b,',
      '  type B,',
      "} from '../b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "import './e.ts';",
      "const f = await import('./f.ts');",
      "// import { g } from './g.ts';",
      "/* import { h } from './h.ts'; */",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['../b.ts', './a.ts', './c.ts', './d.ts', './e.ts', './f.ts']);
  });

  it('finds an import up the layers and a cycle in a made-up graph', () => {
    const made = new Map([
      ['src/db/a.ts', new Set(['src/flows/b.ts'])],
      ['src/flows/b.ts', new Set(['src/flows/c.ts'])],
      ['src/flows/c.ts', new Set(['src/flows/b.ts', 'src/util/d.ts'])],
      ['src/util/d.ts', new Set<string>()],
    ]);
    expect(upwardImports(made)).toEqual(['src/db/a.ts -> src/flows/b.ts']);
    expect(cycles(made)).toEqual([['src/flows/b.ts', 'src/flows/c.ts']]);
  });

  it('places every file of src/ in a room of the layer order', () => {
    expect(files.length).toBeGreaterThan(100);
    const unplaced = [...new Set(files.map((f) => roomOf(f.path)).filter((room) => !RANK.has(room)))];
    expect(unplaced, 'rooms without a place in LAYERS').toEqual([]);
  });

  it('imports only from the same room or a lower one', () => {
    expect(upwardImports(edges), 'imports up the layers (see LAYERS)').toEqual([]);
  });

  it('has no import cycle between files, type-only imports included', () => {
    expect(cycles(edges), 'files importing each other round in a cycle').toEqual([]);
  });

  it('writes outbox rows from one file only', () => {
    const writers = files.filter((f) => OUTBOX_WRITE.test(f.text)).map((f) => f.path);
    expect(writers, 'files writing outbox rows').toEqual(['src/delivery/outbox-writer.ts']);
  });

  it('keeps the database out of flows and adapters: no drizzle-orm, no schema, no ctx.db queries', () => {
    expect(directQueries(files), 'flows or adapters querying the database themselves').toEqual([]);
  });

  it(`keeps every source file within ${MAX_LINES} lines but the schema`, () => {
    const long = files.filter((f) => lineCount(f.text) > MAX_LINES && !LONG_FILES_ALLOWED.includes(f.path)).map((f) => `${f.path} (${lineCount(f.text)} lines)`);
    expect(long, 'files over the limit').toEqual([]);
  });
});
