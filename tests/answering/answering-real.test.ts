import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAiProvider } from '../../src/ai/provider.ts';
import { createAnsweringService } from '../../src/answering/answering-service.ts';
import type { Db } from '../../src/db/db.ts';
import { ExperienceRepository } from '../../src/knowledge/experiences/repository.ts';
import { Glossary } from '../../src/knowledge/glossary/glossary.ts';
import { seedGlossaryIfEmpty } from '../../src/knowledge/glossary/glossary-csv.ts';
import { createRetriever } from '../../src/knowledge/search/retrieval.ts';
import { createTranslator } from '../../src/i18n.ts';
import { memoryLogger, openAiConfig } from '../ai/support.ts';
import { testDatabases } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { isQuestionTranslation } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { stripIsolation } from './support.ts';

// Only in Chinese: a Persian question reaches it through the model's translation (and
// partly through the glossary's "sell" → 卖).
const violins = anExperience({
  id: 'exp-cn-violin',
  language: 'zh',
  country: 'CN',
  industry: 'handicrafts',
  title: '在抖音直播卖小提琴',
  problem: '我们的小提琴在网店上卖得很慢。',
  solution: '我们每周两次在抖音直播演奏并讲解小提琴。直播间的订单占了一半销量。',
  outcome: '三个月后销量翻了一倍。',
  translations: {},
});
const payment = anExperience({ id: 'exp-ir-pay' });

const persianQuestion = 'چطور ویولن را با پخش زنده بفروشم؟';

const fake = fakeOpenAiPerFile();

describe.each(testDatabases())('answering over the real retriever on $name', ({ open }) => {
  let db: Db;
  let build: (mode: 'offline' | 'openai') => ReturnType<typeof createAnsweringService>;
  let logs: ReturnType<typeof memoryLogger>;
  beforeAll(async () => {
    db = await open();
    await new ExperienceRepository(db).upsertRecords([violins, payment], { status: 'published' });
    await seedGlossaryIfEmpty(db);
    const glossary = await Glossary.load(db);
    build = (mode) => {
      logs = memoryLogger();
      const ai = createAiProvider(mode === 'openai' ? openAiConfig(fake.baseURL) : { mode: 'offline' }, logs.logger);
      const retriever = createRetriever({ db, glossary, logger: logs.logger });
      return createAnsweringService({ retriever, experiences: new ExperienceRepository(db), ai, translator: createTranslator(), logger: logs.logger });
    };
  });
  afterAll(() => db.close());

  // Whether the retriever abstains is its own calibrated decision; these tests pin what
  // answering controls: which question reaches retrieval, and what is ranked first.
  it('offline: an English question ranks the Persian experience with an English translation first', async () => {
    const answer = await build('offline').answer({ text: 'How can I pay a Chinese supplier through an exchange house?' });
    expect(answer).toMatchObject({ language: 'en', mode: 'offline' });
    expect(answer.hits[0]?.externalId).toBe('exp-ir-pay');
    if (!answer.abstained) expect(stripIsolation(answer.text)).toContain('We paid in yuan through a licensed exchange house.');
  });

  it('with a model: the translated question ranks the Chinese-only experience first', async () => {
    fake.onChat((r) =>
      isQuestionTranslation(r)
        ? { content: '{"fa": "چطور ویولن را با پخش زنده بفروشم؟", "zh": "怎么通过直播卖小提琴？", "en": "How do I sell violins through live streaming?"}' }
        : { content: 'یک شرکت چینی هفته‌ای دو بار در دوئین ویولن را زنده اجرا و معرفی کرد و نیمی از فروش از همین راه آمد («在抖音直播卖小提琴»).' },
    );
    const answer = await build('openai').answer({ text: persianQuestion });

    expect(answer.language).toBe('fa');
    expect(answer.hits[0]?.externalId).toBe('exp-cn-violin');
    if (!answer.abstained) {
      expect(answer.mode).toBe('llm');
      expect(answer.cited[0]).toMatchObject({ title: '在抖音直播卖小提琴', displayLanguage: 'zh' });
      expect(answer.text).toContain('«在抖音直播卖小提琴»');
    }
    expect(logs.warnings()).toEqual([]);
  });
});
