import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliverableAnswer } from '../../src/answering/ask-question.ts';
import { renderAnswer } from '../../src/bot/render/answer.ts';
import { createTranslator } from '../../src/i18n.ts';
import { linesLaidOutLeftToRight } from '../helpers/bidi.ts';
import { anExperience } from '../helpers/experiences.ts';
import { testDatabases } from '../helpers/db.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest } from '../helpers/telegram.ts';

// A Chinese firm's story (told in Persian, Chinese and English) about paying through an exchange house.
const CHINESE_FIRM = anExperience({
  id: 'exp-who-zibo',
  country: 'CN',
  contributor: { name: '周海峰', company: '淄博恒润化工有限公司', city: '淄博' },
});

describe.each(testDatabases())('who lived it, in the bot, on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: [CHINESE_FIRM, ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  it('names a Chinese firm to an English reader in Latin letters, and the full story keeps the Chinese beside it', async () => {
    const member = tg.member({ language_code: 'en' });
    const answer = (await member.says('How do I pay a Chinese supplier through an exchange house?')).at(-1)!;
    expect(answer.text).toContain('Zibo Hengrun Chemical Co., Ltd., Zibo, China');
    expect(answer.text).not.toContain('淄博');

    const [story] = await member.presses(answer.buttons.find((b) => b.includes('📖'))!);
    expect(story!.text).toContain(
      tg.text('en', 'bot-story-contributor', { who: 'Zhou Haifeng (周海峰), Zibo Hengrun Chemical Co., Ltd. (淄博恒润化工有限公司), Zibo (淄博)' }),
    );
  });

  it('names it to a Persian reader in Latin letters and Persian, every line still laid out right to left', async () => {
    const member = tg.member({ language_code: 'fa' });
    const answer = (await member.says('چطور از طریق صرافی به تأمین‌کننده چینی پرداخت کنم؟')).at(-1)!;
    expect(answer.text).toContain('Zibo Hengrun Chemical Co., Ltd.، زیبو، چین');
    expect(linesLaidOutLeftToRight(answer.message.text ?? '')).toEqual([]);
    const [story] = await member.presses(answer.buttons.find((b) => b.includes('📖'))!);
    expect(story!.text).toContain('Zibo Hengrun Chemical Co., Ltd. (淄博恒润化工有限公司)، زیبو (淄博)');
    expect(linesLaidOutLeftToRight(story!.message.text ?? '')).toEqual([]);
  });

  it('names it to a Chinese reader as stored', async () => {
    const member = tg.member({ language_code: 'zh' });
    const answer = (await member.says('怎么通过换汇所向中国供应商付款？')).at(-1)!;
    expect(answer.text).toContain('淄博恒润化工有限公司，淄博，中国');
    const [story] = await member.presses(answer.buttons.find((b) => b.includes('📖'))!);
    expect(story!.text).toContain(tg.text('zh', 'bot-story-contributor', { who: '周海峰，淄博恒润化工有限公司，淄博' }));
  });
});

// A German firm: a country the locales do not word themselves, typed as its ISO code in /profile.
const GERMAN_FIRM = anExperience({ id: 'exp-who-hamburg', country: 'DE', contributor: { name: 'Anna Weber', company: 'Weber Pumpen GmbH', city: 'Hamburg' } });

describe.each(testDatabases())('a country the locales do not name, on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: [GERMAN_FIRM, ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  // Written out, not computed: each reader reads the country's name, never the bare code "DE".
  it.each([
    { language: 'fa', question: 'چطور از طریق صرافی به تأمین‌کننده چینی پرداخت کنم؟', country: 'آلمان' },
    { language: 'zh', question: '怎么通过换汇所向中国供应商付款？', country: '德国' },
    { language: 'en', question: 'How do I pay a Chinese supplier through an exchange house?', country: 'Germany' },
  ] as const)('is named in $language in the answer and the full story', async ({ language, question, country }) => {
    const member = tg.member({ language_code: language });
    const answer = (await member.says(question)).at(-1)!;
    expect(answer.text).toContain(country);
    expect(answer.text).not.toMatch(/\bDE\b/);
    const [story] = await member.presses(answer.buttons.find((b) => b.includes('📖'))!);
    expect(story!.text).toContain(tg.text(language, 'bot-story-meta', { country, industry: tg.text(language, 'industry-food') }));
  });
});

/** The list of experiences that might be related, as a Persian reader gets it. */
function relatedListInPersian(cited: DeliverableAnswer['cited']): string {
  const translator = createTranslator();
  const t = (key: string, vars?: Record<string, string | number>) => translator.t('fa', key, vars);
  return renderAnswer({ language: 'fa', abstained: true, tier: 'related', mode: 'offline', text: t('answer-related-found'), cited }, 'fa', t, translator);
}

describe('the list of experiences that might be related', () => {
  it('names who lived each one in a script the reader reads', () => {
    const text = relatedListInPersian([
      {
        title: 'پرداخت از راه صرافی',
        machineTranslated: false,
        experience: { id: 1, country: 'CN', industry: 'chemicals', contributor: { company: '淄博恒润化工有限公司', city: '淄博' } },
      },
    ]);
    expect(text.replace(/[\u2066-\u2069]/g, '')).toContain('Zibo Hengrun Chemical Co., Ltd.، زیبو، چین · ');
  });

  it('says which language a title not in the reader’s is in, as the quoted answer does: an English translation of a Chinese story, and a Chinese original', () => {
    const story = (id: number, title: string, displayLanguage: 'en' | 'zh') => ({
      title,
      displayLanguage,
      machineTranslated: false,
      experience: { id, language: 'zh' as const, country: 'CN', industry: 'logistics' as const, contributor: { company: '义乌顺达物流', city: '义乌' } },
    });
    const text = relatedListInPersian([story(1, 'Rail groupage from Yiwu to Tehran', 'en'), story(2, '义乌到德黑兰的铁路拼箱', 'zh')]);
    const translator = createTranslator();
    expect(text).toContain(translator.t('fa', 'answer-translation-note', { language: 'en', original: 'zh' }));
    expect(text).toContain(translator.t('fa', 'answer-original-note', { language: 'zh' }));
  });
});
