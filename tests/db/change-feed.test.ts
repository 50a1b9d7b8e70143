import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { followChanges, pruneChanges } from '../../src/db/change-feed.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { importGlossaryCsv as importCsv } from '../../src/knowledge/glossary/glossary-csv.ts';
import { createTestPostgresSchema, postgresUrl, testDatabases } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { ExperienceRepository } from '../../src/knowledge/experiences/repository.ts';

/** Two handles on one database: on PostgreSQL two connection pools, as two processes have; PGlite has one. */
async function twoConnections(name: 'pglite' | 'postgres', open: () => Promise<Db>): Promise<[Db, Db]> {
  if (name === 'pglite') {
    const db = await open();
    return [db, db];
  }
  const url = await createTestPostgresSchema(postgresUrl);
  const first = await openPostgres(url);
  await migrate(first);
  return [first, await openPostgres(url)];
}

const opened: Db[] = [];
afterEach(async () => {
  for (const db of new Set(opened.splice(0))) await db.close();
});

// A concept no shipped glossary has, and an experience written only in Chinese.
const KITE = anExperience({
  id: 'kite',
  language: 'zh',
  translations: {},
  title: '风筝线材出口到伊朗',
  problem: '伊朗买家要求风筝线材的质检报告。',
  solution: '我们请第三方实验室出具了风筝线材报告。',
});
const CSV = 'concept,fa,zh,en\nkite line,نخ بادبادک,风筝线材,kite string';

describe.each(testDatabases())('the change feed on $name', (database) => {
  it("a running app's next question uses a glossary another connection changed, without a restart", async () => {
    const [running, other] = await twoConnections(database.name, database.open);
    opened.push(running, other);
    const app = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), { db: running });
    await app.experiences.upsertRecords([KITE], { status: 'published' });
    const ask = async () => (await app.retriever.search({ text: 'kite string', language: 'en' })).hits.map((h) => h.externalId);
    expect(await ask()).toEqual([]);

    // What `sme-bridge glossary import` does, through its own connection.
    await importCsv(other, CSV);
    expect(await ask()).toContain('kite');

    await other.query(`DELETE FROM glossary_terms WHERE concept = 'kite line'`);
    expect(await ask()).toEqual([]);
    await app.close();
  });

  it("a running app's question asks once whether the glossary or the published texts changed, and finds what another connection published", async () => {
    const [running, other] = await twoConnections(database.name, database.open);
    opened.push(running, other);
    // The statements that read change numbers, as the database receives them.
    const reads: string[] = [];
    const watched: Db = Object.assign(Object.create(running) as Db, {
      query: (sql: string, params?: readonly unknown[]) => {
        if (/\b(search_)?changes\b/.test(sql)) reads.push(sql);
        return running.query(sql, params);
      },
    });
    const app = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), { db: watched });
    await app.experiences.upsertRecords([KITE], { status: 'published' });
    const ask = async (text: string) => (await app.retriever.search({ text, language: 'zh' })).hits.map((h) => h.externalId);
    expect(await ask('风筝线材')).toContain('kite');

    reads.length = 0;
    await Promise.all([ask('风筝线材'), ask('风筝线材质检')]);
    expect(reads).toHaveLength(1);

    const balloon = anExperience({
      id: 'balloon',
      language: 'zh',
      translations: {},
      title: '热气球布料出口',
      problem: '热气球布料的认证。',
      solution: '找了认证机构。',
    });
    await new ExperienceRepository(other).upsertRecords([balloon], { status: 'published' });
    expect(await ask('热气球布料')).toContain('balloon');
    await app.close();
  });

  it('a follower that fell behind numbers already deleted is told to reload everything', async () => {
    const [db] = await twoConnections(database.name, database.open);
    opened.push(db);
    const options = { maxKeys: 10 };
    const [busy, idle] = [followChanges(db, 'glossary', options), followChanges(db, 'glossary', options)];
    expect(await busy.next()).toEqual({ everything: true });
    expect(await idle.next()).toEqual({ everything: true });
    expect(await idle.next()).toEqual({ everything: false, keys: [] });
    for (let i = 0; i < 6; i++) {
      await db.query(`INSERT INTO changes (topic, seq, key) SELECT 'glossary', coalesce(max(seq), 0) + 1, $1 FROM changes WHERE topic = 'glossary'`, [`k${i}`]);
      expect(await busy.next()).toEqual({ everything: false, keys: [`k${i}`] });
    }
    // Housekeeping deleted the numbers idle has not seen; idle cannot know which keys changed.
    await pruneChanges(db, 2);
    expect(await db.query(`SELECT key FROM changes WHERE topic = 'glossary' AND seq = 1`)).toEqual([]);
    expect(await idle.next()).toEqual({ everything: true });
    expect(await idle.next()).toEqual({ everything: false, keys: [] });
  });
});
