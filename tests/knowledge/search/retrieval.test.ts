import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import { Glossary } from '../../../src/knowledge/glossary/glossary.ts';
import { importGlossaryCsv as importCsv, seedGlossaryIfEmpty } from '../../../src/knowledge/glossary/glossary-csv.ts';
import { parseKbFile } from '../../../src/knowledge/experiences/kb-format.ts';
import { createRetriever, type Embedder, type Retriever } from '../../../src/knowledge/search/retrieval.ts';
import type { ExperienceRecord } from '../../../src/knowledge/experiences/experience.ts';
import { createLogger } from '../../../src/log.ts';
import { searchTokens } from '../../../src/text/tokenize.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';

const logger = createLogger('silent');

const GLOSSARY = [
  'concept,fa,zh,en',
  'truck,کامیون,卡车|重卡,truck|lorry',
  'spare-parts,قطعات یدکی,配件|备件,spare parts|spares',
  'saffron,زعفران,藏红花,saffron',
].join('\n');

/** A small base on distinct topics; ids say what each is. */
function fixtures(): Record<string, ExperienceRecord> {
  return {
    saffronFa: anExperience({
      id: 'saffron-fa',
      language: 'fa',
      country: 'IR',
      industry: 'agriculture',
      translations: {},
      title: 'ثبت کارخانه زعفران در گمرک چین پیش از صادرات',
      problem: 'خریدار چینی زعفران گفت بدون شماره ثبت گمرک چین روی بسته‌بندی، محموله ترخیص نمی‌شود.',
      solution: 'از طریق سامانه ثبت تولیدکنندگان خارجی گمرک چین ثبت‌نام کردیم و مدارک بهداشتی را بارگذاری کردیم.',
      outcome: 'ثبت در چهار ماه تأیید شد و محموله اول بدون مشکل ترخیص شد.',
    }),
    trucksEn: anExperience({
      id: 'trucks-en',
      language: 'en',
      country: 'CN',
      industry: 'automotive',
      translations: {},
      title: 'Cutting returns of heavy truck spare parts sold to Iran',
      problem: 'One order in seven came back because the spare parts did not fit the local truck versions assembled in Iran.',
      solution: 'We asked buyers for the chassis number of every truck and matched parts against the local assembler catalogue.',
      outcome: 'Returns fell from 14 to 3 percent within a year.',
    }),
    railZh: anExperience({
      id: 'rail-zh',
      language: 'zh',
      country: 'CN',
      industry: 'logistics',
      translations: {},
      title: '中欧班列经哈萨克斯坦到德黑兰的铁路运输',
      problem: '海运到阿巴斯港要两个月，客户生产线停工。',
      solution: '我们改用铁路集装箱，从西安发车经哈萨克斯坦和土库曼斯坦到德黑兰。',
      outcome: '运输时间缩短到二十天，运费比海运贵百分之三十。',
    }),
    carpetsIr: anExperience({
      id: 'carpets-ir',
      language: 'en',
      country: 'IR',
      industry: 'handicrafts',
      translations: {},
      title: 'Selling handmade carpets online in China despite return rates',
      problem: 'Buyers on Douyin returned carpets because colours differed from the photos.',
      solution: 'We photographed every carpet in daylight and added a video of the knots.',
      outcome: 'Returns fell by half.',
    }),
    carpetsCn: anExperience({
      id: 'carpets-cn',
      language: 'en',
      country: 'CN',
      industry: 'textiles',
      translations: {},
      title: 'Importing handmade carpets and selling them online with fewer returns',
      problem: 'Online buyers returned carpets because colours looked different from the photos.',
      solution: 'We added daylight photos and close-up videos of the carpet knots.',
      outcome: 'Returns dropped sharply.',
    }),
  };
}

/**
 * A deterministic stand-in for an embedding model: bag of tokens hashed into 64 dimensions,
 * plus one "meaning" dimension per topic so that words of different languages about the same
 * topic land close together, as a real multilingual model would place them.
 */
function fakeEmbedder(): Embedder {
  const topics = [['rail', 'train', 'railway', '铁路', 'قطار', 'راه‌آهن']];
  return {
    model: 'fake-64',
    async embed(texts) {
      return texts.map((text) => {
        const v = new Array<number>(64).fill(0);
        for (const t of searchTokens(text, 'en')) v[[...t].reduce((h, c) => (h * 31 + c.codePointAt(0)!) % 60, 7)]! += 0.2;
        topics.forEach((words, i) => {
          if (words.some((w) => text.toLowerCase().includes(w))) v[60 + i]! += 5;
        });
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      });
    },
  };
}

describe.each(testDatabases())('retrieval on $name', (database) => {
  let db: Db;
  let retriever: Retriever;
  let glossary: Glossary;
  const f = fixtures();

  beforeAll(async () => {
    db = await database.open();
    await importCsv(db, GLOSSARY);
    const repository = new ExperienceRepository(db);
    await repository.upsertRecords(Object.values(f), { status: 'published' });
    glossary = await Glossary.load(db);
    retriever = createRetriever({ db, glossary, logger });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('finds the Persian experience for a colloquial Persian question', async () => {
    const result = await retriever.search({ text: 'خریدار چینی زعفران میخواد ولی میگه بدون ثبت گمرک چین بار ترخیص نمیشه، چیکار کنیم؟' });
    expect(result.language).toBe('fa');
    expect(result.hits[0]).toMatchObject({ externalId: 'saffron-fa', matchedLanguage: 'fa' });
  });

  it('finds an English-only experience for a Chinese question through the glossary', async () => {
    const result = await retriever.search({ text: '我们出口重卡配件到伊朗，退货很多，怎么办？' });
    expect(result.language).toBe('zh');
    expect(result.hits[0]).toMatchObject({ externalId: 'trucks-en', matchedLanguage: 'en' });
  });

  it('uses a translation of the question when one is given', async () => {
    const result = await retriever.search({ text: 'راه آهن از چین به تهران سریع‌تره؟', translations: { zh: '从中国到德黑兰铁路运输更快吗？' } });
    expect(result.hits[0]?.externalId).toBe('rail-zh');
  });

  it('applies country and industry as hard filters', async () => {
    const question = 'how to sell handmade carpets online with fewer returns';
    const inChina = (await retriever.search({ text: question, country: 'CN' })).hits.map((h) => h.externalId);
    expect(inChina[0]).toBe('carpets-cn');
    expect(inChina).not.toContain('carpets-ir');
    expect((await retriever.search({ text: question, industry: 'handicrafts' })).hits.map((h) => h.externalId)).toEqual(['carpets-ir']);
    expect((await retriever.search({ text: question, country: 'DE' })).hits).toEqual([]);
  });

  it('prefers firms like mine when two experiences match about equally', async () => {
    const question = 'carpet knots video';
    const [a] = (await retriever.search({ text: question, preferCountry: 'IR', preferIndustry: 'handicrafts' })).hits;
    const [b] = (await retriever.search({ text: question, preferCountry: 'CN', preferIndustry: 'textiles' })).hits;
    expect([a?.externalId, b?.externalId]).toEqual(['carpets-ir', 'carpets-cn']);
  });

  it('lets the profile break near-ties only: the closer story stays first for an asker like the other firm', async () => {
    const question = 'selling handmade carpets online, buyers return them because of colours in photos';
    const plain = (await retriever.search({ text: question })).hits;
    expect(plain.map((h) => h.externalId).slice(0, 2)).toEqual(['carpets-cn', 'carpets-ir']);
    // Close (within a tenth), yet not a tie: a profile used as a score boost would swap them.
    expect(plain[1]!.score / plain[0]!.score).toBeGreaterThan(0.85);
    const profiled = (await retriever.search({ text: question, preferCountry: 'IR', preferIndustry: 'handicrafts' })).hits;
    expect(profiled.map((h) => h.externalId)).toEqual(plain.map((h) => h.externalId));
  });

  it('never returns an experience that is not published', async () => {
    const repository = new ExperienceRepository(db);
    const hidden = (['draft', 'pending', 'rejected', 'archived'] as const).map((status) =>
      anExperience({
        id: `saffron-${status}`,
        language: 'fa',
        translations: {},
        title: `ثبت کارخانه زعفران در گمرک چین ${status}`,
        problem: f.saffronFa!.problem,
        solution: f.saffronFa!.solution,
      }),
    );
    for (const [i, status] of (['draft', 'pending', 'rejected', 'archived'] as const).entries()) {
      await repository.upsertRecords([hidden[i]!], { status });
    }
    const result = await retriever.search({ text: 'ثبت کارخانه زعفران در گمرک چین', limit: 20 });
    expect(result.hits.map((h) => h.externalId)).toEqual(['saffron-fa']);
  });

  it('abstains when nothing in the base is about the question', async () => {
    const result = await retriever.search({ text: 'which accounting software do bakeries in Shiraz use for payroll?' });
    expect(result.abstained).toBe(true);
    expect(result.confidence).toBeLessThan(0.5);
  });

  it('does not abstain on a clear match', async () => {
    const result = await retriever.search({ text: 'our heavy truck spare parts keep coming back from Iran because they do not fit the local truck versions' });
    expect(result.hits[0]?.externalId).toBe('trucks-en');
    expect(result.abstained).toBe(false);
  });

  it('answers any input without failing: quotes, operators, empty text', async () => {
    for (const text of ["it's a & b | !c <-> 'd' :*", '', '   ', '((()))', "\\'"]) {
      const result = await retriever.search({ text });
      expect(result.abstained).toBe(true);
    }
  });

  it(database.name === 'pglite' ? 'fuses a vector ranking when an embedder is given' : 'stays lexical without pgvector even with an embedder', async () => {
    const embedder = fakeEmbedder();
    const question = 'is the train from china to tehran faster than the sea?';
    if (db.hasVector) {
      const texts = await db.query<{ id: number; search_text: string; title: string; problem: string }>(
        'SELECT id::int, search_text, title, problem FROM experience_texts',
      );
      const vectors = await embedder.embed(texts.map((t) => `${t.title} ${t.problem}`));
      for (const [i, t] of texts.entries()) {
        await db.query('INSERT INTO text_embeddings (text_id, model, embedding) VALUES ($1, $2, $3::vector)', [
          t.id,
          embedder.model,
          `[${vectors[i]!.join(',')}]`,
        ]);
      }
    }
    const lexical = await createRetriever({ db, glossary, logger }).search({ text: question });
    const hybrid = await createRetriever({ db, glossary, logger, embedder }).search({ text: question });
    expect(lexical.hits.map((h) => h.externalId)).not.toContain('rail-zh');
    if (db.hasVector) expect(hybrid.hits.slice(0, 3).map((h) => h.externalId)).toContain('rail-zh');
    else expect(hybrid).toEqual(lexical);
  });
});

describe.each(testDatabases())('retrieval in a small base on $name', (database) => {
  it('finds the one experience of two that a question is about, and abstains on an unrelated question', async () => {
    const db = await database.open();
    try {
      await importCsv(db, GLOSSARY);
      const f = fixtures();
      await new ExperienceRepository(db).upsertRecords([f.saffronFa!, f.trucksEn!], { status: 'published' });
      const retriever = createRetriever({ db, glossary: await Glossary.load(db), logger });
      const trucks = await retriever.search({ text: 'our truck spare parts sold to Iran keep coming back because they do not fit' });
      expect(trucks.hits[0]?.externalId).toBe('trucks-en');
      expect(trucks.abstained).toBe(false);
      const saffron = await retriever.search({ text: 'زعفران ما بدون ثبت در گمرک چین ترخیص نمیشه' });
      expect(saffron.hits[0]?.externalId).toBe('saffron-fa');
      expect(saffron.abstained).toBe(false);
      expect((await retriever.search({ text: 'which accounting software do bakeries in Shiraz use for payroll?' })).abstained).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('answers natural questions in fa, zh and en from the demo base', async () => {
    const db = await database.open();
    try {
      await seedGlossaryIfEmpty(db);
      const { records } = parseKbFile(readFileSync('assets/demo-kb.jsonl', 'utf8'));
      await new ExperienceRepository(db).upsertRecords(records, { status: 'published' });
      const retriever = createRetriever({ db, glossary: await Glossary.load(db), logger });
      const cases: [string, string][] = [
        ['برای فروش خرما به چین، کارگاه بسته‌بندی ما باید در سامانه گمرک چین ثبت بشه؟', 'demo-001'],
        ['伊朗藏红花样品很好，可是大货着色力不达标，怎么办？', 'demo-014'],
        ['How should we handle sample requests and MOQ for small Iranian buyers?', 'demo-026'],
        ['我们第一次参加伊朗博览会没有收获，第二次应该改什么？', 'demo-020'],
        // What members ask first: paying a supplier, customs, registering a food exporter, a distributor.
        ['How do I pay a Chinese supplier?', 'demo-031'],
        ['چطور به تأمین‌کننده چینی پول بفرستم؟', 'demo-031'],
        ['ترخیص کالا از گمرک چطور انجام می‌شود؟', 'demo-033'],
        ['向中国出口食品需要什么注册？', 'demo-001'],
        ['如何在伊朗找到经销商？', 'demo-032'],
      ];
      for (const [text, expected] of cases) {
        const result = await retriever.search({ text });
        expect(result.hits[0]?.externalId, text).toBe(expected);
        expect(result.abstained, text).toBe(false);
      }
      expect((await retriever.search({ text: 'what is a good recipe for a chocolate birthday cake?' })).abstained).toBe(true);
      expect((await retriever.search({ text: '北京明天天气怎么样？' })).abstained).toBe(true);
      // One shared word ("registered capital") and no other experience to compare with is no answer...
      expect((await retriever.search({ text: 'What is the capital of France?' })).abstained).toBe(true);
      // ...but a keyword that only one experience holds is.
      expect((await retriever.search({ text: 'CIFER' })).hits[0]?.externalId).toBe('demo-001');
      expect((await retriever.search({ text: 'CIFER' })).abstained).toBe(false);
    } finally {
      await db.close();
    }
  });
});
