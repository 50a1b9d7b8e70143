import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/text/language.ts';
import { createTranslator, DEFAULT_LOCALES_DIR, readLocaleFiles } from '../../src/i18n.ts';
import { linesLaidOutLeftToRight, linesStartingLeftToRight } from '../helpers/bidi.ts';

const strip = (s: string) => s.replace(/[\u2068\u2069]/g, '');

/** Message and term ids of one .ftl source, with any syntax errors Fluent found. */
function idsOf(source: string): { ids: string[]; junk: number } {
  const resource = new FluentResource(source) as unknown as { body: { id: string }[] };
  const ids = resource.body.map((m) => m.id);
  // FluentResource silently skips unparsable entries: count the entry starts it did not keep.
  const starts = source.split('\n').filter((l) => /^-?[a-zA-Z][\w-]*\s*=/.test(l)).length;
  return { ids, junk: starts - ids.length };
}

describe('locales: every language has the same messages', () => {
  const files = new Map(LANGUAGES.map((l) => [l, readLocaleFiles(DEFAULT_LOCALES_DIR, l)]));
  const names = new Set([...files.values()].flat().map((f) => f.file.split(/[\\/]/).at(-1)!));

  it.each([...names])('%s exists in fa, zh and en with the same keys and parses cleanly', (name) => {
    const keysByLanguage = LANGUAGES.map((language) => {
      const file = files.get(language)!.find((f) => f.file.endsWith(`/${name}`) || f.file.endsWith(`\\${name}`));
      expect(file, `locales/${language}/${name} is missing`).toBeDefined();
      const { ids, junk } = idsOf(file!.source);
      expect(junk, `locales/${language}/${name} has entries Fluent cannot parse`).toBe(0);
      return { language, keys: new Set(ids) };
    });
    const all = new Set(keysByLanguage.flatMap((k) => [...k.keys]));
    for (const { language, keys } of keysByLanguage) {
      const missing = [...all].filter((k) => !keys.has(k));
      expect(missing, `locales/${language}/${name} lacks these keys`).toEqual([]);
    }
  });

  it.each(LANGUAGES)('no key is defined twice across the files of %s', (language) => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { file, source } of files.get(language)!) {
      for (const id of idsOf(source).ids) {
        if (seen.has(id)) duplicates.push(`${id} (${seen.get(id)} and ${file})`);
        seen.set(id, file);
      }
    }
    expect(duplicates).toEqual([]);
  });
});

describe('translator', () => {
  it('formats messages with arguments in each language, keeping bidi isolation around values', () => {
    const { t } = createTranslator();
    expect(t('en', 'answer-nothing-found')).toBe('Nothing in the knowledge base answers this yet.');
    expect(t('zh', 'answer-original-note', { language: 'fa' })).toContain('波斯语');
    const fa = t('fa', 'bot-story-contributor', { who: 'Letter of credit' });
    expect(fa).toContain('\u2068Letter of credit\u2069');
    expect(strip(fa)).toBe('ثبت‌شده از سوی Letter of credit');
  });

  it('falls back to English, then to the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locales-'));
    for (const l of LANGUAGES) mkdirSync(join(dir, l));
    writeFileSync(join(dir, 'en', 'a.ftl'), 'only-english = Hello\n');
    writeFileSync(join(dir, 'fa', 'a.ftl'), 'other = سلام\n');
    const { t } = createTranslator(dir);
    expect(t('fa', 'only-english')).toBe('Hello');
    expect(t('zh', 'no-such-key')).toBe('no-such-key');
  });
});

/** The variables a message's pattern and attributes refer to (Fluent's runtime syntax tree). */
function variablesOf(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) variablesOf(n, found);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'var' && typeof o.name === 'string') found.add(o.name);
    for (const v of Object.values(o)) variablesOf(v, found);
  }
  return found;
}

describe('Persian is laid out right to left', () => {
  // Each language's name in its own script, on the language buttons: not Persian text.
  const FOREIGN_BY_DESIGN = new Set(['bot-language-name-zh', 'bot-language-name-en']);
  const messages = readLocaleFiles(DEFAULT_LOCALES_DIR, 'fa').flatMap(({ source }) =>
    (new FluentResource(source) as unknown as { body: { id: string }[] }).body.filter((m) => !m.id.startsWith('-') && !FOREIGN_BY_DESIGN.has(m.id)),
  );
  const { t } = createTranslator();

  it.each([
    ['a Latin name', 'Acme Trading Co.'],
    ['a number', 42],
  ] as const)('every line of every Persian message, with each value %s, starts right to left', (_, value) => {
    const wrong: string[] = [];
    for (const m of messages) {
      const text = t('fa', m.id, Object.fromEntries([...variablesOf(m)].map((name) => [name, value])));
      for (const line of [...linesLaidOutLeftToRight(text), ...linesStartingLeftToRight(text)]) wrong.push(`${m.id}: ${strip(line)}`);
    }
    expect(messages.length).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it('a line made only of values, such as who lived it and the industry, still starts right to left', () => {
    const meta = t('fa', 'answer-experience-meta', { who: 'Negin Pars، تهران، ایران', industry: 'غذایی' });
    expect(strip(meta)).toBe('\u200FNegin Pars، تهران، ایران — غذایی');
    expect(linesLaidOutLeftToRight(meta)).toEqual([]);
  });
});
