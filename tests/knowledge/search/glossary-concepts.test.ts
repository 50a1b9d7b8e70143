import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/db.ts';
import { ExperienceRepository } from '../../../src/knowledge/experiences/repository.ts';
import { Glossary } from '../../../src/knowledge/glossary/glossary.ts';
import { importGlossaryCsv } from '../../../src/knowledge/glossary/glossary-csv.ts';
import { createRetriever, type Retriever } from '../../../src/knowledge/search/retrieval.ts';
import { createLogger } from '../../../src/log.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';

// "Iranian customer" holds two shorter concepts; each of the three matched a Persian text's words.
const GLOSSARY = [
  'concept,fa,zh,en',
  'iran,ایران,伊朗,Iran',
  'customer,مشتری,客户,customer',
  'iranian-customer,مشتری ایرانی,伊朗客户,Iranian customer',
  'pre-shipment-inspection,بازرسی قبل از حمل,验机|出货前验货,pre-shipment inspection',
].join('\n');

describe.each(testDatabases())('concepts inside a longer concept on $name', (database) => {
  let db: Db;
  let retriever: Retriever;

  beforeAll(async () => {
    db = await database.open();
    await importGlossaryCsv(db, GLOSSARY);
    await new ExperienceRepository(db).upsertRecords(
      [
        anExperience({
          id: 'customer-payment-fa',
          language: 'fa',
          translations: {},
          title: 'گرفتن پول از مشتری ایرانی وقتی بانک حواله نمی‌دهد',
          problem: 'مشتری ایرانی ما در تهران نمی‌توانست از بانک‌های ایران حواله بفرستد و پرداخت مشتری سه ماه عقب افتاد.',
          solution: 'با مشتری قرار گذاشتیم از طریق صرافی در ایران به حساب ما در دبی پرداخت کند.',
          outcome: 'مشتری ایرانی از آن به بعد هر ماه سر وقت پرداخت کرد.',
        }),
        anExperience({
          id: 'machine-inspection-zh',
          language: 'zh',
          translations: {},
          title: '灌装机到货后和形式发票不符，以后怎么避免',
          problem: '我们给伊朗一家果汁厂做的第一台灌装机，到货后发现灌装头数量和形式发票写的不一样，对方要求退款，双方来回争了两个月。',
          solution: '现在每台设备出厂前都请对方派人来工厂验机，按合同附件的技术清单逐项试车并签字，视频留档，再安排装柜。',
          outcome: '之后发出的六台设备到货后都没有争议。',
        }),
      ],
      { status: 'published' },
    );
    retriever = createRetriever({ db, glossary: await Glossary.load(db), logger: createLogger('silent') });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('ranks the story about what is asked above one that only shares the Iranian customer', async () => {
    const result = await retriever.search({ text: '伊朗客户要求出货前验机，一般怎么安排呢？' });
    expect(result.hits.map((h) => h.externalId)).toEqual(['machine-inspection-zh', 'customer-payment-fa']);
  });

  it('still offers the shorter concepts, so a text naming only Iran or a customer is found', async () => {
    const result = await retriever.search({ text: '伊朗客户付款晚了三个月' });
    expect(result.hits[0]?.externalId).toBe('customer-payment-fa');
  });
});

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
