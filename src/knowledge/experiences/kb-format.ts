import { z } from 'zod';
import {
  experienceTextSchema,
  INDUSTRIES,
  isoDateSchema,
  lacksProblem,
  LANGUAGES,
  MAX_ID_CHARS,
  STATUSES,
  storedText,
  tagsSchema,
  TEXT_FIELDS,
  type Language,
} from './rules.ts';
import type { ExperienceRecord, ExperienceText, ExperienceTranslation } from './experience.ts';

/** One thing wrong with a kb-format file; `message` says what to fix. */
export interface KbProblem {
  line: number;
  field?: string;
  message: string;
}

export interface KbParseResult {
  /** The valid records, in file order. Import only when `problems` is empty. */
  records: ExperienceRecord[];
  problems: KbProblem[];
}

export { MAX_TEXT_CHARS } from './rules.ts';
const RECORD_FIELDS = [
  'id',
  'language',
  'country',
  'industry',
  'title',
  'problem',
  'solution',
  'outcome',
  'tags',
  'contributor',
  'status',
  'verified_on',
  'translations',
] as const;
const TRANSLATION_FIELDS = [...TEXT_FIELDS, 'machine'] as const;
const CONTRIBUTOR_FIELDS = ['name', 'company', 'city'] as const;

const translationSchema = experienceTextSchema.extend({ machine: z.boolean().optional() });

const recordSchema = z.object({
  id: storedText({ oneLine: true, maxChars: MAX_ID_CHARS }).refine((s) => !/[\s\p{Cc}]/u.test(s), {
    message: 'must not contain spaces or control characters; use e.g. "exp-ir-0001"',
  }),
  language: z.enum(LANGUAGES),
  country: z.string().refine((s) => /^[A-Z]{2}$/.test(s), {
    error: (issue) => {
      const given = JSON.stringify(issue.input);
      const hint = typeof issue.input === 'string' && /^[a-z]{2}$/i.test(issue.input) ? `; write it in capitals: "${issue.input.toUpperCase()}"` : '';
      return `${given} is not an ISO 3166-1 alpha-2 code; expected two uppercase letters such as "IR" or "CN"${hint}`;
    },
  }),
  industry: z.enum(INDUSTRIES),
  ...experienceTextSchema.shape,
  tags: tagsSchema.optional(),
  contributor: z.object({ name: storedText().optional(), company: storedText().optional(), city: storedText().optional() }).optional(),
  status: z.enum(STATUSES).optional(),
  verified_on: isoDateSchema.optional(),
  translations: z.object({ fa: translationSchema.optional(), zh: translationSchema.optional(), en: translationSchema.optional() }).optional(),
});

/**
 * Validates a whole kb-format v1 file (see ../shared/kb-format.md) and reports every problem
 * at once, so the person fixing the file does not have to run the import again and again.
 */
export function parseKbFile(content: string): KbParseResult {
  const problems: KbProblem[] = [];
  const records: ExperienceRecord[] = [];
  if (content.startsWith('\uFEFF')) {
    problems.push({ line: 1, message: 'the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM' });
    content = content.slice(1);
  }
  const lines = content.split('\n');
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;

  const firstLineOfId = new Map<string, number>();
  for (let index = 0; index < end; index++) {
    const line = index + 1;
    const text = lines[index]!.endsWith('\r') ? lines[index]!.slice(0, -1) : lines[index]!;
    if (text.trim() === '') {
      problems.push({ line, message: 'empty line; remove it (one record per line, no blank lines between records)' });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      problems.push({ line, message: `not valid JSON (${(e as Error).message}); each line must be one complete JSON object` });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ line, message: `is ${describeValue(value)}, not a JSON object; each line must be one experience record {"id": …, "language": …, …}` });
      continue;
    }
    const result = recordSchema.safeParse(value, { reportInput: true });
    const before = problems.length;
    if (!result.success) problems.push(...result.error.issues.map((issue) => toProblem(issue, line)));
    // Checked by hand because zod skips its unknown-key check once another field fails.
    problems.push(...unknownKeys(value, line));

    // Checked outside the schema because zod skips record-level refinements once a field fails.
    const { id, language, translations } = value as { id?: unknown; language?: unknown; translations?: unknown };
    if (typeof language === 'string' && typeof translations === 'object' && translations !== null && Object.hasOwn(translations, language)) {
      problems.push({
        line,
        field: `translations.${language}`,
        message: `repeats the original language "${language}"; the original text belongs in the top-level fields, so remove this translation`,
      });
    }
    if (typeof id === 'string') {
      const first = firstLineOfId.get(id);
      if (first === undefined) firstLineOfId.set(id, line);
      else problems.push({ line, field: 'id', message: `duplicate id ${JSON.stringify(id)}, first used on line ${first}; give each record its own id` });
    }
    if (result.success && problems.length === before) records.push(result.data as ExperienceRecord);
  }
  return { records, problems };
}

/** `line 12, field industry: unknown industry "foods"; …` */
export function formatKbProblem(problem: KbProblem): string {
  return `line ${problem.line}${problem.field ? `, field ${problem.field}` : ''}: ${problem.message}`;
}

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
 * with /save) waits in the database until a curator writes it.
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
          ? 'field problem: has none yet (a group message saved with /save); write it with ✏️ Edit on its review card'
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

function toProblem(issue: z.core.$ZodIssue, line: number): KbProblem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? p.toString() : p));
  return { line, field: fieldName(path), message: issueMessage(issue, path) };
}

function unknownKeys(record: object, line: number): KbProblem[] {
  const found: KbProblem[] = [];
  const check = (value: unknown, path: string[], allowed: readonly string[]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const key of Object.keys(value)) if (!allowed.includes(key)) found.push(unknownKeyProblem(line, path, key));
  };
  check(record, [], RECORD_FIELDS);
  const { contributor, translations } = record as { contributor?: unknown; translations?: Record<string, unknown> };
  check(contributor, ['contributor'], CONTRIBUTOR_FIELDS);
  check(translations, ['translations'], LANGUAGES);
  for (const language of LANGUAGES) {
    if (typeof translations === 'object' && translations !== null && Object.hasOwn(translations, language)) {
      check(translations[language], ['translations', language], TRANSLATION_FIELDS);
    }
  }
  return found;
}

function unknownKeyProblem(line: number, path: string[], key: string): KbProblem {
  const field = fieldName([...path, key]);
  const parent = path.join('.');
  if (parent === 'translations') {
    return {
      line,
      field,
      message: `unknown translation language ${JSON.stringify(key)}; translations may only be ${LANGUAGES.join(', ')} (other than the original language)`,
    };
  }
  const allowed = parent === '' ? RECORD_FIELDS : parent === 'contributor' ? CONTRIBUTOR_FIELDS : TRANSLATION_FIELDS;
  const where = parent === '' ? 'a record' : parent;
  return { line, field, message: `unknown field ${JSON.stringify(key)}; ${where} may only have ${allowed.join(', ')}: remove it or correct its name` };
}

function issueMessage(issue: z.core.$ZodIssue, path: (string | number)[]): string {
  const last = path.at(-1);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is missing; ${requiredHint(path)}`;
      return `expected ${issue.expected === 'object' ? 'a JSON object' : issue.expected === 'array' ? 'a JSON array' : `a ${issue.expected}`}, got ${describeValue(issue.input)}${issue.input === null ? '; leave an optional field out instead of writing null' : ''}`;
    case 'invalid_value': {
      if (issue.input === undefined) return `is missing; ${requiredHint(path)}`;
      const kind = last === 'language' || last === 'industry' || last === 'status' ? last : 'value';
      const given = issue.input;
      const suggestion = typeof given === 'string' ? closest(given, issue.values.map(String)) : undefined;
      return `unknown ${kind} ${JSON.stringify(given)}; expected one of ${issue.values.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
    }
    default:
      return issue.message;
  }
}

function requiredHint(path: (string | number)[]): string {
  switch (path.join('.')) {
    case 'language':
      return `add one of ${LANGUAGES.join(', ')}`;
    case 'industry':
      return `add one of ${INDUSTRIES.join(', ')}`;
    case 'country':
      return 'add the ISO 3166-1 alpha-2 code of the company\'s country, e.g. "IR"';
    default:
      return path[0] === 'translations'
        ? 'every translation needs title, problem and solution'
        : 'every record needs id, language, country, industry, title, problem and solution';
  }
}

function fieldName(path: (string | number)[]): string | undefined {
  if (path.length === 0) return undefined;
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

function closest(given: string, options: string[]): string | undefined {
  const g = given.trim().toLowerCase();
  return options.find((o) => o === g) ?? options.find((o) => g.length >= 3 && (g.startsWith(o) || o.startsWith(g)));
}
