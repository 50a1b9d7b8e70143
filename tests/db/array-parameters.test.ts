import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { testDatabases } from '../helpers/db.ts';

// Imports pass whole columns as array parameters; PGlite gets them in binary (src/db/pglite.ts).
const AWKWARD_TEXTS = ['', 'NULL', 'a,b', '{braces}', 'say "hi"', String.raw`back\slash`, "it's", 'می‌خواهم', '报关行', '📦 box', ' spaced ', 'line\nbreak'];

describe.each(testDatabases())('array parameters on $name', (database) => {
  let db: Db;
  beforeAll(async () => {
    db = await database.open();
  });
  afterAll(async () => db.close());

  const asText = async (sql: string, values: unknown[]) =>
    (await db.query<{ v: string | null }>(`SELECT x::text AS v FROM unnest(${sql}) WITH ORDINALITY AS u(x, i) ORDER BY i`, [values])).map((r) => r.v);

  it('texts arrive exactly as sent, with NULL elements and in order', async () => {
    expect(await asText('$1::text[]', [...AWKWARD_TEXTS, null])).toEqual([...AWKWARD_TEXTS, null]);
    expect(await asText('$1::text[]', [])).toEqual([]);
  });

  it('integers, 64-bit ids (as numbers, bigints or strings) and booleans arrive as sent', async () => {
    expect(await asText('$1::int[]', [0, -1, 2 ** 31 - 1, -(2 ** 31), null])).toEqual(['0', '-1', '2147483647', '-2147483648', null]);
    expect(await asText('$1::bigint[]', [1, 2 ** 40, Number.MAX_SAFE_INTEGER, 9_007_199_254_740_993n, '42'])).toEqual([
      '1',
      '1099511627776',
      '9007199254740991',
      '9007199254740993',
      '42',
    ]);
    expect(await asText('$1::boolean[]', [true, false, null])).toEqual(['true', 'false', null]);
  });

  it('an array parameter matches rows with = ANY', async () => {
    await db.exec('CREATE TEMP TABLE words (w text)');
    await db.query('INSERT INTO words SELECT unnest($1::text[])', [AWKWARD_TEXTS]);
    const found = await db.query<{ w: string }>('SELECT w FROM words WHERE w = ANY($1::text[]) ORDER BY w', [['say "hi"', 'می‌خواهم', 'absent']]);
    expect(found.map((r) => r.w).sort()).toEqual(['say "hi"', 'می‌خواهم'].sort());
  });
});
