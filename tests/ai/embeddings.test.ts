import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAiProvider } from '../../src/ai/provider.ts';
import type { Db } from '../../src/db/db.ts';
import { embeddingInput, embedMissingTexts } from '../../src/knowledge/search/embeddings.ts';
import { ExperienceRepository } from '../../src/knowledge/experiences/repository.ts';
import { testDatabases } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { fakeVector } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { memoryLogger, openAiConfig } from './support.ts';

const fake = fakeOpenAiPerFile();

describe.each(testDatabases())('embedMissingTexts on $name', ({ open }) => {
  let db: Db;
  beforeEach(async () => {
    db = await open();
    const repo = new ExperienceRepository(db);
    await repo.upsertRecords([anExperience(), anExperience()], { status: 'published' });
    await repo.upsertRecords([anExperience()], { status: 'pending' });
  });
  afterEach(() => db.close());

  const embedder = (model = 'fake-embed') =>
    createAiProvider(openAiConfig(fake.baseURL, { embeddingModel: model, dimensions: 8 }), memoryLogger().logger).embedder!;

  it('stores one decoded vector per text of each published experience, in batches, once per model', async () => {
    if (!db.hasVector) {
      expect(await embedMissingTexts(db, embedder(), memoryLogger().logger, { batchSize: 4 })).toBe(0);
      expect(fake.embeddingRequests()).toEqual([]);
      return;
    }
    // Two published experiences × three languages.
    expect(await embedMissingTexts(db, embedder(), memoryLogger().logger, { batchSize: 4 })).toBe(6);
    expect(fake.embeddingRequests().map((r) => (r.input as string[]).length)).toEqual([4, 2]);

    const rows = await db.query<{ title: string; problem: string; solution: string; outcome: string | null; model: string; embedding: string; status: string }>(
      `SELECT t.title, t.problem, t.solution, t.outcome, x.model, x.embedding::text AS embedding, e.status
       FROM text_embeddings x JOIN experience_texts t ON t.id = x.text_id JOIN experiences e ON e.id = t.experience_id`,
    );
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.status).toBe('published');
      const stored = (JSON.parse(row.embedding) as number[]).map((x) => Math.fround(x));
      expect(stored).toEqual(fakeVector(embeddingInput(row), 8));
    }

    expect(await embedMissingTexts(db, embedder(), memoryLogger().logger)).toBe(0);
    expect(fake.embeddingRequests()).toHaveLength(2);
    expect(await embedMissingTexts(db, embedder('another-model'), memoryLogger().logger)).toBe(6);
  });
});
