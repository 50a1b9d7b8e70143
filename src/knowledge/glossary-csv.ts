import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/db.ts';
import { csvCell, CsvSyntaxError, parseCsv } from './csv.ts';
import type { GlossaryEntry } from './glossary.ts';

export const DEFAULT_GLOSSARY_PATH = fileURLToPath(new URL('../../assets/glossary.csv', import.meta.url));
const HEADER = ['concept', 'fa', 'zh', 'en'] as const;

/** A glossary file that cannot be imported; `problems` lists every bad line, and nothing was written. */
export class GlossaryCsvError extends Error {
  constructor(readonly problems: { line: number; message: string }[]) {
    super(`The glossary file has ${problems.length} problem(s), nothing was imported:\n${problems.slice(0, 50).map((p) => `  line ${p.line}: ${p.message}`).join('\n')}${problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''}`);
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
  }
  if (problems.length > 0) throw new GlossaryCsvError(problems);
  return entries;
}

function variants(cell: string): string[] {
  return [...new Set(cell.split('|').map((v) => v.trim()).filter((v) => v !== ''))];
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
