/** A problem found in a sent-back form or in lines typed in a message, as the chat and the CLI say it. */
import type { FieldMessage } from '../domain/target-fields.ts';

/** A problem with a file: a row (and column) when it is about one, else the whole file. */
export interface FormProblem {
  line: number | null;
  column: string | null;
  message: FieldMessage;
}

export const fileProblem = (key: string, args?: FieldMessage['args']): FormProblem => ({ line: null, column: null, message: { key, ...(args ? { args } : {}) } });
