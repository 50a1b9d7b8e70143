import { describe, expect, it } from 'vitest';
import { finglishAsPersian } from '../../../src/knowledge/search/finglish-query.ts';
import { isFinglish } from '../../../src/text/finglish.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';
import { retrieversOver } from './support.ts';

// Persian stories only: a question finds them only if it is read as the Persian it spells.
const railFa = () =>
  anExperience({
    id: 'rail-fa',
    language: 'fa',
    translations: {},
    title: 'حمل ریلی قطعات از چین به تهران به جای کشتی',
    problem: 'کانتینرهای ما از شانگهای تا بندرعباس دو ماه در راه بودند و خط تولید مشتری خوابید.',
    solution: 'قطعات فوری را با قطار از مسیر قزاقستان و ترکمنستان به تهران فرستادیم.',
  });
const paymentFa = () =>
  anExperience({
    id: 'payment-fa',
    language: 'fa',
    translations: {},
    title: 'پرداخت پول به تامین کننده چینی از طریق صرافی',
    problem: 'بانک ما نمی‌توانست پیش پرداخت دستگاه را به کارخانه چینی حواله کند.',
    solution: 'با یک صرافی دارای مجوز قرارداد بستیم و پول را با تسویه یوان فرستادیم.',
  });

describe('a Finglish question spelled in Persian', () => {
  const knows = (words: string[]) => ({
    stats: async (terms: string[]) => ({
      n: 10,
      avgLength: { fa: 10, zh: 10, en: 10 },
      df: new Map(terms.filter((t) => words.includes(t)).map((t) => [t, 3])),
    }),
  });

  it('keeps the spelling the base knows, spells function words directly and leaves unknown words in Latin letters', async () => {
    expect(await finglishAsPersian('sabt gomrok chin chejooriye? GACC', knows(['ثبت', 'گمرک', 'چین']))).toBe('ثبت گمرک چین چجوریه? GACC');
  });

  it('spells a compound typed apart as the base holds it joined (تامین‌کننده)', async () => {
    expect(await finglishAsPersian('pardakht be tamin konande chini', knows(['پرداز', 'تامینکنند', 'چین']))).toBe('پرداخت به تامین کننده چینی');
  });

  it('changes nothing the base does not know', async () => {
    expect(await finglishAsPersian('paytakht faranse', knows([]))).toBe('paytakht faranse');
  });
});

describe.each(testDatabases())('Finglish questions searched as Persian on $name', (database) => {
  const retrievers = retrieversOver(database, () => [
    anExperience({
      id: 'saffron-fa',
      language: 'fa',
      translations: {},
      title: 'ثبت کارخانه زعفران در گمرک چین پیش از صادرات',
      problem: 'خریدار چینی زعفران گفت بدون شماره ثبت گمرک چین روی بسته‌بندی، محموله ترخیص نمی‌شود.',
      solution: 'از طریق سامانه ثبت تولیدکنندگان خارجی گمرک چین ثبت‌نام کردیم و مدارک بهداشتی را بارگذاری کردیم.',
    }),
    railFa(),
    paymentFa(),
  ]);

  it.each([
    ['mikham zaferan sader konam chin, sabt gomrok chin chejooriye?', 'saffron-fa'],
    ['bar az shanghai ta bandar abbas do mah tool mikeshe, ba ghatar zoodtar mirese?', 'rail-fa'],
    ['chetor be tamin konande chini pool befrestam?', 'payment-fa'],
  ])('finds the Persian experience for "%s"', async (text, expected) => {
    for (const [name, retriever] of retrievers) {
      const result = await retriever.search({ text, language: 'en' });
      expect(result.language, name).toBe('fa');
      expect(result.hits[0]?.externalId, name).toBe(expected);
    }
  });

  it('leaves an English question in English', async () => {
    const result = await retrievers[0]![1].search({ text: 'how do we register saffron with chinese customs?' });
    expect(result.language).toBe('en');
  });
});

describe.each(testDatabases())("Latin questions read against the base's vocabulary on $name", (database) => {
  const retrievers = retrieversOver(database, () => [
    paymentFa(),
    railFa(),
    anExperience({
      id: 'customs-fa',
      language: 'fa',
      translations: {},
      title: 'ترخیص قطعات ماشین از گمرک بندر عباس',
      problem: 'کانتینر قطعات ما سه هفته در گمرک ماند چون لیست بسته‌بندی با بارنامه نمی‌خواند.',
      solution: 'یک ترخیص‌کار لیست را اصلاح کرد و کالا ترخیص شد.',
    }),
    // The base's English: what its English texts say is English.
    anExperience({
      id: 'credit-en',
      language: 'en',
      translations: {},
      title: "A letter of credit the seller's bank would not accept",
      problem: "Our bank in Tehran opened a letter of credit for machinery; the seller's bank refused it.",
      solution: 'A bank in Dubai confirmed the letter and the factory shipped.',
    }),
    anExperience({
      id: 'customs-en',
      language: 'en',
      translations: {},
      title: 'Machines from China held at Bandar Abbas customs',
      problem: 'Our carpet shipment was stuck at customs for three weeks: the packing list was wrong.',
      solution: 'A customs broker corrected the packing list and the goods were cleared.',
    }),
  ]);

  // "be" and "in" are English words too: the question's own words do not tell, the base's vocabulary does.
  it.each([
    ['pardakht be tamin konande chini', 'payment-fa'],
    ['haml reyli in ghataat be tehran', 'rail-fa'],
  ])('reads "%s" as Persian: most of its words are no English word of the base and spell Persian ones', async (text, expected) => {
    expect(isFinglish(text)).toBe(false);
    for (const [name, retriever] of retrievers) {
      const result = await retriever.search({ text, language: 'en' });
      expect(result.language, name).toBe('fa');
      expect(result.hits[0]?.externalId, name).toBe(expected);
    }
  });

  it('reads Finglish without a function word as Persian when its other words are names the base holds in both scripts', async () => {
    for (const [name, retriever] of retrievers) {
      const result = await retriever.search({ text: 'gomrok bandar abbas tarkhis', language: 'en' });
      expect(result.language, name).toBe('fa');
      expect(['customs-fa', 'customs-en'], name).toContain(result.hits[0]?.externalId);
    }
  });

  it.each([
    'pay chinese supplier?',
    'bandar abbas customs',
    'letter of credit for china',
    'be careful with the deposit',
    'in bandar abbas customs held our carpts',
    'man, the shipmnt is stuck in gomruk',
    'bad packing list at customs',
    'paymnt to suplier in chna',
    'key money for a shop in tehran bazar',
    'too late to cancel the order?',
  ])('leaves the English "%s" in English', async (text) => {
    for (const [name, retriever] of retrievers) expect((await retriever.search({ text, language: 'en' })).language, name).toBe('en');
  });
});
