import { describe, expect, it } from 'vitest';
import { parseKbFile } from '../../../src/knowledge/experiences/kb-format.ts';
import { formatKbProblem, type KbProblem } from '../../../src/knowledge/experiences/kb-format-problems.ts';
import { formatKbFile, formatKbRecord } from '../../../src/knowledge/experiences/kb-format-writing.ts';
import { anExperience, kbLines } from '../../helpers/experiences.ts';

/** The file with `bad` as its third line between two good records. */
function problemsOf(bad: string | Record<string, unknown>): KbProblem[] {
  const line = typeof bad === 'string' ? bad : JSON.stringify(bad);
  return parseKbFile(kbLines([anExperience(), anExperience(), line, anExperience()])).problems;
}

function withField(field: string, value: unknown): Record<string, unknown> {
  return { ...anExperience(), [field]: value };
}

function without(field: string): Record<string, unknown> {
  const record: Record<string, unknown> = { ...anExperience() };
  delete record[field];
  return record;
}

describe('parseKbFile', () => {
  it('accepts a valid file and returns its records in order', () => {
    const records = [
      anExperience(),
      anExperience({ language: 'zh', country: 'CN', translations: {} }),
      anExperience({ outcome: undefined, tags: undefined, contributor: undefined }),
    ];
    const result = parseKbFile(kbLines(records));
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(result.records[0]).toEqual(records[0]);
  });

  it('accepts blank lines at the end of the file, CRLF line ends and an empty file', () => {
    const text = kbLines([anExperience(), anExperience()]).replaceAll('\n', '\r\n') + '\r\n\n  \n';
    expect(parseKbFile(text)).toMatchObject({ problems: [], records: [{}, {}] });
    expect(parseKbFile('')).toEqual({ records: [], problems: [] });
  });

  it.each([
    ['not JSON', '{"id": "x",', undefined, /not valid JSON/],
    ['a JSON array', '[1, 2]', undefined, /not a JSON object/],
    ['a missing field', without('problem'), 'problem', /is missing/],
    ['a wrongly typed field', withField('title', 42), 'title', /expected a string, got the number 42/],
    ['null for an optional field', withField('outcome', null), 'outcome', /leave an optional field out/],
    ['an unknown language', withField('language', 'de'), 'language', /unknown language "de"; expected one of fa, zh, en/],
    ['an unknown industry', withField('industry', 'foods'), 'industry', /unknown industry "foods"; expected one of food, textiles, .*did you mean "food"/],
    ['a lowercase country', withField('country', 'ir'), 'country', /two uppercase letters.*"IR"/],
    ['a three-letter country', withField('country', 'IRN'), 'country', /ISO 3166-1 alpha-2/],
    [
      'a tag that is not a slug',
      withField('tags', ['payment', 'Exchange House']),
      'tags[1]',
      /"Exchange House" is not a tag \(lowercase letters of any script.*"exchange-house"/,
    ],
    ['a tag with a double hyphen', withField('tags', ['گمرک--ایران']), 'tags[0]', /is not a tag.*use e\.g\. "گمرک-ایران"/],
    ['a tag not in Unicode NFC', withField('tags', ['cafe\u0301']), 'tags[0]', /not in Unicode NFC; use e\.g\. "café"/],
    ['a tag over 40 characters', withField('tags', ['清'.repeat(41)]), 'tags[0]', /41 characters long; shorten it to at most 40/],
    [
      '13 tags',
      withField(
        'tags',
        Array.from({ length: 13 }, (_, i) => `t${i}`),
      ),
      'tags',
      /has 13 tags; keep at most 12/,
    ],
    [
      'an unknown status',
      withField('status', 'publshed'),
      'status',
      /unknown status "publshed"; expected one of draft, pending, published, rejected, archived/,
    ],
    ['a verified_on that is no date', withField('verified_on', '2025-02-30'), 'verified_on', /"2025-02-30" is not a date written YYYY-MM-DD/],
    [
      'a machine flag that is not a boolean',
      withField('translations', { en: { title: 't', problem: 'p', solution: 's', machine: 'yes' } }),
      'translations.en.machine',
      /expected a boolean/,
    ],
    ['a repeated tag', withField('tags', ['payment', 'payment']), 'tags[1]', /repeats the tag "payment"/],
    ['a text over 20,000 characters', withField('solution', 'x'.repeat(20_001)), 'solution', /20001 characters long; shorten it to at most 20000/],
    ['a title over two lines', withField('title', 'one\ntwo'), 'title', /must be one line/],
    ['an empty required text', withField('problem', '  '), 'problem', /is empty/],
    ['a NUL character', withField('problem', 'a\u0000b'), 'problem', /NUL/],
    [
      'an unknown top-level field',
      withField('summary', 'x'),
      'summary',
      /unknown field "summary"; a record may only have id, language, .*remove it or correct its name/,
    ],
    ['an unknown contributor field', withField('contributor', { name: 'A', phone: '1' }), 'contributor.phone', /contributor may only have name, company, city/],
    [
      'a translation repeating the original language',
      withField('translations', { fa: { title: 't', problem: 'p', solution: 's' } }),
      'translations.fa',
      /repeats the original language "fa"/,
    ],
    [
      'an unknown translation language',
      withField('translations', { de: { title: 't', problem: 'p', solution: 's' } }),
      'translations.de',
      /unknown translation language "de"/,
    ],
    [
      'a translation without a solution',
      withField('translations', { en: { title: 't', problem: 'p' } }),
      'translations.en.solution',
      /is missing; every translation needs title, problem and solution/,
    ],
    [
      'a translation text over 20,000 characters',
      withField('translations', { en: { title: 't', problem: 'p'.repeat(20_001), solution: 's' } }),
      'translations.en.problem',
      /shorten it/,
    ],
    [
      'an unknown field in a translation',
      withField('translations', { en: { title: 't', problem: 'p', solution: 's', summary: 'x' } }),
      'translations.en.summary',
      /unknown field "summary"/,
    ],
  ])('reports %s with its line and field', (_name, bad, field, message) => {
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject(field ? { line: 3, field } : { line: 3 });
    expect(problems[0]!.field).toBe(field);
    expect(problems[0]!.message).toMatch(message);
  });

  it('accepts tags of any script, digits and ZWNJ inside a Persian word, at most 12 (kb-format v1)', () => {
    const tags = ['customs', 'letter-of-credit', 'گمرک', 'حمل‌ونقل', '清关', 'incoterms-2020', '۱۴۰۳', 'тамо́жня', 'a', 'b', 'c', '清'.repeat(40)];
    const result = parseKbFile(kbLines([anExperience({ tags })]));
    expect(result.problems).toEqual([]);
    expect(result.records[0]!.tags).toEqual(tags);
  });

  it('reports a duplicate id on the line of the duplicate, naming the first line', () => {
    const first = anExperience();
    const { problems, records } = parseKbFile(kbLines([first, anExperience(), { ...anExperience(), id: first.id }]));
    expect(problems).toEqual([{ line: 3, field: 'id', message: expect.stringMatching(`duplicate id "${first.id}", first used on line 1`) }]);
    expect(records).toHaveLength(2);
  });

  it('reports a byte-order mark and empty lines between records', () => {
    const { problems } = parseKbFile('\uFEFF' + kbLines([anExperience(), '', anExperience()]));
    expect(problems.map(formatKbProblem)).toEqual([
      'line 1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM',
      'line 2: empty line; remove it (one record per line, no blank lines between records)',
    ]);
  });

  it('reports every problem of every line, not just the first', () => {
    const bad = { ...anExperience(), language: 'xx', industry: 'foods', country: 'iran', extra: 1 };
    const { problems } = parseKbFile(kbLines([JSON.stringify(bad), 'nope', anExperience()]));
    expect(problems.map((p) => `${p.line}:${p.field ?? ''}`)).toEqual(['1:language', '1:country', '1:industry', '1:extra', '2:']);
  });

  it('formats a problem as "line N, field F: message"', () => {
    expect(formatKbProblem({ line: 12, field: 'industry', message: 'unknown industry "foods"' })).toBe('line 12, field industry: unknown industry "foods"');
  });
});

describe('formatKbRecord', () => {
  it('writes the documented key order whatever order the record has, leaving absent fields out', () => {
    const line = formatKbRecord({
      translations: { en: { outcome: 'o', solution: 's', problem: 'p', title: 't' }, zh: { solution: '解', problem: '问', title: '题' } },
      contributor: { city: 'Tehran', name: 'M' },
      tags: ['a'],
      solution: 'راه',
      problem: 'مشکل',
      title: 'عنوان',
      industry: 'food',
      country: 'IR',
      language: 'fa',
      id: 'x-1',
    });
    expect(line).toBe(
      '{"id":"x-1","language":"fa","country":"IR","industry":"food","title":"عنوان","problem":"مشکل","solution":"راه","tags":["a"],' +
        '"contributor":{"name":"M","city":"Tehran"},"translations":{"zh":{"title":"题","problem":"问","solution":"解"},"en":{"title":"t","problem":"p","solution":"s","outcome":"o"}}}',
    );
  });

  it('writes status and verified_on after the contributor, and machine last in a translation, only when true', () => {
    const record = anExperience({ id: 'm', tags: [], contributor: { name: 'M' }, outcome: undefined, status: 'pending', verified_on: '2025-03-14' });
    record.translations = {
      en: { title: 't', problem: 'p', solution: 's', machine: true },
      zh: { title: '题', problem: '问', solution: '解', machine: false },
    };
    const line = formatKbRecord(record);
    expect(line).toContain(
      '"contributor":{"name":"M"},"status":"pending","verified_on":"2025-03-14","translations":{"zh":{"title":"题","problem":"问","solution":"解"},"en":{"title":"t","problem":"p","solution":"s","machine":true}}}',
    );
    expect(formatKbRecord(parseKbFile(`${line}\n`).records[0]!)).toBe(line);
  });

  it('leaves out empty tags, contributor and translations', () => {
    const line = formatKbRecord(anExperience({ id: 'y', tags: [], contributor: {}, translations: {}, outcome: undefined }));
    expect(JSON.parse(line)).toEqual({
      id: 'y',
      language: 'fa',
      country: 'IR',
      industry: 'food',
      title: expect.any(String),
      problem: expect.any(String),
      solution: expect.any(String),
    });
  });

  it('parses back to the same record', () => {
    const records = [anExperience(), anExperience({ language: 'en', translations: { fa: anExperience().translations!.en! } })];
    const file = formatKbFile(records);
    expect(file.endsWith('}\n')).toBe(true);
    expect(parseKbFile(file).records).toEqual(records);
    expect(formatKbFile(parseKbFile(file).records)).toBe(file);
  });
});
