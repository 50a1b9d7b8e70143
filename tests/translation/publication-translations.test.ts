import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { queuePublicationWork } from '../../src/community/publication.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/db.ts';
import { createJobRunner } from '../../src/jobs/runner.ts';
import type { ExperienceRecord } from '../../src/knowledge/experiences/experience.ts';
import { anExperience } from '../helpers/experiences.ts';
import type { ChatRequest } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { testDatabases } from '../helpers/db.ts';

// A Chinese contribution with no Persian or English version: before the translations, an English
// or Persian question has nothing to find it by.
const contribution = (id: string): ExperienceRecord =>
  anExperience({
    id,
    language: 'zh',
    country: 'CN',
    title: '义乌小商品市场的验货',
    problem: '供应商发来的样品和大货质量不一致。',
    solution: '我们请第三方验货公司在装柜前抽检，并把验货条款写进合同。',
    outcome: '次品率从百分之八降到百分之一。',
    tags: ['inspection'],
    translations: {},
  });

const TRANSLATIONS = {
  en: {
    title: 'Pre-shipment inspection at the Yiwu wholesale market',
    problem: 'The bulk order did not match the quality of the samples.',
    solution: 'We hired a third-party inspector to sample the goods before container loading and wrote the inspection terms into the contract.',
    outcome: 'Defects fell from eight percent to one percent.',
  },
  fa: {
    title: 'بازرسی پیش از حمل در بازار عمده‌فروشی ییوو',
    problem: 'کیفیت محمولهٔ اصلی با نمونه‌ها یکی نبود.',
    solution: 'یک شرکت بازرسی مستقل گرفتیم تا پیش از بارگیری کانتینر از کالا نمونه بردارد و شرایط بازرسی را در قرارداد نوشتیم.',
    outcome: 'کالای معیوب از هشت درصد به یک درصد رسید.',
  },
};

/** The fake model: experience translations by the target language the prompt names; '{}' for question rewrites; a short answer otherwise. */
function modelReply(request: ChatRequest): { content: string } {
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  if (/You translate experiences/.test(system)) {
    const target = /into (English|Persian \(Farsi\))/.exec(system)?.[1];
    return { content: '```json\n' + JSON.stringify(target === 'English' ? TRANSLATIONS.en : TRANSLATIONS.fa) + '\n```' };
  }
  if (/You translate short business questions/.test(system)) return { content: '{}' };
  return { content: 'They hired a third-party inspector before loading.' };
}

const jobsOf = (db: Db, kind: string) =>
  db.query<{ payload: { experienceId: number; language?: string } }>('SELECT payload FROM jobs WHERE kind = $1 ORDER BY id', [kind]);

describe.each(testDatabases())('translations that follow a publication, on $name', ({ open }) => {
  const llm = fakeOpenAiPerFile();
  let db: Db;
  let app: App;
  let offline: App;

  beforeAll(async () => {
    llm.onChat(modelReply);
    db = await open();
    const env = {
      LOG_LEVEL: 'silent',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: llm.baseURL,
      OPENAI_EMBEDDING_MODEL: 'embed-test',
      EMBEDDING_DIMENSIONS: '8',
    };
    app = await createApp(loadConfig(env), { db });
    offline = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), { db });
    await app.experiences.upsertRecords(unrelatedExperiences(), { status: 'published' });
  });
  afterAll(async () => {
    await offline?.close();
    await app?.close();
    await db?.close();
  });

  /** Publishes a pending experience the way curation does: status, verification and the work that follows, in one transaction. */
  async function publish(externalId: string, work = app.publicationWork): Promise<number> {
    const experience = await app.experiences.getByExternalId(externalId);
    await db.transaction(async (tx) => {
      await tx.query("UPDATE experiences SET status = 'published', verified_on = current_date WHERE id = $1", [experience!.id]);
      await queuePublicationWork(tx, experience!.id, work);
    });
    return experience!.id;
  }
  const runJobs = () => createJobRunner({ db, logger: app.logger, handlers: app.translationJobs() }).runDue();

  it('translates the missing versions with the model, marked machine-made, and a question in each language finds them', async () => {
    await app.experiences.upsertRecords([contribution('exp-yiwu-1')], { status: 'pending' });
    const question = 'How do we make the bulk order match the samples? A third-party inspector before container loading?';
    const before = await app.answering.answer({ text: question, language: 'en' });
    expect(before.cited.map((c) => c.experience.externalId)).not.toContain('exp-yiwu-1');

    const id = await publish('exp-yiwu-1');
    const queued = await jobsOf(db, 'translate-experience');
    expect(
      queued
        .filter((j) => j.payload.experienceId === id)
        .map((j) => j.payload.language)
        .sort(),
    ).toEqual(['en', 'fa']);

    expect(await runJobs()).toBeGreaterThanOrEqual(2);
    const experience = await app.experiences.getById(id);
    expect(experience!.texts.zh).toMatchObject({ origin: 'human', isOriginal: true });
    expect(experience!.texts.en).toMatchObject({ ...TRANSLATIONS.en, origin: 'machine', isOriginal: false });
    expect(experience!.texts.fa).toMatchObject({ ...TRANSLATIONS.fa, origin: 'machine', isOriginal: false });
    // The source went to the model as data, delimited and labelled, never as instructions.
    const asked = llm.chatRequests().find((r) => r.messages.some((m) => m.content.includes('<experience>')))!;
    expect(asked.messages.find((m) => m.role === 'user')!.content).toMatch(/<experience>\n\{[\s\S]*"title": "义乌小商品市场的验货"[\s\S]*\}\n<\/experience>/);
    // kb-format keeps the mark, so an export and import elsewhere keeps it too.
    const [record] = (await app.experiences.exportRecords()).filter((r) => r.id === 'exp-yiwu-1');
    expect(record!.translations).toEqual({ en: { ...TRANSLATIONS.en, machine: true }, fa: { ...TRANSLATIONS.fa, machine: true } });

    const english = await app.answering.answer({ text: question, language: 'en' });
    const cited = english.cited.find((c) => c.experience.id === id);
    expect(cited).toMatchObject({ displayLanguage: 'en', title: TRANSLATIONS.en.title, machineTranslated: true });
    const persian = await offline.answering.answer({
      text: 'چطور کیفیت محمولهٔ اصلی با نمونه‌ها یکی باشد؟ بازرسی مستقل پیش از بارگیری کانتینر',
      language: 'fa',
    });
    expect(persian.cited.find((c) => c.experience.id === id)).toMatchObject({ displayLanguage: 'fa', machineTranslated: true });
    // A member reading it offline sees that the version is a machine's.
    expect(persian.text).toContain(app.translator.t('fa', 'answer-machine-note'));

    if (db.hasVector) {
      const [vectors] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM text_embeddings x JOIN experience_texts t ON t.id = x.text_id WHERE t.experience_id = $1 AND x.model = 'embed-test'`,
        [id],
      );
      expect(vectors!.n).toBe(3);
    }
  });

  it('keeps a version a person wrote meanwhile, and a person correcting a machine version clears its mark', async () => {
    await app.experiences.upsertRecords([contribution('exp-yiwu-2')], { status: 'pending' });
    const id = await publish('exp-yiwu-2');
    // A curator adds the English version before the worker gets to it.
    const human = { title: 'Inspection in Yiwu, by a curator', problem: 'Samples and bulk differed.', solution: 'A third-party inspection before loading.' };
    const written = { ...contribution('exp-yiwu-2'), status: 'published' as const, translations: { en: human } };
    await app.experiences.upsertRecords([written], { status: 'published' });
    await runJobs();
    let experience = await app.experiences.getById(id);
    expect(experience!.texts.en).toMatchObject({ ...human, origin: 'human' });
    expect(experience!.texts.fa).toMatchObject({ origin: 'machine' });

    // Correcting the machine's Persian version (written without the mark) makes it a person's.
    const corrected = { ...TRANSLATIONS.fa, title: 'بازرسی پیش از حمل در ییوو' };
    await app.experiences.upsertRecords([{ ...written, translations: { en: human, fa: corrected } }], { status: 'published' });
    experience = await app.experiences.getById(id);
    expect(experience!.texts.fa).toMatchObject({ ...corrected, origin: 'human' });
  });

  it('retries a reply that is not the translation asked for, and stores nothing from it', async () => {
    await app.experiences.upsertRecords([contribution('exp-yiwu-3')], { status: 'pending' });
    llm.onChat({ content: 'Sure! Here is the translation: it is about inspections.' });
    try {
      const id = await publish('exp-yiwu-3');
      await runJobs();
      const experience = await app.experiences.getById(id);
      expect(Object.keys(experience!.texts)).toEqual(['zh']);
      const [failed] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM jobs WHERE kind = 'translate-experience' AND (payload->>'experienceId')::bigint = $1 AND last_error LIKE '%JSON%' AND done_at IS NULL`,
        [id],
      );
      expect(failed!.n).toBe(2);
    } finally {
      llm.onChat(modelReply);
    }
  });

  it('queues nothing without a model: the experience is published with the languages it has', async () => {
    expect(offline.publicationWork).toEqual({ translate: false, embed: false });
    expect(offline.translationJobs()).toEqual({});
    await app.experiences.upsertRecords([contribution('exp-yiwu-4')], { status: 'pending' });
    const id = await publish('exp-yiwu-4', offline.publicationWork);
    const [jobs] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE (payload->>'experienceId')::bigint = $1`, [id]);
    expect(jobs!.n).toBe(0);
    const experience = await app.experiences.getById(id);
    expect(experience!.status).toBe('published');
    expect(Object.keys(experience!.texts)).toEqual(['zh']);
  });
});
