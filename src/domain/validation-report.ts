import { z } from 'zod';
import { t, type Locale } from '../i18n/index.ts';

/** One reason an imported file was refused, at a line (or row) of that file. */
export interface FileProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * Turns zod issues into readable problems. Our own checks put a locales/ message id in `message`
 * (with `params`); zod's built-in checks come already worded in the person's language.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  locale: Locale,
  lineOf: (path: readonly PropertyKey[]) => number,
): FileProblem[] {
  return issues
    .map((issue) => {
      const params = issue.code === 'custom' ? (issue.params as Record<string, string | number> | undefined) : undefined;
      const message = /^[a-z]+(-[a-z]+)+$/.test(issue.message) ? t(locale, issue.message, params) : issue.message;
      return { line: lineOf(issue.path), field: issue.path.map(String).join('.'), message };
    })
    .sort((a, b) => a.line - b.line);
}
