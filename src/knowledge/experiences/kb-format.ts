import type { ExperienceRecord } from './experience.ts';
import { recordSchema } from './kb-format-record.ts';
import { describeValue, toProblem, unknownKeys, type KbProblem } from './kb-format-problems.ts';

export interface KbParseResult {
  /** The valid records, in file order. Import only when `problems` is empty. */
  records: ExperienceRecord[];
  problems: KbProblem[];
}

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
