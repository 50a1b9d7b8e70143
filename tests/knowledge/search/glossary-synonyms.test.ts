import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import { Glossary } from '../../../src/knowledge/glossary/glossary.ts';
import { importGlossaryCsv } from '../../../src/knowledge/glossary/glossary-csv.ts';
import { createRetriever, type Retriever } from '../../../src/knowledge/search/retrieval.ts';
import { createLogger } from '../../../src/log.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';

describe.each(testDatabases())('a word no story holds, read through its synonyms on $name', (database) => {
  let db: Db;
  let retriever: Retriever;

  beforeAll(async () => {
    db = await database.open();
    await importGlossaryCsv(db, 'concept,fa,zh,en\ncontract-termination,فسخ قرارداد|فسخ|لغو قرارداد,解除合同,contract termination\n');
    await new ExperienceRepository(db).upsertRecords(
      [
        anExperience({
          id: 'pricing-fa',
          language: 'fa',
          translations: {},
          title: 'قیمت‌گذاری قرارداد مشتری وقتی ریال سقوط می‌کند',
          problem: 'با یک مشتری قرارداد تأمین با قیمت ثابت ریالی بستیم و در طول قرارداد ریال سقوط کرد.',
          solution: 'در قراردادهای جدید قیمت را به نرخ ارز روز امضا گره زدیم و بند تعدیل گذاشتیم.',
          outcome: 'با سقوط بعدی ریال ضرری نکردیم.',
        }),
        anExperience({
          id: 'cancelled-order-fa',
          language: 'fa',
          translations: {},
          title: 'پخش‌کننده کاشی خواست بقیه سفارش‌های یک‌ساله را لغو کند',
          problem:
            'شش ماه بعد از امضای قرارداد یک‌ساله با پخش‌کننده کاشی، ریال سقوط کرد؛ مشتری گفت با قیمت قبلی ضرر می‌کند و خواست بقیه سفارش‌ها لغو شود. دو کانتینر آماده در انبار ما ماند.',
          solution: 'به جای مطالبه خسارت، بقیه سفارش‌ها را به یوآن و با قیمت سه‌ماهه دوباره قیمت‌گذاری کردیم و اجازه دادیم حجم ماهانه کم شود.',
          outcome: 'همکاری ادامه پیدا کرد و هشتاد درصد حجم سالانه خریده شد.',
        }),
      ],
      { status: 'published' },
    );
    retriever = createRetriever({ db, glossary: await Glossary.load(db), logger: createLogger('silent') });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('finds the cancelled order for a member who says فسخ, which no story says', async () => {
    const result = await retriever.search({ text: 'مشتری میخواد قرارداد رو فسخ کنه چون ریال سقوط کرده' });
    expect(result.hits.map((h) => h.externalId)).toEqual(['cancelled-order-fa', 'pricing-fa']);
  });
});
