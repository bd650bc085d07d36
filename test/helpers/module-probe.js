// @ts-check
/**
 * Loaded into a bot process with `--import` when MODULE_PROBE_FILE is set (plain JavaScript: tsx's
 * hooks may not be in place yet): appends the URL of every module the process loads to the file,
 * one a line, so a test can tell which libraries a start pulled in. Registers itself as a resolve
 * hook; in the hooks thread it only records.
 */
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const file = process.env.MODULE_PROBE_FILE;
if (file && isMainThread) register(import.meta.url);

/** @type {Set<string>} */
const seen = new Set();

/** @param {string} specifier @param {object} context @param {Function} next */
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (file && !seen.has(resolved.url)) {
    seen.add(resolved.url);
    appendFileSync(file, `${resolved.url}\n`);
  }
  return resolved;
}
