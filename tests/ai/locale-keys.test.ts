import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/bot/commands.ts';
import { FIELDS } from '../../src/bot/features/share/fields.ts';
import { LANGUAGES } from '../../src/text/language.ts';
import { DEFAULT_LOCALES_DIR, readLocaleFiles } from '../../src/i18n.ts';
import { INDUSTRIES, STATUSES } from '../../src/knowledge/experiences/experience.ts';
import { INTRODUCTION_MESSAGES } from '../../src/jobs/introduction-messages.ts';

const SRC = new URL('../../src/', import.meta.url).pathname;
// The message families of the locale files; a string in the code that looks like one of them is a key.
const KEY_LITERAL = /['"`]((?:bot|share|my|forget|console|answer|country|industry|notify|curation|community|intro)-[a-z0-9-]*[a-z0-9])['"`]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const english = new Set(
  readLocaleFiles(DEFAULT_LOCALES_DIR, 'en').flatMap(({ source }) =>
    (new FluentResource(source) as unknown as { body: { id: string }[] }).body.map((m) => m.id),
  ),
);

describe('every message the code asks for exists (and so, by the other locale test, in fa, zh and en)', () => {
  it('keys written out in the code', () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(SRC)) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(KEY_LITERAL)) used.set(key!, file.slice(SRC.length));
    }
    expect(used.size).toBeGreaterThan(60);
    expect([...used].filter(([key]) => !english.has(key)).map(([key, file]) => `${key} (src/${file})`)).toEqual([]);
  });

  it.each([
    ['bot-command-', COMMANDS],
    ['bot-language-name-', LANGUAGES],
    ['my-status-', STATUSES],
    ['industry-', INDUSTRIES],
    ['share-industry-', INDUSTRIES],
    ['share-field-', FIELDS],
    ['share-ask-', FIELDS],
    ['intro-message-', INTRODUCTION_MESSAGES],
  ] as const)('keys the code builds: %s…', (prefix, values) => {
    expect(values.map((v) => `${prefix}${v}`).filter((key) => !english.has(key))).toEqual([]);
  });
});
