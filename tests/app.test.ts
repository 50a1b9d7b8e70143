import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { memoryLogger } from './ai/support.ts';
import { openTestPglite } from './helpers/db.ts';
import { anExperience } from './helpers/experiences.ts';
import { fakeOpenAiPerFile } from './helpers/fake-openai-per-file.ts';

const fake = fakeOpenAiPerFile();

const settings = () =>
  loadConfig({
    LOG_LEVEL: 'silent',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_EMBEDDING_MODEL: 'fake-embed',
    EMBEDDING_DIMENSIONS: '8',
  });

describe('the application with an embedding provider (PGlite, pgvector)', () => {
  let db: Db;
  afterEach(() => db?.close());

  it('embeds the texts of newly published experiences once, so vector search has them', async () => {
    db = await openTestPglite();
    const app = await createApp(settings(), { db, logger: memoryLogger().logger });
    await app.experiences.upsertRecords([anExperience(), anExperience()], { status: 'published' });
    await app.experiences.upsertRecords([anExperience()], { status: 'pending' });

    const texts = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM experience_texts t JOIN experiences e ON e.id = t.experience_id WHERE e.status = 'published'",
    );
    expect(await app.embedNewTexts()).toBe(texts[0]!.n);
    expect(await app.embedNewTexts()).toBe(0);
    const [stored] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM text_embeddings WHERE model = 'fake-embed'");
    expect(stored!.n).toBe(texts[0]!.n);
  });

  it('keeps working lexically when the provider fails, and says so in the log', async () => {
    db = await openTestPglite();
    const log = memoryLogger();
    const app = await createApp(settings(), { db, logger: log.logger });
    await app.experiences.upsertRecords([anExperience()], { status: 'published' });
    fake.onEmbeddings({ status: 500 });
    expect(await app.embedNewTexts()).toBe(0);
    expect(
      log
        .warnings()
        .map((w) => w.msg)
        .join('\n'),
    ).toMatch(/embedding new experience texts failed/);
  });
});

describe.each(['memory', 'database'] as const)('the application searching with SEARCH_INDEX=%s', (searchIndex) => {
  let db: Db;
  afterEach(() => db?.close());

  it('answers from what is published now, and not from what was archived since', async () => {
    db = await openTestPglite();
    const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', SEARCH_INDEX: searchIndex }), { db, logger: memoryLogger().logger });
    await app.loadSearchIndex();
    const carpet = anExperience({
      id: 'carpet',
      language: 'en',
      translations: {},
      title: 'Hand-woven carpets to a Shanghai showroom',
      problem: 'The showroom would not pay before delivery.',
      solution: 'A letter of credit confirmed by a Chinese bank.',
    });
    await app.experiences.upsertRecords([carpet], { status: 'published' });
    const ask = async () =>
      (await app.answering.answer({ text: 'How can a showroom in Shanghai pay for carpets by letter of credit?', language: 'en' })).cited.map(
        (c) => c.experience.externalId,
      );
    expect(await ask()).toEqual(['carpet']);
    await app.experiences.setStatus((await app.experiences.getByExternalId('carpet'))!.id, 'archived');
    expect(await ask()).toEqual([]);
    await app.close();
  });
});
