import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { z } from 'zod';
import { LOCALES } from '../util/vocabulary.ts';

export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export type Args = Record<string, FluentVariable | null | undefined>;

const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

function loadBundle(locale: Locale): FluentBundle {
  // useIsolating off: the invisible bidi marks Fluent adds by default show up as garbage in chats.
  const bundle = new FluentBundle(locale === 'vi' ? 'vi-VN' : 'en-GB', { useIsolating: false });
  const source = readFileSync(`${LOCALES_DIR}${locale}.ftl`, 'utf8');
  const errors = bundle.addResource(new FluentResource(source));
  if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map(String).join('; ')}`);
  return bundle;
}

// Each locale's file is read on its first use: a start answers in one language (~half the parsing).
const bundles = new Map<Locale, FluentBundle>();
function bundleOf(locale: Locale): FluentBundle {
  let bundle = bundles.get(locale);
  if (!bundle) bundles.set(locale, (bundle = loadBundle(locale)));
  return bundle;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** zod's own messages (a missing field, a wrong type…) in the person's language. */
export const zodLocale = (locale: Locale) => (locale === 'vi' ? z.locales.vi() : z.locales.en()).localeError;

/** Message ids defined for a locale (used by the test that keeps the locales in step). */
export function messageIds(locale: Locale): string[] {
  const source = readFileSync(`${LOCALES_DIR}${locale}.ftl`, 'utf8');
  return [...source.matchAll(/^([a-z][a-z0-9_-]*)\s*=/gm)].map((m) => m[1]!);
}

/** Whether a locale file defines `id` as a usable message (a syntax error turns an entry into junk). */
export const hasMessage = (locale: Locale, id: string) => bundleOf(locale).hasMessage(id);

/** Translates `id`; falls back to Vietnamese, then to the id itself so a gap is visible, not fatal. */
export function t(locale: Locale, id: string, args?: Args): string {
  // Every question is worded again at each message, mostly with the same few arguments: a wording
  // from plain strings and numbers is kept (Fluent's formatting costs more than the lookup).
  const key = memoKey(locale, id, args);
  if (key !== undefined) {
    const known = worded.get(key);
    if (known !== undefined) return known;
  }
  const text = format(locale, id, args);
  if (key !== undefined) {
    if (worded.size >= WORDED_KEPT) worded.clear();
    worded.set(key, text);
  }
  return text;
}

const WORDED_KEPT = 2_000;
const WORDED_MAX_KEY = 300;
const worded = new Map<string, string>();

/** The memo's key for a wording whose arguments are all plain (strings, numbers, absent); undefined otherwise. */
function memoKey(locale: Locale, id: string, args: Args | undefined): string | undefined {
  let key = `${locale}\u0000${id}`;
  if (args) {
    for (const name in args) {
      const value = args[name];
      if (value === null || value === undefined) continue;
      // (A value holding the separator could pass for other arguments: worded anew.)
      if (typeof value === 'string' && !value.includes('\u0000')) key += `\u0000${name}\u0001s${value}`;
      else if (typeof value === 'number' && !Object.is(value, -0)) key += `\u0000${name}\u0001n${value}`;
      else return undefined;
    }
  }
  return key.length <= WORDED_MAX_KEY ? key : undefined;
}

function format(locale: Locale, id: string, args: Args | undefined): string {
  for (const bundle of [bundleOf(locale), bundleOf(DEFAULT_LOCALE)]) {
    const message = bundle.getMessage(id);
    if (message?.value) {
      const clean: Record<string, FluentVariable> = {};
      for (const [k, v] of Object.entries(args ?? {})) if (v !== null && v !== undefined) clean[k] = v;
      return bundle.formatPattern(message.value, clean);
    }
  }
  return id;
}

/** A translator bound to one locale. */
export type Translate = (id: string, args?: Args) => string;
export const translator = (locale: Locale): Translate => (id, args) => t(locale, id, args);
