import type { z } from 'zod';
import { INDUSTRIES, LANGUAGES } from './rules.ts';
import { CONTRIBUTOR_FIELDS, RECORD_FIELDS, TRANSLATION_FIELDS } from './kb-format-record.ts';

/** One thing wrong with a kb-format file; `message` says what to fix. */
export interface KbProblem {
  line: number;
  field?: string;
  message: string;
}

/** `line 12, field industry: unknown industry "foods"; …` */
export function formatKbProblem(problem: KbProblem): string {
  return `line ${problem.line}${problem.field ? `, field ${problem.field}` : ''}: ${problem.message}`;
}

/** A schema issue as a problem that names the field and says what to write instead. */
export function toProblem(issue: z.core.$ZodIssue, line: number): KbProblem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? p.toString() : p));
  return { line, field: fieldName(path), message: issueMessage(issue, path) };
}

/** Every field the format does not have, at any level, each with what may be written there. */
export function unknownKeys(record: object, line: number): KbProblem[] {
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

/** A value as a problem quotes it: short, and saying what kind it is. */
export function describeValue(value: unknown): string {
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
