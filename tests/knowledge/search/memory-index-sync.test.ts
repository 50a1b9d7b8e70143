import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import { Glossary } from '../../../src/knowledge/glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../../../src/knowledge/glossary/glossary-csv.ts';
import { parseKbFile } from '../../../src/knowledge/experiences/kb-format.ts';
import { pruneSearchChanges } from '../../../src/jobs/housekeeping.ts';
import { memoryLexicalIndex } from '../../../src/knowledge/search/memory-index-sync.ts';
import { createRetriever } from '../../../src/knowledge/search/retrieval.ts';
import { createLogger } from '../../../src/log.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';

const logger = createLogger('silent');
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
const CARPET = anExperience({
  id: 'carpet',
  language: 'en',
  translations: {},
  title: 'Hand-woven carpets to a Shanghai showroom',
  problem: 'The showroom would not pay before delivery.',
  solution: 'A letter of credit confirmed by a Chinese bank.',
});
// The demo base's published experiences (its pending contributions would count in the database's
// term statistics, which hold every status, and not in memory's).
const DEMO = parseKbFile(readFileSync(new URL('../../../assets/demo-kb.jsonl', import.meta.url), 'utf8')).records.filter(
  (r) => (r.status ?? 'published') === 'published',
);

/** Resolves once some session of this database waits for an advisory lock. */
async function waitingForAdvisoryLock(db: Db): Promise<void> {
  for (;;) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'advisory' AND datname = current_database()`,
    );
    if (row!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(testDatabases())('search from the published texts held in memory, on $name', (database) => {
  let db: Db | undefined;
  afterEach(async () => db?.close());

  async function memorySearch(opened: Db) {
    const retriever = createRetriever({ db: opened, glossary: Glossary.fromEntries([]), logger, lexical: memoryLexicalIndex(opened, logger) });
    return async (text: string) => (await retriever.search({ text, language: 'en' })).hits.map((h) => h.externalId);
  }

  it('a question sees every change committed before it, whoever made it and however', async () => {
    db = await database.open();
    const repository = new ExperienceRepository(db);
    await repository.upsertRecords([SAFFRON, PISTACHIO], { status: 'published' });
    const ask = await memorySearch(db);
    expect((await ask('pistachio aflatoxin'))[0]).toBe('pistachio');

    // Plain SQL, as a curator with psql or another process would: the triggers record it.
    await db.query(`UPDATE experiences SET status = 'archived' WHERE external_id = 'pistachio'`);
    expect(await ask('pistachio aflatoxin')).not.toContain('pistachio');
    await db.query(`UPDATE experiences SET status = 'published' WHERE external_id = 'pistachio'`);
    expect((await ask('pistachio aflatoxin'))[0]).toBe('pistachio');

    // A pending contribution is not found; once published it is.
    await repository.upsertRecords([CARPET], { status: 'pending' });
    expect(await ask('carpet showroom letter of credit')).toEqual([]);
    await db.query(`UPDATE experiences SET status = 'published' WHERE external_id = 'carpet'`);
    expect((await ask('carpet showroom letter of credit'))[0]).toBe('carpet');

    // An edited text is searched by its new words, not its old ones.
    await repository.upsertRecords([{ ...SAFFRON, title: 'Rosewater to Guangzhou', problem: 'The buyer wanted a halal certificate.' }], {
      status: 'published',
    });
    expect((await ask('rosewater halal'))[0]).toBe('saffron');
    expect(await ask('saffron customs registration')).not.toContain('saffron');

    await db.query(`DELETE FROM experiences WHERE external_id = 'carpet'`);
    expect(await ask('carpet showroom letter of credit')).toEqual([]);

    await db.exec('TRUNCATE experiences CASCADE');
    expect(await ask('pistachio aflatoxin')).toEqual([]);
  });

  it('a process that fell behind old change numbers already deleted reloads everything instead of missing them', async () => {
    db = await database.open();
    const opened = db;
    await new ExperienceRepository(opened).upsertRecords([SAFFRON, PISTACHIO], { status: 'published' });
    const options = { pageSize: 1, maxDeltaChanges: 1000 };
    const search = (lexical: ReturnType<typeof memoryLexicalIndex>) => {
      const retriever = createRetriever({ db: opened, glossary: Glossary.fromEntries([]), logger, lexical });
      return async (text: string) => (await retriever.search({ text, language: 'en' })).hits.map((h) => h.externalId);
    };
    const [busy, idle] = [search(memoryLexicalIndex(opened, logger, options)), search(memoryLexicalIndex(opened, logger, options))];
    expect((await idle('pistachio aflatoxin'))[0]).toBe('pistachio');

    await opened.query(`UPDATE experiences SET status = 'archived' WHERE external_id = 'pistachio'`);
    for (const industry of ['food', 'agriculture', 'food', 'agriculture']) {
      await opened.query(`UPDATE experiences SET industry = $1 WHERE external_id = 'saffron'`, [industry]);
      await busy('saffron customs');
    }
    // Housekeeping kept only the last two numbers; the archiving is not among them.
    await pruneSearchChanges(opened, 2);
    const [{ oldest }] = (await opened.query<{ oldest: number }>('SELECT min(seq)::int AS oldest FROM search_changes')) as [{ oldest: number }];
    const [{ archived }] = (await opened.query<{ archived: number }>(
      `SELECT count(*)::int AS archived FROM search_changes WHERE experience_id = (SELECT id FROM experiences WHERE external_id = 'pistachio')`,
    )) as [{ archived: number }];
    expect(oldest).toBeGreaterThan(2);
    expect(archived).toBe(0);
    expect(await idle('pistachio aflatoxin')).not.toContain('pistachio');
    expect((await idle('saffron customs'))[0]).toBe('saffron');
  });

  it('answers as the database path does when every experience is published (the demo base)', async () => {
    db = await database.open();
    await seedGlossaryIfEmpty(db);
    await new ExperienceRepository(db).upsertRecords(DEMO, { status: 'published' });
    const glossary = await Glossary.load(db);
    const fromDatabase = createRetriever({ db, glossary, logger });
    const fromMemory = createRetriever({ db, glossary, logger, lexical: memoryLexicalIndex(db, logger) });
    const questions = [
      { text: 'How do I pay a Chinese supplier?', language: 'en' as const },
      { text: 'چطور به تأمین‌کننده چینی پول بدهم؟', language: 'fa' as const },
      { text: 'How do I register as a food exporter to China?', language: 'en' as const },
      { text: '如何在伊朗找到经销商？', language: 'zh' as const },
      { text: 'ترخیص کالا از گمرک بندرعباس', language: 'fa' as const },
      { text: 'What is the capital of France?', language: 'en' as const },
    ];
    for (const q of questions) {
      const [a, b] = [await fromDatabase.search(q), await fromMemory.search(q)];
      expect({ question: q.text, hits: b.hits.map((h) => h.externalId), abstained: b.abstained }).toEqual({
        question: q.text,
        hits: a.hits.map((h) => h.externalId),
        abstained: a.abstained,
      });
      expect(b.hits.map((h) => h.score)).toEqual(a.hits.map((h) => h.score));
    }
  });

  it.skipIf(database.name === 'pglite')('a change committed late is not skipped when a later one commits first', async () => {
    db = await database.open();
    const opened = db;
    await new ExperienceRepository(opened).upsertRecords([SAFFRON, PISTACHIO], { status: 'published' });
    const ask = await memorySearch(opened);
    expect((await ask('pistachio aflatoxin'))[0]).toBe('pistachio');

    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstRecorded!: () => void;
    const recorded = new Promise<void>((resolve) => (firstRecorded = resolve));
    const first = opened.transaction(async (tx) => {
      await tx.query(`UPDATE experiences SET status = 'archived' WHERE external_id = 'pistachio'`);
      firstRecorded();
      await firstMayCommit;
    });
    await recorded;
    // The second writer would be numbered after the first yet commit before it; it waits its turn instead.
    const second = opened.query(`UPDATE experiences SET status = 'archived' WHERE external_id = 'saffron'`);
    await Promise.race([second, waitingForAdvisoryLock(opened)]);
    expect((await ask('pistachio aflatoxin'))[0]).toBe('pistachio');
    expect((await ask('saffron customs'))[0]).toBe('saffron');
    commitFirst();
    await first;
    await second;
    expect(await ask('pistachio aflatoxin')).toEqual([]);
    expect(await ask('saffron customs')).toEqual([]);
  });
});
