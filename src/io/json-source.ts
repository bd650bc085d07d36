import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

type JsonSource =
  | { ok: true; value: unknown; lineOf(path: readonly PropertyKey[]): number }
  | { ok: false; errors: { line: number; column: number; code: string }[] };

/**
 * Parses strict JSON and keeps the position of every value, so a validation problem found later
 * can be reported at the line where the offending value stands.
 */
export function parseJsonSource(text: string): JsonSource {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false });
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  if (errors.length > 0 || root === undefined) {
    const list = errors.length > 0 ? errors : [{ error: 1, offset: 0, length: 0 } as ParseError];
    return {
      ok: false,
      errors: list.map((e) => ({
        line: lineAt(e.offset),
        column: e.offset - lineStarts[lineAt(e.offset) - 1]! + 1,
        code: printParseErrorCode(e.error),
      })),
    };
  }
  return {
    ok: true,
    value: JSON.parse(source),
    lineOf(path) {
      // A missing property has no node of its own: report the nearest enclosing value.
      for (let depth = path.length; depth >= 0; depth--) {
        const segments = path.slice(0, depth).map((p) => (typeof p === 'number' ? p : String(p)));
        const node: Node | undefined = findNodeAtLocation(root, segments);
        if (node) return lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return 1;
    },
  };
}
