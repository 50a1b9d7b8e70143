import { lacksProblem, LANGUAGES, TEXT_FIELDS, type Language } from './rules.ts';
import type { ExperienceRecord, ExperienceText, ExperienceTranslation } from './experience.ts';
import { CONTRIBUTOR_FIELDS } from './kb-format-record.ts';
import { formatKbProblem } from './kb-format-problems.ts';
import { parseKbFile } from './kb-format.ts';

/**
 * One record as one JSON line with the documented key order and absent optional fields left
 * out, so export → import → export reproduces a file byte for byte.
 */
export function formatKbRecord(record: ExperienceRecord): string {
  const out: Record<string, unknown> = { id: record.id, language: record.language, country: record.country, industry: record.industry };
  Object.assign(out, orderedText(record));
  if (record.tags && record.tags.length > 0) out.tags = record.tags;
  const contributor: Record<string, string> = {};
  for (const key of CONTRIBUTOR_FIELDS) {
    const value = record.contributor?.[key];
    if (value !== undefined) contributor[key] = value;
  }
  if (Object.keys(contributor).length > 0) out.contributor = contributor;
  if (record.status !== undefined) out.status = record.status;
  if (record.verified_on !== undefined) out.verified_on = record.verified_on;
  const translations: Partial<Record<Language, Record<string, unknown>>> = {};
  for (const language of LANGUAGES) {
    const translation: ExperienceTranslation | undefined = record.translations?.[language];
    if (language !== record.language && translation) {
      translations[language] = { ...orderedText(translation), ...(translation.machine ? { machine: true } : {}) };
    }
  }
  if (Object.keys(translations).length > 0) out.translations = translations;
  return JSON.stringify(out);
}

/** A whole file: one line per record, each ending with a newline. */
export function formatKbFile(records: Iterable<ExperienceRecord>): string {
  let file = '';
  for (const record of records) file += `${formatKbRecord(record)}\n`;
  return file;
}

/** A stored experience the format cannot hold, and why (`import` would refuse the whole file for it). */
export interface LeftOutRecord {
  id: string;
  status?: ExperienceRecord['status'];
  /** What to fix, one entry per problem. */
  problems: string[];
}

/**
 * The file `export` writes: every record that `import` accepts, each checked by the import's own
 * parser, so the file always restores; the others are left out and returned with what to fix.
 * kb-format requires a problem, so a contribution still without one (a group message saved
 * with /save, a community answer to a question in another language) waits in the database
 * until a curator writes it.
 */
export function formatKbExport(records: Iterable<ExperienceRecord>): { file: string; written: number; leftOut: LeftOutRecord[] } {
  let file = '';
  let written = 0;
  const leftOut: LeftOutRecord[] = [];
  for (const record of records) {
    const line = formatKbRecord(record);
    const { problems } = parseKbFile(line);
    if (problems.length === 0) {
      file += `${line}\n`;
      written++;
      continue;
    }
    leftOut.push({
      id: record.id,
      ...(record.status !== undefined ? { status: record.status } : {}),
      problems: problems.map((p) =>
        p.field === 'problem' && lacksProblem(record)
          ? 'field problem: has none yet (an answer whose question the bot did not see, or has in another language only); write it with ✏️ Edit on its review card'
          : formatKbProblem(p).replace(/^line 1, /, ''),
      ),
    });
  }
  return { file, written, leftOut };
}

function orderedText(text: ExperienceText): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of TEXT_FIELDS) {
    const value = text[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
