import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/text/language.ts';
import type { ExperienceRecord } from '../../src/knowledge/experiences/experience.ts';
import { anExperience } from '../helpers/experiences.ts';
import { isAnyTranslation } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { linesLaidOutLeftToRight } from '../helpers/bidi.ts';
import { TelegramTest, type Reply } from '../helpers/telegram.ts';

/** Telegram's limit on one message. */
const LIMIT = 4_096;
const ZWNJ = '\u200C';
const RLM = '\u200F';

// ── The knowledge base ───────────────────────────────────────────────────────────────────────

const PAYMENT = anExperience({ id: 'exp-long-pay' });
const PAYMENT_TITLE = { fa: PAYMENT.title, zh: PAYMENT.translations!.zh!.title, en: PAYMENT.translations!.en!.title };

const faDigits = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const zhNumber = (n: number) => ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'][n - 1]!;

/**
 * Paragraphs of about `size` characters, each different (numbered) so a lost or repeated one
 * shows. Persian ones carry zero-width non-joiners inside words and right-to-left marks after
 * Latin words; Chinese ones have no spaces at all.
 */
function paragraphs(language: Language, topic: string, count: number, size = 700): string[] {
  const sentence: Record<Language, (n: number, k: number) => string> = {
    fa: (n, k) =>
      `بند ${faDigits(n)}، نکتهٔ ${faDigits(k)}: ${topic} را با کارشناس گمرک بررسی می‌کنیم و هزینه‌ها را پیش از ارسال به تأمین${ZWNJ}کنندهٔ چینی از طریق WeChat${RLM} تأیید می‌گیریم.`,
    zh: (n, k) => `第${zhNumber(n)}段第${k}点：我们就${topic}与海关专员逐项核对，并在发货前通过微信请中国供应商确认费用和单据。`,
    en: (n, k) =>
      `Paragraph ${n}, point ${k}: we checked ${topic} with a customs officer and had the Chinese supplier confirm costs & papers on WeChat before shipping.`,
  };
  return Array.from({ length: count }, (_, i) => {
    const out: string[] = [];
    for (let k = 1; out.join(' ').length < size; k++) out.push(sentence[language](i + 1, k));
    return out.join(language === 'zh' ? '' : ' ');
  });
}

// An experience whose full story is well over one message in every language.
const STORY_TEXT = {
  fa: { title: 'ثبت کارگاه بسته‌بندی خرما در سامانهٔ CIFER گمرک چین', topic: 'ثبت کارگاه خرما' },
  zh: { title: '椰枣包装车间在中国海关CIFER系统注册', topic: '椰枣包装车间注册' },
  en: { title: 'Registering a date packing workshop in the China customs CIFER system', topic: 'the date workshop registration' },
} as const;
const storyText = (language: Language) => ({
  title: STORY_TEXT[language].title,
  problem: paragraphs(language, STORY_TEXT[language].topic, 3),
  solution: paragraphs(language, STORY_TEXT[language].topic, 4),
  outcome: paragraphs(language, STORY_TEXT[language].topic, 2),
});
const STORY = { fa: storyText('fa'), zh: storyText('zh'), en: storyText('en') };
const asRecordText = (s: ReturnType<typeof storyText>) => ({
  title: s.title,
  problem: s.problem.join('\n\n'),
  solution: s.solution.join('\n\n'),
  outcome: s.outcome.join('\n\n'),
});
const LONG_STORY: ExperienceRecord = {
  id: 'exp-long-story',
  language: 'zh',
  country: 'CN',
  industry: 'agriculture',
  ...asRecordText(STORY.zh),
  contributor: { name: '王芳', company: '青岛海润', city: '青岛' },
  translations: { fa: asRecordText(STORY.fa), en: asRecordText(STORY.en) },
};
// One section (what they did) is a single paragraph longer than a message.
const OVERLONG_SECTION = anExperience({
  id: 'exp-overlong-section',
  language: 'en',
  country: 'IR',
  industry: 'food',
  translations: {},
  title: 'Certifying pistachio roasting lines for export to China',
  problem: 'Chinese customs asked for proof that our roasting line met their hygiene rules.',
  solution: Array.from(
    { length: 40 },
    (_, i) => `Step ${i + 1}: we documented the roasting temperature, the cleaning log and the pest control visit for the inspectors.`,
  ).join(' '),
});

const STORY_QUESTION: Record<Language, string> = {
  fa: 'چطور کارگاه بسته‌بندی خرما را در سامانهٔ CIFER گمرک چین ثبت کنیم؟',
  zh: '椰枣包装车间怎样在中国海关CIFER系统注册？',
  en: 'How do we register our date packing workshop in the China customs CIFER system?',
};

// ── The model's answers ──────────────────────────────────────────────────────────────────────

const PAYMENT_QUESTION: Record<Language, string> = {
  fa: 'چگونه از طریق صرافی به تأمین‌کننده چینی پرداخت کنیم؟',
  zh: '如何通过换汇所向中国供应商付款？',
  en: 'How do I pay a Chinese supplier through an exchange house?',
};

// Persian: every line starts with a Persian letter or the model's own right-to-left mark, so
// the bot adds no mark of its own and the text is shown exactly as the model wrote it.
const FA_ANSWER = [
  `همان‌طور که در «${PAYMENT_TITLE.fa}» آمده است:`,
  ...paragraphs('fa', 'پرداخت به یوآن', 9),
  `${RLM}WeChat Pay برای مبلغ‌های کوچک کافی بود؛ برای مبلغ‌های بزرگ صرافی.`,
].join('\n\n');
const ZH_ANSWER = [`正如"${PAYMENT_TITLE.zh}"所述：`, ...paragraphs('zh', '人民币付款', 14)].join('\n\n');

/** What the fake model answers next (translation requests get "no translations"). */
let modelAnswer = FA_ANSWER;

const llm = fakeOpenAiPerFile();
let tg: TelegramTest;
beforeAll(async () => {
  llm.onChat((r) => ({ content: isAnyTranslation(r) ? '{}' : modelAnswer }));
  tg = await TelegramTest.start({
    env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL },
    experiences: [PAYMENT, LONG_STORY, OVERLONG_SECTION, ...unrelatedExperiences()],
  });
});
afterAll(() => tg?.stop());

// ── Checks ───────────────────────────────────────────────────────────────────────────────────

/**
 * Walks `whole` through the parts in order and returns what lay between consecutive parts in
 * it: "\n\n" at a paragraph break, " " or "" where a paragraph was cut. Fails unless each part
 * is the next stretch of `whole` (nothing lost, repeated or reordered). The last part may go on
 * past `whole` (the list of sources follows the model's text), after a paragraph break.
 */
function joints(parts: Reply[], whole: string): string[] {
  const found: string[] = [];
  let at = 0;
  for (const [i, { text }] of parts.entries()) {
    if (at >= whole.length) throw new Error(`part ${i + 1} comes after the whole text was shown: ${text.slice(0, 80)}`);
    if (at + text.length > whole.length) {
      expect(i, 'only the last part goes past the text').toBe(parts.length - 1);
      expect(text.startsWith(whole.slice(at)), `part ${i + 1} continues the text`).toBe(true);
      expect(text.slice(whole.length - at).startsWith('\n\n')).toBe(true);
      return found;
    }
    expect(whole.startsWith(text, at), `part ${i + 1} is the next stretch of the text, from character ${at}`).toBe(true);
    at += text.length;
    if (i < parts.length - 1) {
      const joint = whole.startsWith('\n\n', at) ? '\n\n' : whole[at] === ' ' ? ' ' : '';
      found.push(joint);
      at += joint.length;
    }
  }
  expect(at, 'the whole text was shown').toBe(whole.length);
  return found;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function expectWithinLimit(parts: Reply[]): void {
  expect(parts.length).toBeGreaterThan(1);
  for (const p of parts) {
    expect(p.text.length).toBeLessThanOrEqual(LIMIT);
    expect(p.text.trim()).not.toBe('');
    expect(LONE_SURROGATE.test(p.text), 'no character cut in half').toBe(false);
  }
}

function expectButtonsOnLastPartOnly(parts: Reply[], language: Language): void {
  for (const p of parts.slice(0, -1)) expect(p.buttons).toEqual([]);
  expect(parts.at(-1)!.buttons).toContain(tg.text(language, 'bot-button-helpful'));
  expect(parts.at(-1)!.buttons.some((b) => b.includes('📖'))).toBe(true);
}

async function ask(language: Language, question: string, answer: string): Promise<Reply[]> {
  modelAnswer = answer;
  return tg.member({ language_code: language }).says(question);
}

// ── Model answers ────────────────────────────────────────────────────────────────────────────

describe('a model answer longer than one message', () => {
  it('in Persian: split between paragraphs, zero-width and direction marks kept, buttons under the last part', async () => {
    expect(FA_ANSWER.length).toBeGreaterThan(LIMIT);
    const parts = await ask('fa', PAYMENT_QUESTION.fa, FA_ANSWER);
    expectWithinLimit(parts);
    expect(joints(parts, FA_ANSWER).every((j) => j === '\n\n')).toBe(true);
    // Every part opens right to left: with a Persian letter, or the model's own mark (not a second one).
    for (const p of parts) expect(p.text).toMatch(/^(?:\p{Script=Arabic}|\u200F\P{Script=Arabic})/u);
    expect(parts.map((p) => p.text).join('\n\n')).toContain(`تأمین${ZWNJ}کنندهٔ چینی از طریق WeChat${RLM} تأیید`);
    expectButtonsOnLastPartOnly(parts, 'fa');
    expect(parts.at(-1)!.text).toContain(tg.text('fa', 'bot-sources'));
    expect(parts.at(-1)!.text).toContain(PAYMENT_TITLE.fa);
  });

  it('in Chinese: paragraphs without spaces are still kept whole', async () => {
    expect(ZH_ANSWER.length).toBeGreaterThan(LIMIT);
    expect(paragraphs('zh', '人民币付款', 14).join('')).not.toMatch(/\s/);
    const parts = await ask('zh', PAYMENT_QUESTION.zh, ZH_ANSWER);
    expectWithinLimit(parts);
    expect(joints(parts, ZH_ANSWER).every((j) => j === '\n\n')).toBe(true);
    expectButtonsOnLastPartOnly(parts, 'zh');
    expect(parts.at(-1)!.text).toContain(tg.text('zh', 'bot-sources'));
    expect(parts.at(-1)!.text).toContain(PAYMENT_TITLE.zh);
  });

  it('with one paragraph over the limit: that paragraph alone is cut, at a space where it has one', async () => {
    // 5,000+ characters of Persian with no blank line; the paragraphs around it stay whole.
    const overlong = Array.from(
      { length: 60 },
      (_, i) => `جملهٔ ${faDigits(i + 1)}: حواله را از طریق صرافی دارای مجوز به یوآن فرستادیم و رسید را نگه داشتیم.`,
    ).join(' ');
    expect(overlong.length).toBeGreaterThan(LIMIT);
    const answer = [`همان‌طور که در «${PAYMENT_TITLE.fa}» آمده است:`, overlong, 'نتیجه: پول در پنج روز کاری رسید.'].join('\n\n');
    const parts = await ask('fa', PAYMENT_QUESTION.fa, answer);
    expectWithinLimit(parts);
    const found = joints(parts, answer);
    // Paragraph breaks between whole paragraphs; inside the overlong one, cuts between words only.
    expect(found).toEqual(['\n\n', ' ']);
    for (const p of parts) expect(p.text).toMatch(/^\p{Script=Arabic}/u);
    expectButtonsOnLastPartOnly(parts, 'fa');
  });

  it('with a paragraph over the limit and no spaces: cut at the limit, never inside a character or an "&"', async () => {
    // A character outside the BMP ("𠮷", two UTF-16 units) straddles the first cut; an "&"
    // (sent as the 5-character "&amp;") straddles the second.
    const filler = (n: number) => Array.from({ length: n }, (_, i) => '我们通过换汇所付款并保存水单'[i % 14]).join('');
    const overlong = `${filler(LIMIT - 1)}𠮷${filler(LIMIT - 4)}&${filler(1_500)}`;
    expect(overlong).not.toMatch(/[ \n]/);
    const answer = [`正如"${PAYMENT_TITLE.zh}"所述：`, overlong, '结果：五个工作日到账。'].join('\n\n');
    const parts = await ask('zh', PAYMENT_QUESTION.zh, answer);
    expectWithinLimit(parts);
    const found = joints(parts, answer);
    expect(found).toEqual(['\n\n', '', '']);
    // Only the overlong paragraph is cut, each piece as long as the limit allows.
    expect(parts[1]!.text.length).toBe(LIMIT - 1);
    expect(parts[2]!.text.startsWith('𠮷')).toBe(true);
    expect(parts[3]!.text.startsWith('&')).toBe(true);
    expect(parts.map((p) => p.text).join('')).toContain('𠮷');
    expectButtonsOnLastPartOnly(parts, 'zh');
  });

  it('in Persian, a part cut out of an overlong paragraph still starts right to left when its first word is Latin', async () => {
    // The last space before the limit comes right before "WeChat", so the next part starts with it.
    const words = 'حواله را از طریق صرافی دارای مجوز به یوآن فرستادیم و رسید را نگه داشتیم';
    let head = words;
    while (head.length < LIMIT) head += ` ${words}`;
    head = head.slice(0, LIMIT - 4).replace(/ $/, 'م');
    const overlong = `${head} WeChat Pay را برای مبلغ‌های کوچک به کار بردیم. ${words}. ${words}.`;
    const answer = [`همان‌طور که در «${PAYMENT_TITLE.fa}» آمده است:`, overlong].join('\n\n');
    const parts = await ask('fa', PAYMENT_QUESTION.fa, answer);
    expectWithinLimit(parts);
    expect(parts.some((p) => p.text.startsWith(`${RLM}WeChat Pay`))).toBe(true);
    for (const p of parts) expect(linesLaidOutLeftToRight(p.message.text ?? '')).toEqual([]);
  });
});

// ── The full story ───────────────────────────────────────────────────────────────────────────

// Who shared it, in a script the reader reads, with the stored Chinese beside what was romanised.
const CREDIT = {
  fa: ['Wang Fang (王芳)', 'Qingdao Hairun (青岛海润)', 'چینگدائو (青岛)'],
  zh: ['王芳', '青岛海润', '青岛'],
  en: ['Wang Fang (王芳)', 'Qingdao Hairun (青岛海润)', 'Qingdao (青岛)'],
} as const;

describe('a full story longer than one message', () => {
  for (const language of ['fa', 'zh', 'en'] as const) {
    it(`in ${language}: sent in parts between paragraphs, each section heading with its text, nothing lost`, async () => {
      modelAnswer = {
        fa: `همان‌طور که در «${STORY.fa.title}» آمده است، از طریق سفارت درخواست دهید.`,
        zh: `正如"${STORY.zh.title}"所述，请通过使馆申请。`,
        en: `As in "${STORY.en.title}": apply through the embassy.`,
      }[language];
      const member = tg.member({ language_code: language });
      const answer = await member.says(STORY_QUESTION[language]);
      const story = STORY[language];
      const button = answer.at(-1)!.buttons.find((b) => b.includes('📖') && b.includes([...story.title].slice(0, 12).join('')));
      expect(button, `a story button for "${story.title}" under the answer`).toBeDefined();

      const parts = await member.presses(button!);
      expectWithinLimit(parts);
      for (const p of parts) expect(p.buttons).toEqual([]);
      const t = (key: string, args?: Record<string, string>) => tg.text(language, key, args);
      const whole = [
        `${story.title}\n${t('bot-story-meta', { country: t('country-CN'), industry: t('industry-agriculture') })}`,
        `${t('bot-story-problem')}\n${story.problem.join('\n\n')}`,
        `${t('bot-story-solution')}\n${story.solution.join('\n\n')}`,
        `${t('bot-story-outcome')}\n${story.outcome.join('\n\n')}`,
        t('bot-story-contributor', { who: CREDIT[language].join(t('bot-story-who-separator')) }),
      ].join('\n\n');
      expect(joints(parts, whole).every((j) => j === '\n\n')).toBe(true);
      // A heading is never left at the end of a part without its text.
      for (const heading of ['bot-story-problem', 'bot-story-solution', 'bot-story-outcome']) {
        const holding = parts.filter((p) => p.text.includes(`${t(heading)}\n`));
        expect(holding).toHaveLength(1);
      }
    });
  }

  it('a section whose text alone is over the limit keeps its heading in the part where its text starts', async () => {
    modelAnswer = `As in "${OVERLONG_SECTION.title}": roast in a certified line.`;
    const member = tg.member({ language_code: 'en' });
    const answer = await member.says('How do we certify pistachio roasting lines for export to China?');
    const button = answer.at(-1)!.buttons.find((b) => b.includes('📖') && b.includes('pistachio'));
    expect(button).toBeDefined();
    const parts = await member.presses(button!);
    expectWithinLimit(parts);
    const heading = tg.text('en', 'bot-story-solution');
    for (const p of parts) expect(p.text.trimEnd().endsWith(heading), 'no part ends with a heading').toBe(false);
    expect(parts.filter((p) => p.text.includes(`${heading}\n${OVERLONG_SECTION.solution.slice(0, 60)}`))).toHaveLength(1);
  });
});
