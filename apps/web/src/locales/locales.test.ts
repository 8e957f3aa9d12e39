// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES, PLURAL_CATEGORIES, createAppI18n, messages } from '../app/i18n';
import { ERROR_MESSAGE_KEYS, FIELD_MESSAGE_KEYS } from '../api/errors';
import { ALL_ROLES, NAVIGATION } from '../app/navigation';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted key, message]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

const en = new Map(leaves(messages.en as Tree));
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message files', () => {
  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the keys of en, none empty', (locale) => {
    const other = new Map(leaves(messages[locale] as Tree));
    const missing = [...en.keys()].filter((key) => !other.has(key));
    const extra = [...other.keys()].filter((key) => !en.has(key));
    const empty = [...other].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect({ missing, extra, empty }).toEqual({ missing: [], extra: [], empty: [] });
  });

  it.each(LOCALES)('%s: every message compiles and renders, with the placeholders of en', (locale) => {
    const { t } = createAppI18n(locale).global;
    for (const [key, value] of leaves(messages[locale] as Tree)) {
      const message = String(value);
      // Rendering throws on a syntax error (an unclosed brace, a stray "@" or "|").
      const rendered = t(key, { name: 'X', field: 'Y', n: 2 }, { locale });
      expect(rendered.trim(), `${locale}:${key}`).not.toBe('');
      const reference = en.get(key);
      if (typeof reference === 'string') {
        expect(new Set(placeholders(message)), `${locale}:${key} placeholders`).toEqual(new Set(placeholders(reference)));
      }
    }
  });

  it.each(LOCALES)('%s: plural messages have one form per plural category', (locale) => {
    for (const [key, value] of leaves(messages[locale] as Tree)) {
      const forms = String(value).split('|');
      if (forms.length > 1) expect(forms.length, `${locale}:${key}`).toBe(PLURAL_CATEGORIES[locale].length);
    }
  });

  it('are not copies of English', () => {
    for (const locale of LOCALES.filter((code) => code !== 'en')) {
      const other = new Map(leaves(messages[locale] as Tree));
      const same = [...en].filter(([key, value]) => other.get(key) === value).map(([key]) => key);
      // Brand names and words that really are the same in a language may repeat; most text may not.
      expect(same.length / en.size, `${locale} repeats English in ${same.join(', ')}`).toBeLessThan(0.15);
    }
  });

  it('name each language in itself', () => {
    const names = LOCALES.map((locale) => (messages[locale] as Tree & { language: Tree }).language.name);
    expect(names).toEqual(['English', 'Polski', 'Dansk', 'Русский', 'Slovenščina']);
  });
});

describe('keys used by the code exist in en', () => {
  const sourceRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'gql' ? [] : sources(path);
      return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
    });

  it('literal t() keys', () => {
    const used = sources(sourceRoot).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1]),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !en.has(key))).toEqual([]);
  });

  it('navigation labels, role names and error messages', () => {
    const keys = [
      ...NAVIGATION.map((item) => item.label),
      ...ALL_ROLES.map((role) => `roles.${role}`),
      ...Object.values(ERROR_MESSAGE_KEYS),
      ...Object.values(FIELD_MESSAGE_KEYS),
    ];
    expect(keys.filter((key) => !en.has(key))).toEqual([]);
  });
});
