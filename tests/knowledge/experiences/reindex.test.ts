import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import { Glossary } from '../../../src/knowledge/glossary/glossary.ts';
import { reindexIfStale } from '../../../src/knowledge/experiences/reindex.ts';
import { createRetriever } from '../../../src/knowledge/search/retrieval.ts';
import { createLogger } from '../../../src/log.ts';
import { TEXT_PIPELINE_VERSION } from '../../../src/text/pipeline-version.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';

const logger = createLogger('silent');
const FRUIT = anExperience({
  id: 'dried-fruit-fa',
  translations: {},
  industry: 'agriculture',
  title: 'صادرات میوه‌های خشک به چین',
  problem: 'خریدار چینی برای میوه‌های خشک ما گواهی بهداشت می‌خواست.',
  solution: 'گواهی قرنطینه گیاهی گرفتیم و بسته‌بندی را با برچسب چینی عوض کردیم.',
});
const OTHERS = [
  anExperience(),
  anExperience({
    id: 'trucks',
    language: 'en',
    translations: {},
    title: 'Truck spare parts for Iran',
    problem: 'Parts did not fit.',
    solution: 'We matched chassis numbers.',
  }),
];

/** What term_stats must hold: every term of every stored text, counted once per text. */
const recount = (db: Db) =>
  db.query<{ term: string; df: number }>(
    `SELECT term, count(*)::int AS df FROM (SELECT DISTINCT t.id, w AS term FROM experience_texts t, unnest(string_to_array(t.search_text, ' ')) w WHERE w <> '') d GROUP BY term ORDER BY term`,
  );
const stored = (db: Db) => db.query<{ term: string; df: number }>('SELECT term, df FROM term_stats ORDER BY term');

describe.each(testDatabases())('re-indexing on $name', (database) => {
  let db: Db | undefined;
  afterEach(async () => db?.close());

  it('a base indexed by an older text pipeline is re-indexed once, and its experiences are found again', async () => {
    db = await database.open();
    await new ExperienceRepository(db).upsertRecords([FRUIT, ...OTHERS], { status: 'published' });
    const search = () => createRetriever({ db: db!, glossary: Glossary.fromEntries([]), logger }).search({ text: 'میوه', language: 'fa' });
    expect((await search()).hits[0]?.externalId).toBe('dried-fruit-fa');

    // What version 1 stored: میوه‌ها as «وهها», so a question about میوه missed it.
    await db.exec(`UPDATE experience_texts SET search_text = replace(search_text, 'میوه', 'وهها');
      DELETE FROM term_stats;
      INSERT INTO term_stats (term, df) SELECT term, count(*) FROM (SELECT DISTINCT t.id, w AS term FROM experience_texts t, unnest(string_to_array(t.search_text, ' ')) w) d GROUP BY term;
      UPDATE search_index_state SET pipeline_version = 1;`);
    expect((await search()).hits.map((h) => h.externalId)).not.toContain('dried-fruit-fa');

    expect(await reindexIfStale(db, logger)).toBeGreaterThan(0);
    expect((await search()).hits[0]?.externalId).toBe('dried-fruit-fa');
    expect(await stored(db)).toEqual(await recount(db));
    const [state] = await db.query<{ pipeline_version: number }>('SELECT pipeline_version FROM search_index_state');
    expect(state!.pipeline_version).toBe(TEXT_PIPELINE_VERSION);
    // Nothing to do the second time.
    expect(await reindexIfStale(db, logger)).toBe(0);
  });
});
