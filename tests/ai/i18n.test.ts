import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/config.ts';
import { createTranslator, DEFAULT_LOCALES_DIR, readLocaleFiles } from '../../src/i18n.ts';

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
    const fa = t('fa', 'answer-sources', { titles: 'Letter of credit' });
    expect(fa).toContain('\u2068Letter of credit\u2069');
    expect(strip(fa)).toBe('منابع: Letter of credit');
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
