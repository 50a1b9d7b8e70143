import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import { cachedCorpusStats } from '../../../src/knowledge/search/corpus-stats-cache.ts';
import { databaseLexicalIndex } from '../../../src/knowledge/search/lexical-index.ts';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import { Glossary } from '../../../src/knowledge/glossary/glossary.ts';
import { createRetriever } from '../../../src/knowledge/search/retrieval.ts';
import { createLogger } from '../../../src/log.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';

const logger = createLogger('silent');
const OPTIONS = { ttlMs: 60_000, absentTtlMs: 10_000, maxTerms: 1_000 };
const SAFFRON = anExperience({
  id: 'saffron',
  language: 'en',
  translations: {},
  title: 'Saffron to Guangzhou',
  problem: 'The buyer wanted a customs registration number.',
  solution: 'We registered with GACC first.',
});
const PISTACHIO = anExperience({
  id: 'pistachio',
  language: 'en',
  translations: {},
  title: 'Pistachio shipment held at the port',
  problem: 'Aflatoxin test missing.',
  solution: 'A lab in Kerman tested every lot.',
});

describe.each(testDatabases())('BM25 statistics reused between questions on $name', (database) => {
  let db: Db | undefined;
  afterEach(async () => db?.close());

  it('a word new to the base is found once its "absent" answer expires, and always from the live index', async () => {
    db = await database.open();
    const repository = new ExperienceRepository(db);
    await repository.upsertRecords([SAFFRON], { status: 'published' });
    let clock = 0;
    const retriever = createRetriever({
      db,
      glossary: Glossary.fromEntries([]),
      logger,
      lexical: databaseLexicalIndex(db, cachedCorpusStats(db, { ...OPTIONS, now: () => clock })),
    });
    const ask = async (text: string) => (await retriever.search({ text, language: 'en' })).hits.map((h) => h.externalId);

    expect(await ask('pistachio aflatoxin test')).toEqual([]);
    await repository.upsertRecords([PISTACHIO], { status: 'published' });
    // "No text holds pistachio" is still believed: the word is not looked up yet.
    clock = 9_000;
    expect(await ask('pistachio aflatoxin test')).toEqual([]);
    clock = 10_001;
    expect((await ask('pistachio aflatoxin test'))[0]).toBe('pistachio');

    // A known word's frequency is reused, but an archived experience is gone at once:
    // which texts match always comes from the database.
    await repository.setStatus((await repository.getByExternalId('saffron'))!.id, 'archived');
    expect(await ask('saffron customs registration')).not.toContain('saffron');
  });
});
