import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { LANGUAGES, type Language } from './text/language.ts';
import { inReadingDirection } from './text/direction.ts';

export type TranslationArgs = Record<string, FluentVariable>;

export interface Translator {
  /** The message `key` in `language`; falls back to English, then to the key itself. */
  t(language: Language, key: string, args?: TranslationArgs): string;
}

/** The project's own locales folder, so the program finds it whatever the working directory. */
export const DEFAULT_LOCALES_DIR = fileURLToPath(new URL('../locales', import.meta.url));

/**
 * Loads every locales/<lang>/*.ftl file into one Fluent bundle per language: the one i18n path
 * of the program (the bot's `ctx.t` goes through it too, src/bot/i18n.ts). Fluent's bidi isolation marks are kept on purpose:
 * they keep Latin names and numbers from scrambling Persian right-to-left text; and every
 * Persian line starts right to left, even one that begins with a value (text/direction.ts).
 */
export function createTranslator(localesDir: string = DEFAULT_LOCALES_DIR): Translator {
  const bundles = new Map<Language, FluentBundle>();
  for (const language of LANGUAGES) bundles.set(language, loadBundle(localesDir, language));

  const format = (language: Language, key: string, args?: TranslationArgs): string | undefined => {
    const bundle = bundles.get(language);
    const message = bundle?.getMessage(key);
    if (!bundle || !message?.value) return undefined;
    return inReadingDirection(language, bundle.formatPattern(message.value, args ?? null, []));
  };

  return {
    t: (language, key, args) => format(language, key, args) ?? format('en', key, args) ?? key,
  };
}

/** Every .ftl file of one language, sorted by name; a missing folder gives an empty bundle. */
export function readLocaleFiles(localesDir: string, language: Language): { file: string; source: string }[] {
  const dir = join(localesDir, language);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.ftl'))
      .sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names.map((name) => ({ file: join(dir, name), source: readFileSync(join(dir, name), 'utf8') }));
}

function loadBundle(localesDir: string, language: Language): FluentBundle {
  const bundle = new FluentBundle(language);
  for (const { source } of readLocaleFiles(localesDir, language)) {
    bundle.addResource(new FluentResource(source));
  }
  return bundle;
}
