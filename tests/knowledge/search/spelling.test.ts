import { describe, expect, it } from 'vitest';
import { createSpellingMemo, spellingCorrections } from '../../../src/knowledge/search/spelling.ts';
import type { Language } from '../../../src/text/language.ts';
import { searchTokens, tokenizeQuestion } from '../../../src/text/tokenize.ts';
import { testDatabases } from '../../helpers/db.ts';
import { anExperience } from '../../helpers/experiences.ts';
import { retrieversOver } from './support.ts';

/** A base whose texts hold these words, each in `texts` texts. */
function baseOf(words: Record<string, number>) {
  const df = new Map(Object.entries(words).flatMap(([w, n]) => searchTokens(w, 'fa').map((t) => [t, n] as const)));
  const documentFrequencies = async (terms: string[]) => new Map(terms.filter((t) => df.has(t)).map((t) => [t, df.get(t)!]));
  return {
    stats: async (terms: string[]) => ({ n: 100, avgLength: { fa: 10, zh: 10, en: 10 }, df: await documentFrequencies(terms) }),
    documentFrequencies,
  };
}

async function corrections(question: string, language: Language, base: ReturnType<typeof baseOf>): Promise<[string, string][]> {
  const found = await spellingCorrections(tokenizeQuestion(question, language), language, base);
  return found.map((c): [string, string] => [c.from, c.to]).sort((a, b) => question.indexOf(a[0]) - question.indexOf(b[0]));
}

describe('misspelt question words read as the words of the base they likely mean', () => {
  const base = baseOf({ ترخیص: 5, گمرک: 9, بندرعباس: 4, container: 6, customs: 8, clearance: 5, 伊朗: 20, 冻结: 2, 客户: 9, 汇款: 4, 同型: 3 });

  it('Persian: a homophone letter, and a dropped letter restored', async () => {
    expect(await corrections('ترخیس کالا از گمرگ بندرعبس', 'fa', base)).toEqual([
      ['ترخیس', 'ترخیص'],
      ['گمرگ', 'گمرک'],
      ['بندرعبس', 'بندرعباس'],
    ]);
  });

  it('English: one slip in a word of four letters or more, two in one of eight or more', async () => {
    expect(await corrections('containr stuck at custmos, clearnce papers', 'en', base)).toEqual([
      ['containr', 'container'],
      ['custmos', 'customs'],
      ['clearnce', 'clearance'],
    ]);
  });

  it('Chinese: a character replaced by one of the same sound (a pinyin input slip)', async () => {
    expect(await corrections('伊郎客户汇款被冻节了怎么办', 'zh', base)).toEqual([
      ['伊郎', '伊朗'],
      ['冻节', '冻结'],
    ]);
  });

  it('never corrects a word the base knows, a real word it lacks the segmenter knows (同行), nor a changed first letter', async () => {
    const knows = baseOf({ ترخیس: 1, ترخیص: 5, weather: 1, leather: 9, 同型: 3, 伊朗: 9 });
    expect(await corrections('ترخیس', 'fa', knows)).toEqual([]);
    expect(await corrections('weather tomorrow', 'en', baseOf({ leather: 9 }))).toEqual([]);
    expect(await corrections('有没有同行做伊朗', 'zh', knows)).toEqual([]);
  });

  it('leaves a word alone when two known words are about as likely', async () => {
    expect(await corrections('shipmant', 'en', baseOf({ shipment: 4, shipmint: 3 }))).toEqual([]);
  });

  it('reads a misspelt word the same the first time it is met and when it comes back', async () => {
    // A verb reaches its token through the stemmer (میفرستم → فرست), a long word two edits away.
    const knows = baseOf({ ترخیص: 5, گمرک: 9, فرستادن: 4, قیمت: 6, clearance: 5, customs: 8, 冻结: 2 });
    const memo = createSpellingMemo();
    const asked: [string, Language][] = [
      ['ترخیس کالا از گمرگ', 'fa'],
      ['میفرصتم با غیمت', 'fa'],
      ['clearnce at custmos', 'en'],
      ['汇款被冻节了', 'zh'],
    ];
    const read = async () => {
      const found: [string, string][] = [];
      for (const [q, language] of asked)
        for (const c of await spellingCorrections(tokenizeQuestion(q, language), language, knows, memo)) found.push([c.from, c.to]);
      return found.sort();
    };
    const first = await read();
    expect(first).toEqual(
      [
        ['ترخیس', 'ترخیص'],
        ['گمرگ', 'گمرک'],
        ['میفرصتم', 'میفرستم'],
        ['غیمت', 'قیمت'],
        ['clearnce', 'clearance'],
        ['custmos', 'customs'],
        ['冻节', '冻结'],
      ].sort(),
    );
    expect(await read()).toEqual(first);
  });
});

describe.each(testDatabases())('misspelt questions answered on $name', (database) => {
  const retrievers = retrieversOver(database, () => [
    anExperience({
      id: 'clearance-fa',
      language: 'fa',
      translations: {},
      title: 'ترخیص قطعات یدکی از گمرک بندرعباس',
      problem: 'محموله قطعات یدکی ما سه هفته در گمرک بندرعباس ماند چون کد تعرفه اشتباه بود.',
      solution: 'با ترخیص‌کار باتجربه کد تعرفه را اصلاح کردیم و ترخیص در پنج روز انجام شد.',
    }),
    anExperience({
      id: 'frozen-zh',
      language: 'zh',
      translations: {},
      title: '伊朗客户汇款被银行冻结后怎么收款',
      problem: '伊朗客户通过第三国公司汇款，到账后被银行合规部门冻结。',
      solution: '我们补交了合同和发票，改用人民币结算，款项在两周后解冻。',
    }),
    anExperience({
      id: 'container-en',
      language: 'en',
      translations: {},
      title: 'A container stuck at the Sarakhs border because of a waybill name',
      problem: 'Our container waited at the Sarakhs rail border for two weeks: the consignee name on the waybill did not match the import licence.',
      solution: 'We had the railway correct the waybill and asked the buyer to send the licence to the border office.',
    }),
    anExperience({
      id: 'remittance-zh',
      language: 'zh',
      translations: {},
      title: '土耳其客户汇款到账太慢怎么办',
      problem: '土耳其客户的汇款经过两家中转行，每次要十天才到账，资金像被冻住一样，周转很紧。',
      solution: '我们请客户改用直接通汇的银行汇款，到账时间缩短到三天。',
    }),
    anExperience({
      id: 'stuck-en',
      language: 'en',
      translations: {},
      title: 'Goods stuck at the port because a name on the bill of lading was wrong',
      problem: 'Our goods were stuck at the port for ten days: the wrong company name was on the bill of lading.',
      solution: 'The shipping line issued a corrected bill of lading after we sent a letter of indemnity.',
    }),
    anExperience({
      id: 'rail-en',
      language: 'en',
      translations: {},
      title: 'Rail freight from Yiwu to Tehran for small buyers',
      problem: 'Our Iranian buyers ordered too little to fill a container and sea freight took two months.',
      solution: 'We shipped consolidated cargo by rail through Kazakhstan and Turkmenistan; it crossed the border at Sarakhs in three weeks.',
    }),
    anExperience({
      id: 'payment-en',
      language: 'en',
      translations: {},
      title: 'Paying a Chinese supplier through an exchange house',
      problem: 'Our bank could not wire the deposit for a container of machine parts to the factory.',
      solution: 'We used a licensed exchange house that settled in yuan, with the proforma invoice naming the exchange house as payer.',
    }),
    anExperience({
      id: 'pistachio-en',
      language: 'en',
      translations: {},
      title: 'Selling Iranian pistachios to a wholesaler in Guangzhou',
      problem: 'Our first pistachio shipment to China was held because the wholesaler wanted a lab report on aflatoxin.',
      solution: 'We had each lot tested in Kerman before loading and sent the report with the documents.',
    }),
    anExperience({
      id: 'parcel-fa',
      language: 'fa',
      translations: {},
      title: 'بسته‌بندی قطعات برای ارسال به چین',
      problem: 'بسته‌های قطعات ما در راه چین آسیب می‌دیدند.',
      solution: 'هر بسته را با فوم و کارتن دولایه فرستادیم.',
    }),
  ]);

  // No Persian text holds پسته (pistachio), one letter from بسته (a parcel): a glossary word is a word, not a slip.
  it('never reads a word of the glossary as a misspelling of another word', async () => {
    for (const [name, retriever] of retrievers) {
      const result = await retriever.search({ text: 'صادرات پسته به چین' });
      expect(result.hits[0]?.externalId, name).toBe('pistachio-en');
    }
  });

  it.each([
    ['ترخیس قطعات از گمرگ بندرعبس', 'clearance-fa'],
    ['客户汇款被冻节了', 'frozen-zh'],
    ['paymnet to a chinese suplier through an exchnage hosue', 'payment-en'],
  ])('%s → %s', async (question, expected) => {
    for (const [name, retriever] of retrievers) {
      const result = await retriever.search({ text: question });
      expect(result.hits[0]?.externalId, name).toBe(expected);
      expect(result.tier, name).toBe('answered');
    }
  });

  // Not questions for live information (tomorrow's weather, a score), which the search refuses whatever it corrects.
  it.each(['What is the capital of France?', 'پایتخت فرانسه کجاست؟', '法国的首都是哪里？', 'recipe for a chocolate cake'])(
    'an unanswerable question gains nothing from corrections: %s',
    async (question) => {
      for (const [name, retriever] of retrievers) expect((await retriever.search({ text: question })).tier, name).not.toBe('answered');
    },
  );
});
