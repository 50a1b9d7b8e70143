import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import { parseKbFile } from '../../../src/knowledge/experiences/kb-format.ts';
import { Glossary } from '../../../src/knowledge/glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../../../src/knowledge/glossary/glossary-csv.ts';
import { createRetriever, type Retriever } from '../../../src/knowledge/search/retrieval.ts';
import { createLogger } from '../../../src/log.ts';
import { testDatabases } from '../../helpers/db.ts';

const logger = createLogger('silent');

// The calibrated decision on clear cases over the demo base: what it must answer in each language,
// and what shares a word with the base without being about anything in it.
describe.each(testDatabases())('the answer tiers over the demo base on $name', (database) => {
  let db: Db;
  let retriever: Retriever;
  beforeAll(async () => {
    db = await database.open();
    await seedGlossaryIfEmpty(db);
    await new ExperienceRepository(db).upsertRecords(parseKbFile(readFileSync('assets/demo-kb.jsonl', 'utf8')).records, { status: 'published' });
    retriever = createRetriever({ db, glossary: await Glossary.load(db), logger });
  });
  afterAll(() => db?.close());

  it.each([
    ['fa', 'چطور به تأمین‌کننده چینی پول بفرستم؟', 'demo-031'],
    ['fa', 'ترخیص کالا از گمرک چطور انجام می‌شود؟', 'demo-033'],
    ['zh', '向中国出口食品需要什么注册？', 'demo-001'],
    ['zh', '如何在伊朗找到经销商？', 'demo-032'],
    ['en', 'How do I pay a Chinese supplier?', 'demo-031'],
    ['en', 'How should we handle sample requests and MOQ for small Iranian buyers?', 'demo-026'],
  ])('answers a question the base answers (%s: %s)', async (_language, text, expected) => {
    const result = await retriever.search({ text });
    expect(result.hits[0]?.externalId).toBe(expected);
    expect(result).toMatchObject({ tier: 'answered', abstained: false });
  });

  // The trucking question shares two names with a saffron story and nothing else: too few words to answer from.
  it.each(['What is the capital of France?', 'football score Esteghlal Persepolis', '12', 'Trucking from Kashgar to Mashhad'])(
    'tells nothing for a question the base has nothing on: %s',
    async (text) => {
      const result = await retriever.search({ text });
      expect(result).toMatchObject({ tier: 'nothing', abstained: true });
    },
  );

  // Six demo stories give clearance times, so the first hardly stands out, but it holds the question's words.
  it('offers the story that gives a clearance time as possibly related to how long clearing customs in Iran takes', async () => {
    const result = await retriever.search({ text: '伊朗清关要多久？' });
    expect(result).toMatchObject({ tier: 'related', abstained: true });
    expect(result.hits[0]?.externalId).toBe('demo-033');
  });

  it('offers the rail groupage story as possibly related to insuring a rail container from China, which nothing in the base covers', async () => {
    const result = await retriever.search({ text: 'بیمه کانتینر ریلی چین' });
    expect(result).toMatchObject({ tier: 'related', abstained: true });
    expect(result.hits[0]?.externalId).toBe('demo-015');
  });

  // No demo story is about registering a company in China; several hold ثبت, شرکت and چین apart.
  it('does not answer registering a company in China from stories that hold its words apart', async () => {
    const result = await retriever.search({ text: 'ثبت شرکت در چین' });
    expect(result).toMatchObject({ tier: 'related', abstained: true });
  });

  it('decides a question the same whatever incidental number it holds', async () => {
    const asked = await Promise.all([3, 7, 12, 25].map((n) => retriever.search({ text: `customs question number ${n} about Bandar Abbas clearance` })));
    expect(new Set(asked.map((r) => r.tier)).size).toBe(1);
    expect(new Set(asked.map((r) => r.hits[0]?.externalId))).toEqual(new Set(['demo-033']));
  });
});
