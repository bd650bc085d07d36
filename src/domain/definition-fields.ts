/** The fields every part of a movement file writes the same way: a calendar day, a code. */
import { z } from 'zod';
import { isValidIsoDate } from './vn-input.ts';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'def-bad-date', abort: true })
  .refine(isValidIsoDate, 'def-not-a-date');

export const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'def-bad-code');
