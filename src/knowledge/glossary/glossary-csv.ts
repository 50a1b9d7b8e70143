import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/db.ts';
import { normalize } from '../../text/normalize.ts';
import { searchTokens } from '../../text/tokenize.ts';
import { csvCell, CsvSyntaxError, parseCsv } from './csv.ts';
import type { GlossaryEntry } from './glossary.ts';

export const DEFAULT_GLOSSARY_PATH = fileURLToPath(new URL('../../../assets/glossary.csv', import.meta.url));
const HEADER = ['concept', 'fa', 'zh', 'en'] as const;

/** A glossary file that cannot be imported; `problems` lists every bad line, and nothing was written. */
export class GlossaryCsvError extends Error {
  constructor(readonly problems: { line: number; message: string }[]) {
    super(
      `The glossary file has ${problems.length} problem(s), nothing was imported:\n${problems
        .slice(0, 50)
        .map((p) => `  line ${p.line}: ${p.message}`)
        .join('\n')}${problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''}`,
    );
    this.name = 'GlossaryCsvError';
  }
}

/** Parses and validates a glossary CSV (header `concept,fa,zh,en`, variants separated by `|`). */
export function parseGlossaryCsv(csv: string): GlossaryEntry[] {
  let rows;
  try {
    rows = parseCsv(csv);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new GlossaryCsvError([{ line: e.line, message: e.message.replace(/^line \d+: /, '') }]);
    throw e;
  }
  const [header, ...body] = rows;
  if (!header || header.cells.map((c) => c.trim().toLowerCase()).join(',') !== HEADER.join(',')) {
    throw new GlossaryCsvError([{ line: header?.line ?? 1, message: `the header must be exactly "${HEADER.join(',')}"` }]);
  }
  const problems: { line: number; message: string }[] = [];
  const seen = new Map<string, number>();
  const entries: GlossaryEntry[] = [];
  const lines: number[] = [];
  for (const { line, cells } of body) {
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== HEADER.length) {
      problems.push({ line, message: `expected ${HEADER.length} cells (concept,fa,zh,en), found ${cells.length}` });
      continue;
    }
    const [concept, fa, zh, en] = cells.map((c) => c.trim()) as [string, string, string, string];
    if (concept === '') {
      problems.push({ line, message: 'the concept is empty' });
      continue;
    }
    const first = seen.get(concept);
    if (first !== undefined) {
      problems.push({ line, message: `concept "${concept}" already appears on line ${first}` });
      continue;
    }
    seen.set(concept, line);
    const entry = { concept, fa: variants(fa), zh: variants(zh), en: variants(en) };
    const filled = HEADER.slice(1).filter((l) => entry[l as 'fa' | 'zh' | 'en'].length > 0);
    if (filled.length < 2) {
      problems.push({ line, message: `concept "${concept}" needs variants in at least two languages (found: ${filled.join(', ') || 'none'})` });
      continue;
    }
    entries.push(entry);
    lines.push(line);
  }
  problems.push(...variantProblems(entries, lines));
  if (problems.length > 0) throw new GlossaryCsvError(problems.sort((a, b) => a.line - b.line));
  return entries;
}

/**
 * Persian and English variants are matched by their search tokens, and the search drops common
 * words (از، روی، پس، of…). A variant left with no token never matches; a phrase left with one
 * word (پس از فروش → فروش, فلز روی → فلز) fires on every question with that word, and as an
 * expansion it matches every text that has it.
 */
function variantProblems(entries: GlossaryEntry[], lines: number[]): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  entries.forEach((entry, i) => {
    for (const language of ['fa', 'en'] as const) {
      const read = entry[language].map((variant) => ({ variant, tokens: searchTokens(variant, language) }));
      for (const { variant, tokens } of read) {
        if (tokens.length === 0) {
          problems.push({
            line: lines[i]!,
            message: `${language} variant "${variant}" of "${entry.concept}" is made only of words the search ignores (prepositions, pronouns, common verbs), so it can never match: remove it or write the term itself`,
          });
          continue;
        }
        if (tokens.length !== 1 || !/\s/.test(variant.trim())) continue;
        const token = tokens[0]!;
        // Light verbs (صادر کردن → صادر) and suffixes typed apart (تامین کننده) lose no meaning;
        // neither does a phrase whose remaining word the concept already lists on its own.
        const joined = (w: string) =>
          token.includes(
            normalize(w, language)
              .toLowerCase()
              .replace(/\u200c/g, '')
              .replace(/ه$/, ''),
          );
        const lost = variant
          .trim()
          .split(/\s+/)
          .filter((w) => searchTokens(w, language).length === 0 && !LIGHT_VERBS.has(w) && !joined(w));
        if (lost.length === 0 || read.some((r) => r.variant !== variant && r.tokens.length === 1 && r.tokens[0] === token && !/\s/.test(r.variant.trim())))
          continue;
        problems.push({
          line: lines[i]!,
          message: `${language} variant "${variant}" of "${entry.concept}" is searched as "${token}" alone (the search ignores ${lost.map((w) => `"${w}"`).join(', ')}), so every question and text with that word would be taken for "${entry.concept}": remove the variant or use a more specific one`,
        });
      }
    }
  });
  return problems;
}

const LIGHT_VERBS = new Set(['کردن', 'کرد', 'کن', 'شدن', 'شد', 'شده', 'نمودن']);

function variants(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split('|')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ];
}

/**
 * Imports a glossary CSV all-or-nothing: every row is validated first, then all are upserted by
 * concept in one statement. Concepts not in the file are kept. Returns the number of rows.
 */
export async function importGlossaryCsv(db: Db, csv: string): Promise<{ imported: number }> {
  const entries = parseGlossaryCsv(csv);
  await db.query(
    `INSERT INTO glossary_terms (concept, fa, zh, en)
     SELECT x->>'concept',
            ARRAY(SELECT jsonb_array_elements_text(x->'fa')),
            ARRAY(SELECT jsonb_array_elements_text(x->'zh')),
            ARRAY(SELECT jsonb_array_elements_text(x->'en'))
     FROM jsonb_array_elements($1::jsonb) AS x
     ON CONFLICT (concept) DO UPDATE SET fa = excluded.fa, zh = excluded.zh, en = excluded.en, updated_at = now()`,
    [JSON.stringify(entries)],
  );
  return { imported: entries.length };
}

/** The whole glossary as CSV in the import format, in insertion order. */
export async function exportGlossaryCsv(db: Db): Promise<string> {
  const rows = await db.query<GlossaryEntry>('SELECT concept, fa, zh, en FROM glossary_terms ORDER BY id');
  const lines = [HEADER.join(',')];
  for (const r of rows) lines.push([r.concept, r.fa.join('|'), r.zh.join('|'), r.en.join('|')].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Loads the shipped glossary into an empty glossary table (start-up, eval). Returns rows imported. */
export async function seedGlossaryIfEmpty(db: Db, path = DEFAULT_GLOSSARY_PATH): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM glossary_terms');
  if ((row?.n ?? 0) > 0 || !existsSync(path)) return 0;
  return (await importGlossaryCsv(db, readFileSync(path, 'utf8'))).imported;
}
