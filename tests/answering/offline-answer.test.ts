import { describe, expect, it } from 'vitest';
import { createAiProvider } from '../../src/ai/provider.ts';
import { createAnsweringService } from '../../src/answering/answering-service.ts';
import { gist } from '../../src/answering/sentences.ts';
import type { Retriever } from '../../src/knowledge/search/retrieval.ts';
import type { Experience } from '../../src/knowledge/experiences/experience.ts';
import { createTranslator } from '../../src/i18n.ts';
import { memoryLogger } from '../ai/support.ts';
import { anExperience, experiencesOf, recordingRetriever, stripIsolation } from './support.ts';

const translator = createTranslator();

const payment = anExperience(
  'fa',
  {
    fa: {
      title: 'پرداخت به تأمین‌کننده چینی از راه صرافی',
      problem: 'بانک ما حواله مستقیم به چین نداشت.',
      solution: 'با یک صرافی دارای مجوز در دبی قرارداد بستیم. پول را به یوآن پرداخت کردیم. هر بار رسید گرفتیم.',
    },
    en: {
      title: 'Paying a Chinese supplier through an exchange house',
      problem: 'Our bank could not wire money to China.',
      solution: 'We signed with a licensed exchange house in Dubai. We paid in yuan. We kept every receipt.',
    },
  },
  { country: 'IR', industry: 'food' },
);
const customs = anExperience(
  'zh',
  {
    zh: {
      title: '伊朗海关的原产地证明',
      problem: '货物在阿巴斯港被扣。',
      solution: '我们请商会出具了原产地证书。清关三天完成！之后每批货都提前准备。',
    },
  },
  { country: 'CN', industry: 'machinery' },
);
const kazakh = anExperience(
  'en',
  { en: { title: 'Rail freight via Kazakhstan', problem: 'Sea freight was slow.', solution: 'We used the rail route via Khorgos. It took 18 days.' } },
  { country: 'KZ', industry: 'logistics' },
);

function service(retriever: Retriever, all: Experience[] = [payment, customs, kazakh]) {
  const log = memoryLogger();
  const ai = createAiProvider({ mode: 'offline' }, log.logger);
  return createAnsweringService({ retriever, experiences: experiencesOf(all), ai, translator, logger: log.logger });
}

describe("offline answer (no model): extractive, in the asker's language where a text exists", () => {
  it('quotes the sentence of the Persian text that answers a Persian question, with localized country and industry', async () => {
    const answer = await service(recordingRetriever(() => [[payment, 0.9]])).answer({ text: 'چطور به چین پول بفرستم؟', language: 'fa' });

    expect(answer).toMatchObject({ language: 'fa', abstained: false, mode: 'offline' });
    expect(answer.cited.map((c) => [c.title, c.displayLanguage])).toEqual([['پرداخت به تأمین‌کننده چینی از راه صرافی', 'fa']]);
    expect(stripIsolation(answer.text)).toBe(
      [
        'تجربهٔ شرکت‌های عضو در این زمینه:',
        // The country and industry line holds only values: it starts with a right-to-left mark.
        // The sentence that answers "how do I send money" (پول), not the story's first one.
        '۱. پرداخت به تأمین‌کننده چینی از راه صرافی\n\u200Fایران — صنایع غذایی\nپول را به یوآن پرداخت کردیم.',
      ].join('\n\n'),
    );
  });

  it('uses the English translation for an English question', async () => {
    const answer = await service(recordingRetriever(() => [[payment, 0.9]])).answer({ text: 'how do I pay a supplier in China', language: 'en' });

    // Asked how, in the words of the story's problem only: its first step comes with the sentence holding "paid".
    expect(stripIsolation(answer.text)).toBe(
      [
        'Here is what member companies have experienced:',
        '1. Paying a Chinese supplier through an exchange house\nIran · Food\nWe signed with a licensed exchange house in Dubai. We paid in yuan.',
      ].join('\n\n'),
    );
  });

  it("shows the original with a note when the experience has no text in the asker's language", async () => {
    const answer = await service(
      recordingRetriever(() => [
        [customs, 0.8],
        [kazakh, 0.7],
      ]),
    ).answer({ text: 'گواهی مبدا برای گمرک ایران', language: 'fa' });

    expect(answer.cited.map((c) => c.displayLanguage)).toEqual(['zh', 'en']);
    const text = stripIsolation(answer.text);
    expect(text).toContain('۱. 伊朗海关的原产地证明\n\u200Fچین — ماشین‌آلات\n我们请商会出具了原产地证书。清关三天完成！\n(متن اصلی به چینی)');
    // A country without a locale entry gets its name from CLDR, in Persian: no bare "KZ" in a Persian line.
    expect(text).toContain(
      '۲. Rail freight via Kazakhstan\n\u200Fقزاقستان — حمل‌ونقل و لجستیک\nWe used the rail route via Khorgos. It took 18 days.\n(متن اصلی به انگلیسی)',
    );
  });

  it('never says anything that is not in the experiences or the locale files', async () => {
    const answer = await service(
      recordingRetriever(() => [
        [customs, 0.8],
        [payment, 0.75],
        [kazakh, 0.7],
      ]),
    ).answer({ text: '进口', language: 'zh' });
    const allowed = [
      translator.t('zh', 'answer-offline-intro'),
      ...[customs, payment, kazakh].flatMap((e) => Object.values(e.texts).flatMap((t) => [t!.title, t!.solution])),
      ...['fa', 'en'].map((language) => translator.t('zh', 'answer-original-note', { language })),
      translator.t('zh', 'answer-translation-note', { language: 'en', original: 'fa' }),
      ...[customs, payment, kazakh].map((e) =>
        translator.t('zh', 'answer-experience-meta', {
          // The locales' name of the country, else CLDR's (Kazakhstan has no locale entry).
          who: translator.t('zh', `country-${e.country}`).replace(`country-${e.country}`, new Intl.DisplayNames('zh', { type: 'region' }).of(e.country)!),
          industry: translator.t('zh', `industry-${e.industry}`),
        }),
      ),
    ].map(stripIsolation);
    for (const line of stripIsolation(answer.text).split('\n').filter(Boolean)) {
      const content = line.replace(/^\d+\. /, '');
      expect(
        allowed.some((a) => a.includes(content)),
        `invented line: ${line}`,
      ).toBe(true);
    }
  });

  it('cites at most three experiences and drops hits far below the best one', async () => {
    const extra = anExperience('en', { en: { title: 'Extra', problem: 'p', solution: 's.' } });
    const all = [payment, customs, kazakh, extra];
    const few = await service(
      recordingRetriever(() => [
        [payment, 1],
        [customs, 0.3],
      ]),
      all,
    ).answer({ text: 'q', language: 'en' });
    expect(few.cited.map((c) => c.experience.id)).toEqual([payment.id]);
    expect(few.hits).toHaveLength(2);

    const many = await service(
      recordingRetriever(() => [
        [payment, 1],
        [customs, 0.9],
        [kazakh, 0.8],
        [extra, 0.7],
      ]),
      all,
    ).answer({ text: 'q', language: 'en' });
    expect(many.cited.map((c) => c.experience.id)).toEqual([payment.id, customs.id, kazakh.id]);
  });

  it('never cites an experience that is no longer published', async () => {
    const archived = { ...kazakh, id: 999, status: 'archived' as const };
    const answer = await service(
      recordingRetriever(() => [[archived, 1]]),
      [archived],
    ).answer({ text: 'rail', language: 'en' });
    expect(answer.abstained).toBe(true);
  });
});

describe('what the answer says, and in which text', () => {
  const clearance = anExperience(
    'en',
    {
      en: {
        title: 'Clearing machine parts at Bandar Abbas',
        problem: 'Our first shipment of pumps waited at Bandar Abbas.',
        solution:
          'We hired a licensed broker in Bandar Abbas. The broker asked for three documents: the commercial invoice, the packing list and a certificate of origin. We sent them before the ship arrived.',
        outcome: 'Clearance took four working days.',
      },
      fa: {
        title: 'ترخیص قطعات ماشین در بندرعباس',
        problem: 'اولین محموله پمپ ما در بندرعباس ماند.',
        solution: 'یک ترخیص‌کار دارای مجوز در بندرعباس گرفتیم. او فاکتور تجاری، فهرست بسته‌بندی و گواهی مبدا خواست.',
        outcome: 'ترخیص چهار روز کاری طول کشید.',
      },
    },
    { country: 'CN', industry: 'machinery', contributor: { name: 'Li Wei', company: 'Ningbo Pumps Co.', city: 'Ningbo' } },
  );

  it('quotes the sentences that answer the question, not the first ones', async () => {
    const documents = await service(
      recordingRetriever(() => [[clearance, 1]]),
      [clearance],
    ).answer({
      text: 'What documents do I need to clear a shipment of machine parts at Bandar Abbas customs?',
      language: 'en',
    });
    expect(stripIsolation(documents.text)).toContain(
      'The broker asked for three documents: the commercial invoice, the packing list and a certificate of origin.',
    );
    expect(documents.text).not.toContain('We sent them');
    const howLong = await service(
      recordingRetriever(() => [[clearance, 1]]),
      [clearance],
    ).answer({ text: 'How long does clearance take?', language: 'en' });
    expect(stripIsolation(howLong.text)).toContain('Clearance took four working days.');
  });

  it('names who lived it: company, city and country, in the reader language', async () => {
    const answer = await service(
      recordingRetriever(() => [[clearance, 1]]),
      [clearance],
    ).answer({ text: 'ترخیص در بندرعباس چقدر طول می‌کشد؟', language: 'fa' });
    // A Latin company name stays as it is; the city is named as a Persian reader writes it.
    expect(stripIsolation(answer.text)).toContain('Ningbo Pumps Co.، نینگبو، چین — ماشین‌آلات');
    expect(stripIsolation(answer.text)).toContain('ترخیص چهار روز کاری طول کشید.');
  });

  it('cites a second experience only when it is nearly as good as the first', async () => {
    const all = [payment, customs, kazakh];
    const filler = await service(
      recordingRetriever(() => [
        [payment, 1],
        [customs, 0.6],
      ]),
      all,
    ).answer({ text: 'q', language: 'en' });
    expect(filler.cited.map((c) => c.experience.id)).toEqual([payment.id]);
    const close = await service(
      recordingRetriever(() => [
        [payment, 1],
        [customs, 0.9],
      ]),
      all,
    ).answer({ text: 'q', language: 'en' });
    expect(close.cited.map((c) => c.experience.id)).toEqual([payment.id, customs.id]);
  });

  it('shows a Chinese reader the English translation of a Persian story before its original, and says so', async () => {
    const answer = await service(recordingRetriever(() => [[payment, 1]])).answer({ text: '怎么给中国供应商付款？', language: 'zh' });
    expect(answer.cited[0]!.displayLanguage).toBe('en');
    const text = stripIsolation(answer.text);
    expect(text).toContain('Paying a Chinese supplier through an exchange house');
    expect(text).toContain(stripIsolation(translator.t('zh', 'answer-translation-note', { language: 'en', original: 'fa' })));
    expect(text).not.toContain('صرافی');
  });

  it('answers a question in traditional characters in traditional characters, titles included', async () => {
    const answer = await service(recordingRetriever(() => [[customs, 1]])).answer({ text: '伊朗清關要多久？', language: 'zh' });
    expect(answer.script).toBe('traditional');
    expect(answer.cited[0]!.title).toBe('伊朗海關的原產地證明');
    expect(stripIsolation(answer.text)).toContain('清關三天完成！');
    expect(answer.text).not.toContain('清关');
    const simplified = await service(recordingRetriever(() => [[customs, 1]])).answer({ text: '伊朗清关要多久？', language: 'zh' });
    expect(simplified.script).toBeUndefined();
    expect(simplified.text).toContain('清关三天完成');
  });
});

describe('abstention', () => {
  it.each([
    ['fa', 'قیمت زعفران در بازار شانگهای چقدر است؟', 'هنوز تجربه‌ای در پایگاه دانش نیست که به این پرسش پاسخ دهد.'],
    ['zh', '上海藏红花市场价格是多少？', '知识库中暂时还没有能回答这个问题的经验。'],
    ['en', 'what is the saffron price in shanghai', 'Nothing in the knowledge base answers this yet.'],
  ] as const)('says in %s that nothing answers it yet, citing nothing', async (language, text, message) => {
    const answer = await service(recordingRetriever(() => [])).answer({ text });
    expect(answer).toEqual({ language, abstained: true, tier: 'nothing', mode: 'offline', text: message, cited: [], hits: [] });
  });
});

describe('the question as retrieval sees it', () => {
  it("detects the language, searches a follow-up together with what it follows, and prefers firms like the asker's", async () => {
    const retriever = recordingRetriever(() => [[customs, 1]]);
    const answer = await service(retriever).answer({
      text: '那土耳其呢？',
      previousQuestion: '伊朗海关需要原产地证明吗？',
      profile: { country: 'CN', industry: 'machinery' },
    });

    expect(answer.language).toBe('zh');
    expect(retriever.queries).toEqual([
      // The signal is the question's budget (deadlines), ending the search's model calls with it.
      {
        text: '伊朗海关需要原产地证明吗？\n那土耳其呢？',
        language: 'zh',
        preferCountry: 'CN',
        preferIndustry: 'machinery',
        limit: 5,
        signal: expect.any(AbortSignal),
      },
    ]);
  });

  it("answers Persian typed in Latin letters (Finglish) in Persian when the asker's language is not known", async () => {
    const retriever = recordingRetriever(() => [[payment, 1]]);
    const answer = await service(retriever).answer({ text: 'chetor be tamin konande chini pool befrestam?' });
    expect(answer.language).toBe('fa');
    expect(retriever.queries[0]!.language).toBe('fa');
    expect(stripIsolation(answer.text)).toContain('پرداخت به تأمین‌کننده چینی از راه صرافی');
  });

  it("keeps the earlier question's language for a follow-up with no words of its own", async () => {
    const answer = await service(recordingRetriever(() => [])).answer({ text: '2024?', previousQuestion: '伊朗海关需要原产地证明吗？' });
    expect(answer.language).toBe('zh');
  });
});

describe('gist of a solution', () => {
  it.each([
    ['zh', '第一句。第二句！第三句？', '第一句。第二句！'],
    ['fa', 'آیا بانک قبول کرد؟ نه، صرافی را انتخاب کردیم. سپس پرداخت شد.', 'آیا بانک قبول کرد؟ نه، صرافی را انتخاب کردیم.'],
    ['en', 'We paid 3.5% e.g. to the agent. It worked. Then more.', 'We paid 3.5% e.g. to the agent. It worked.'],
    ['en', `${'Long sentence '.repeat(20)}ends. Second.`, `${'Long sentence '.repeat(20)}ends.`],
  ] as const)('%s: %s', (language, text, expected) => {
    expect(gist(text, language)).toBe(expected);
  });
});
