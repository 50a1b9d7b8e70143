import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/text/language.ts';
import type { Db } from '../../src/db/db.ts';
import { openTestPglite, testDatabases } from '../helpers/db.ts';
import { linesLaidOutLeftToRight } from '../helpers/bidi.ts';
import { sharedBot } from '../helpers/shared-bot.ts';
import { TelegramTest, type TestMember } from '../helpers/telegram.ts';

const STORIES: Record<Language, { title: string; problem: string; solution: string; outcome: string; newProblem: string; tags: string; slugs: string[] }> = {
  fa: {
    title: 'پرداخت به تأمین‌کنندهٔ چینی از راه صرافی',
    problem: 'بانک ما نمی‌توانست مستقیماً به حساب تأمین‌کننده در چین پول حواله کند.',
    solution: 'با یک صرافی دارای مجوز قرارداد بستیم و به یوآن پرداخت کردیم.',
    outcome: 'پول در پنج روز کاری رسید.',
    newProblem: 'بانک ما به خاطر تحریم‌ها هیچ راهی برای حواله به چین نداشت.',
    tags: 'پرداخت، صرافی, Letter of Credit',
    slugs: ['پرداخت', 'صرافی', 'letter-of-credit'],
  },
  zh: {
    title: '通过换汇所向伊朗供应商付款',
    problem: '我们的银行无法直接把货款汇到伊朗供应商的账户，订单因此拖了两个月。',
    solution: '我们和一家持牌换汇所签约，用人民币结算，并保留全部单据。',
    outcome: '五个工作日到账。',
    newProblem: '因为制裁，我们的银行拒绝处理任何汇往伊朗的款项，订单停滞。',
    tags: '付款，换汇、 清关',
    slugs: ['付款', '换汇', '清关'],
  },
  en: {
    title: 'Paying a Chinese supplier through an exchange house',
    problem: 'Our bank could not wire money to the supplier in China at all.',
    solution: 'We signed with a licensed exchange house and paid in yuan.',
    outcome: 'The money arrived in 5 working days.',
    newProblem: 'Because of sanctions our bank refused every transfer to China for months.',
    tags: 'Payment, Exchange House',
    slugs: ['payment', 'exchange-house'],
  },
};

const bot = sharedBot();

/** Answers the four text steps (the outcome optional) and picks the industry. */
async function answerUpToTags(t: TelegramTest, m: TestMember, language: Language, story = STORIES[language]) {
  await m.says('/share');
  expect(m.lastReply?.text).toBe(t.text(language, 'share-ask-title', { max: 200 }));
  await m.says(story.title);
  await m.says(story.problem);
  await m.says(story.solution);
  expect(m.lastReply?.buttons).toEqual([t.text(language, 'share-skip')]);
  await m.says(story.outcome);
  expect(m.lastReply?.buttons).toHaveLength(14);
  await m.presses(t.text(language, 'share-industry-food'));
  expect(m.toasts).toEqual([t.text(language, 'share-industry-food')]);
}

/** The steps after the tags for a member without a profile: the company's country, then whether to be named. */
async function aboutTheMember(t: TelegramTest, m: TestMember, language: Language, options: { named?: boolean } = {}) {
  expect(m.lastReply?.text).toBe(t.text(language, 'share-ask-country'));
  await m.presses(t.text(language, 'country-IR'));
  expect(m.lastReply?.text).toBe(t.text(language, 'share-ask-named', { credit: t.text(language, 'bot-story-contributor', { who: m.user.first_name }) }));
  await m.presses(t.text(language, options.named === false ? 'share-button-anonymous' : 'share-button-named'));
}

/** The preview shows the story as readers will see it (country, industry, the texts given, the credit), then the tags. */
function expectPreview(
  t: TelegramTest,
  m: TestMember,
  language: Language,
  d: { title: string; problem: string; solution: string; outcome?: string; industry: string; tags: string[] },
) {
  const text = m.lastReply!.text;
  expect(text.startsWith(t.text(language, 'share-preview-header'))).toBe(true);
  const lines = linesOf(text);
  for (const value of [d.title, d.problem, d.solution]) expect(lines).toContain(value);
  if (d.outcome) expect(lines).toContain(d.outcome);
  else expect(lines).not.toContain(t.text(language, 'bot-story-outcome'));
  const meta = t.text(language, 'bot-story-meta', { country: t.text(language, 'country-IR'), industry: t.text(language, `industry-${d.industry}`) });
  expect(lines).toContain(linesOf(meta)[0]);
  expect(lines).toContain(linesOf(t.text(language, 'bot-story-contributor', { who: m.user.first_name }))[0]);
  if (d.tags.length > 0) expect(text.endsWith(t.text(language, 'share-preview-tags', { tags: d.tags.join(', ') }))).toBe(true);
  else expect(text).not.toContain(t.text(language, 'share-preview-tags', { tags: '@' }).split('@')[0]);
  expect(m.lastReply?.buttons).toEqual(['share-button-submit', 'share-button-edit', 'share-button-cancel'].map((k) => t.text(language, k)));
  // Every line of a Persian preview, even one that starts with a Latin word, reads right to left.
  if (language === 'fa') expect(linesLaidOutLeftToRight(m.lastReply!.message.text ?? '')).toEqual([]);
}

describe.each(testDatabases())('/share on $name', ({ open }) => {
  const botOn = sharedBot(open);
  describe.each(['fa', 'zh', 'en'] as const)('in %s', (language) => {
    it('walks the member through the steps, previews, edits a field and saves a pending contribution', async () => {
      const t = botOn();
      const m = t.member({ language_code: language });
      const story = STORIES[language];
      await answerUpToTags(t, m, language);
      await m.says(story.tags);
      await aboutTheMember(t, m, language);
      expectPreview(t, m, language, { ...story, industry: 'food', tags: story.slugs });

      await m.presses(t.text(language, 'share-button-edit'));
      expect(m.lastReply?.text).toBe(t.text(language, 'share-edit-which'));
      await m.presses(t.text(language, 'share-field-problem'));
      expect(m.lastReply?.text).toContain(t.text(language, 'share-ask-problem', { min: 20, max: 4000 }).split('\n')[0]);
      await m.says(story.newProblem);
      expect(m.lastReply?.text).toContain(story.newProblem);
      expect(m.lastReply?.text).not.toContain(story.problem);

      await m.presses(t.text(language, 'share-button-submit'));
      expect(m.lastReply?.text).toBe(t.text(language, 'share-submitted'));

      const member = await t.app.community.members.getByTelegramId(m.user.id);
      const [mine] = await t.app.experiences.listByContributor(member!.id);
      expect(mine).toMatchObject({ status: 'pending', source: 'bot', language, country: 'IR', industry: 'food', tags: story.slugs });
      expect(mine!.contributor).toEqual({ name: m.user.first_name, memberId: member!.id });
      expect(mine!.texts[language]).toMatchObject({
        title: story.title,
        problem: story.newProblem,
        solution: story.solution,
        outcome: story.outcome,
        isOriginal: true,
      });
    });
  });

  it('takes the language of the text when it differs from the member’s', async () => {
    const t = botOn();
    const m = t.member({ language_code: 'fa' });
    await answerUpToTags(t, m, 'fa', STORIES.en);
    await m.presses(t.text('fa', 'share-skip'));
    await aboutTheMember(t, m, 'fa');
    await m.presses(t.text('fa', 'share-button-submit'));
    const member = await t.app.community.members.getByTelegramId(m.user.id);
    const [mine] = await t.app.experiences.listByContributor(member!.id);
    expect(mine).toMatchObject({ language: 'en', tags: [] });
  });
});

describe('/share limits', () => {
  it('refuses a too long problem with the limit, asks again and keeps what was given', async () => {
    const t = bot();
    const m = t.member({ language_code: 'en' });
    await m.says('/share');
    await m.says(STORIES.en.title);
    const replies = await m.says('x'.repeat(4001));
    expect(replies.map((r) => r.text)).toEqual([
      t.text('en', 'share-too-long', { length: 4001, min: 20, max: 4000 }),
      t.text('en', 'share-ask-problem', { min: 20, max: 4000 }),
    ]);
    expect(replies[0]!.text).toContain('4,001');
    const short = await m.says('Too short.');
    expect(short[0]!.text).toBe(t.text('en', 'share-too-short', { length: 10, min: 20, max: 4000 }));
    await m.says(STORIES.en.problem);
    expect(m.lastReply?.text).toBe(t.text('en', 'share-ask-solution', { min: 20, max: 4000 }));
    await m.says(STORIES.en.solution);
    await m.presses(t.text('en', 'share-skip'));
    await m.presses(t.text('en', 'share-industry-logistics'));
    await m.presses(t.text('en', 'share-skip'));
    await aboutTheMember(t, m, 'en');
    expectPreview(t, m, 'en', { ...STORIES.en, outcome: undefined, industry: 'logistics', tags: [] });
  });

  it('refuses a title over 200 characters and asks again', async () => {
    const t = bot();
    const m = t.member({ language_code: 'fa' });
    await m.says('/share');
    const replies = await m.says('ب'.repeat(201));
    expect(replies.map((r) => r.text)).toEqual([
      t.text('fa', 'share-too-long', { length: 201, min: 5, max: 200 }),
      t.text('fa', 'share-ask-title', { max: 200 }),
    ]);
  });

  it('asks for text when the member sends a photo, and for buttons at the industry step', async () => {
    const t = bot();
    const m = t.member({ language_code: 'zh' });
    await m.says('/share');
    await m.sends({ photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] });
    expect(m.lastReply?.text).toBe(t.text('zh', 'share-text-only'));
    await m.says(STORIES.zh.title);
    await m.says(STORIES.zh.problem);
    await m.says(STORIES.zh.solution);
    await m.presses(t.text('zh', 'share-skip'));
    await m.says('食品');
    expect(m.lastReply?.text).toBe(t.text('zh', 'share-use-buttons'));
    await m.says('/my');
    expect(m.lastReply?.text).toBe(t.text('zh', 'share-busy'));
  });
});

const LANGUAGES = ['fa', 'zh', 'en'] as const;

/** The text steps in their order, with the limits the member is told about (characters). */
const TEXT_STEPS = [
  { field: 'title', min: 5, max: 200 },
  { field: 'problem', min: 20, max: 4000 },
  { field: 'solution', min: 20, max: 4000 },
  { field: 'outcome', min: 5, max: 4000 },
] as const;
type TextStep = (typeof TEXT_STEPS)[number];

/** One letter of each language's script, to build answers of an exact length. */
const LETTER: Record<Language, string> = { fa: 'ب', zh: '款', en: 'x' };

const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
/** A message's lines; in Persian a line that starts with a value begins with a right-to-left mark, dropped here. */
const linesOf = (text: string) => text.split('\n').map((line) => line.replace(/^\u200F/, ''));

/** The question of a text step as the member sees it (the outcome one with its Skip button). */
function question(t: TelegramTest, language: Language, { field, min, max }: TextStep): string {
  return t.text(language, `share-ask-${field}`, { min, max });
}

async function savedContribution(t: TelegramTest, m: TestMember) {
  const member = await t.app.community.members.getByTelegramId(m.user.id);
  const mine = await t.app.experiences.listByContributor(member!.id);
  expect(mine).toHaveLength(1);
  return mine[0]!;
}

// Every text step in every language (4 × 3 short conversations): each gets a too short and a
// too long answer, one letter short of the minimum and one over the maximum.
describe.each(LANGUAGES)('/share length limits in %s', (language) => {
  it.each(TEXT_STEPS.map((step, i) => ({ ...step, step, next: TEXT_STEPS[i + 1] })))(
    'refuses a too short and a too long $field with the numbers, asks again, then goes on',
    async ({ field, min, max, step, next }) => {
      const t = bot();
      const m = t.member({ language_code: language });
      const story = STORIES[language];
      await m.says('/share');
      for (const earlier of TEXT_STEPS.slice(0, TEXT_STEPS.indexOf(step))) await m.says(story[earlier.field]);
      expect(m.lastReply?.text).toBe(question(t, language, step));
      const askedAgain = field === 'outcome' ? [t.text(language, 'share-skip')] : [];

      expect(texts(await m.says(LETTER[language].repeat(min - 1)))).toEqual([
        t.text(language, 'share-too-short', { length: min - 1, min, max }),
        question(t, language, step),
      ]);
      expect(m.lastReply?.buttons).toEqual(askedAgain);

      expect(texts(await m.says(LETTER[language].repeat(max + 1)))).toEqual([
        t.text(language, 'share-too-long', { length: max + 1, min, max }),
        question(t, language, step),
      ]);
      expect(m.lastReply?.buttons).toEqual(askedAgain);

      await m.says(story[field]);
      expect(m.lastReply?.text).toBe(next ? question(t, language, next) : t.text(language, 'share-ask-industry'));
    },
  );
});

/** Per language: a word to number into many tags, and the comma members of that language type. */
const TAG_SAMPLES: Record<Language, { word: string; comma: string }> = {
  fa: { word: 'برچسب', comma: '، ' },
  zh: { word: '标签', comma: '，' },
  en: { word: 'tag', comma: ', ' },
};

describe.each(LANGUAGES)('/share tags in %s', (language) => {
  it('refuses more than 12 tags (kb-format v1) or one over 40 characters, asks again, and takes exactly 12 with one of 40', async () => {
    const t = bot();
    const m = t.member({ language_code: language });
    const { word, comma } = TAG_SAMPLES[language];
    await answerUpToTags(t, m, language);
    const refusal = [t.text(language, 'share-too-many-tags', { max: 12, maxLength: 40 }), t.text(language, 'share-ask-tags')];
    const numbered = (n: number) => Array.from({ length: n }, (_, i) => `${word}${i + 1}`);

    expect(texts(await m.says(numbered(13).join(comma)))).toEqual(refusal);
    expect(m.lastReply?.buttons).toEqual([t.text(language, 'share-skip')]);
    expect(texts(await m.says([word, LETTER[language].repeat(41)].join(comma)))).toEqual(refusal);
    expect(m.lastReply?.buttons).toEqual([t.text(language, 'share-skip')]);

    const tags = [LETTER[language].repeat(40), ...numbered(11)];
    await m.says(tags.join(comma));
    const story = STORIES[language];
    await aboutTheMember(t, m, language);
    expectPreview(t, m, language, { ...story, industry: 'food', tags });
    await m.presses(t.text(language, 'share-button-submit'));
    expect((await savedContribution(t, m)).tags).toEqual(tags);
  });
});

/** Tags to change to in the preview, as typed and as saved. */
const NEW_TAGS: Record<Language, { typed: string; slugs: string[] }> = {
  fa: { typed: 'گمرک، اعتبار اسنادی', slugs: ['گمرک', 'اعتبار-اسنادی'] },
  zh: { typed: '信用证、清关', slugs: ['信用证', '清关'] },
  en: { typed: 'Customs, Letter of credit', slugs: ['customs', 'letter-of-credit'] },
};

describe.each(LANGUAGES)('editing in the /share preview in %s', (language) => {
  it('goes back to the preview unchanged, changes the industry with the buttons and the tags, and saves the new values', async () => {
    const t = bot();
    const m = t.member({ language_code: language });
    const story = STORIES[language];
    await answerUpToTags(t, m, language);
    await m.says(story.tags);
    await aboutTheMember(t, m, language);
    const original = { ...story, industry: 'food', tags: story.slugs };
    expectPreview(t, m, language, original);

    await m.presses(t.text(language, 'share-button-edit'));
    expect(m.lastReply?.buttons).toEqual([
      ...['title', 'problem', 'solution', 'outcome', 'industry', 'tags', 'country', 'named'].map((f) => t.text(language, `share-field-${f}`)),
      t.text(language, 'share-button-back'),
    ]);
    await m.presses(t.text(language, 'share-button-back'));
    expectPreview(t, m, language, original);

    await m.presses(t.text(language, 'share-button-edit'));
    await m.presses(t.text(language, 'share-field-industry'));
    expect(m.lastReply?.text).toBe(t.text(language, 'share-ask-industry'));
    expect(m.lastReply?.buttons).toHaveLength(14);
    await m.presses(t.text(language, 'share-industry-logistics'));
    expectPreview(t, m, language, { ...original, industry: 'logistics' });

    // Skipping the tags when editing them removes them; typing new ones replaces them.
    await m.presses(t.text(language, 'share-button-edit'));
    await m.presses(t.text(language, 'share-field-tags'));
    expect(m.lastReply?.text).toBe(t.text(language, 'share-ask-tags'));
    await m.presses(t.text(language, 'share-skip'));
    expectPreview(t, m, language, { ...original, industry: 'logistics', tags: [] });
    await m.presses(t.text(language, 'share-button-edit'));
    await m.presses(t.text(language, 'share-field-tags'));
    await m.says(NEW_TAGS[language].typed);
    expectPreview(t, m, language, { ...original, industry: 'logistics', tags: NEW_TAGS[language].slugs });

    await m.presses(t.text(language, 'share-button-submit'));
    expect(m.lastReply?.text).toBe(t.text(language, 'share-submitted'));
    expect(await savedContribution(t, m)).toMatchObject({ industry: 'logistics', tags: NEW_TAGS[language].slugs });
  });
});

/** Answers with HTML-like text in each language; Telegram would refuse them unescaped. */
const MARKUP: Record<Language, { title: string; problem: string }> = {
  fa: {
    title: 'پرداخت <b>فوری</b> & <script>alert(1)</script>',
    problem: 'بانک گفت هزینه < ۵٪ است & <b>رایگان</b> است، اما <script>x()</script> و &amp; را در فاکتور نوشت.',
  },
  zh: {
    title: '付款 <b>加急</b> & <script>alert(1)</script>',
    problem: '银行说手续费 < 5% & <b>免费</b>，但发票上写着 <script>x()</script> 和 &amp; 等字样。',
  },
  en: {
    title: 'Paying <b>fast</b> & <script>alert(1)</script>',
    problem: 'The bank said fees < 5% & <b>free</b>, yet the invoice read <script>x()</script> and &amp; too.',
  },
};

describe.each(LANGUAGES)('what a member types as HTML in /share, in %s', (language) => {
  it('shows <b>, & and <script> literally in the preview and saves them exactly', async () => {
    const t = bot();
    const m = t.member({ language_code: language });
    const story = { ...STORIES[language], ...MARKUP[language] };
    await answerUpToTags(t, m, language, story);
    await m.presses(t.text(language, 'share-skip'));
    await aboutTheMember(t, m, language);
    // The preview, not an apology: Telegram accepted the message.
    expect(m.lastReply?.buttons).toEqual(['share-button-submit', 'share-button-edit', 'share-button-cancel'].map((k) => t.text(language, k)));
    expect(linesOf(m.lastReply!.text)).toContain(story.title);
    expect(linesOf(m.lastReply!.text)).toContain(story.problem);

    await m.presses(t.text(language, 'share-button-submit'));
    expect(m.lastReply?.text).toBe(t.text(language, 'share-submitted'));
    const saved = await savedContribution(t, m);
    expect(saved.texts[saved.language]).toMatchObject({ title: story.title, problem: story.problem });
  });
});

/** Experiences and conversations under way in the shared bot's database: a cancelled /share leaves both as they were. */
async function savedState(t: TelegramTest): Promise<{ experiences: number; conversations: number }> {
  const [row] = await t.db.query<{ experiences: number; conversations: number }>(
    `SELECT (SELECT count(*)::int FROM experiences) AS experiences, (SELECT count(*)::int FROM sessions WHERE key LIKE 'conversation:%') AS conversations`,
  );
  return row!;
}

describe.each(['fa', 'zh', 'en'] as const)('/cancel in %s', (language) => {
  it('leaves /share at any step and saves nothing; the next message is a question again', async () => {
    const t = bot();
    const m = t.member({ language_code: language });
    const before = await savedState(t);
    await m.says('/share');
    await m.says(STORIES[language].title);
    await m.says('/cancel');
    expect(m.lastReply?.text).toBe(t.text(language, 'share-cancelled'));
    expect((await savedState(t)).conversations).toBe(before.conversations);

    await m.says(STORIES[language].problem);
    expect(m.lastReply?.text).not.toBe(t.text(language, 'share-ask-solution', { min: 20, max: 4000 }));
    expect(m.lastReply?.buttons).toContain(t.text(language, 'bot-button-ask-community'));
    expect((await savedState(t)).experiences).toBe(before.experiences);
  });

  it('leaves /share at the tags step, after the industry was chosen', async () => {
    const t = bot();
    const m = t.member({ language_code: language });
    const before = await savedState(t);
    await answerUpToTags(t, m, language);
    await m.says('/cancel');
    expect(m.lastReply?.text).toBe(t.text(language, 'share-cancelled'));
    expect(await savedState(t)).toEqual(before);
  });

  it('is also a button on the preview', async () => {
    const t = bot();
    const m = t.member({ language_code: language });
    const before = await savedState(t);
    await answerUpToTags(t, m, language);
    await m.presses(t.text(language, 'share-skip'));
    await aboutTheMember(t, m, language);
    await m.presses(t.text(language, 'share-button-cancel'));
    expect(m.lastReply?.text).toBe(t.text(language, 'share-cancelled'));
    expect(await savedState(t)).toEqual(before);
  });
});

describe('a restart in the middle of /share', () => {
  it('continues at the step the member had reached, with the earlier answers kept', async () => {
    const db = await openTestPglite();
    // Both bots get the same database; stopping the first must not close it.
    const shared = Object.assign(Object.create(db) as Db, { close: async () => {} });
    // The bot running now, stopped at the end even when an expectation fails.
    let running: TelegramTest | undefined;
    try {
      const first = (running = await TelegramTest.start({ openDb: async () => shared }));
      const m1 = first.member({ language_code: 'fa' });
      await m1.says('/share');
      await m1.says(STORIES.fa.title);
      await m1.says(STORIES.fa.problem);
      expect(m1.lastReply?.text).toBe(first.text('fa', 'share-ask-solution', { min: 20, max: 4000 }));
      running = undefined;
      await first.stop();

      const second = (running = await TelegramTest.start({ openDb: async () => shared }));
      const m2 = second.member({ id: m1.user.id, first_name: m1.user.first_name, language_code: 'fa' });
      await m2.says(STORIES.fa.solution);
      expect(m2.lastReply?.text).toBe(second.text('fa', 'share-ask-outcome', { max: 4000 }));
      await m2.presses(second.text('fa', 'share-skip'));
      await m2.presses(second.text('fa', 'share-industry-textiles'));
      await m2.presses(second.text('fa', 'share-skip'));
      await aboutTheMember(second, m2, 'fa');
      expect(m2.lastReply?.text).toContain(STORIES.fa.title);
      expect(m2.lastReply?.text).toContain(STORIES.fa.problem);
      await m2.presses(second.text('fa', 'share-button-submit'));
      expect(m2.lastReply?.text).toBe(second.text('fa', 'share-submitted'));
      const rows = await second.db.query<{ status: string; industry: string }>('SELECT status, industry FROM experiences');
      expect(rows).toEqual([{ status: 'pending', industry: 'textiles' }]);
    } finally {
      await running?.stop();
      await db.close();
    }
  });
});

describe.each(testDatabases())('who and where, in /share on $name', ({ open }) => {
  const botOn = sharedBot(open);
  describe.each(['fa', 'zh'] as const)('in %s', (language) => {
    it('previews exactly the story a reader gets once it is published', async () => {
      const t = botOn();
      const m = t.member({ language_code: language });
      const reader = t.member({ language_code: language });
      await answerUpToTags(t, m, language);
      await m.presses(t.text(language, 'share-skip'));
      await aboutTheMember(t, m, language);
      const preview = m.lastReply!.text;
      const header = t.text(language, 'share-preview-header');
      expect(preview.startsWith(`${header}\n\n`)).toBe(true);
      await m.presses(t.text(language, 'share-button-submit'));

      const saved = await savedContribution(t, m);
      expect(saved).toMatchObject({ country: 'IR', contributor: { name: m.user.first_name } });
      await t.app.experiences.setStatus(saved.id, 'published');
      await reader.says(`/start exp_${saved.externalId}`);
      expect(reader.lastReply?.text).toBe(preview.slice(header.length + 2));
    });

    it('shares anonymously when the member says so: no name in the preview or in what is stored', async () => {
      const t = botOn();
      const m = t.member({ language_code: language });
      await answerUpToTags(t, m, language);
      await m.presses(t.text(language, 'share-skip'));
      await aboutTheMember(t, m, language, { named: false });
      expect(m.lastReply?.text).not.toContain(m.user.first_name);
      expect(linesOf(m.lastReply!.text)).toContain(STORIES[language].title);
      await m.presses(t.text(language, 'share-button-submit'));
      const saved = await savedContribution(t, m);
      expect(saved.contributor).toEqual({ memberId: (await t.app.community.members.getByTelegramId(m.user.id))!.id });
      expect(saved.country).toBe('IR');
    });
  });

  it('takes the country and company from the profile: no country question, and the credit shows name and company', async () => {
    const t = botOn();
    const m = t.member({ language_code: 'en', first_name: 'Leila' });
    await m.says('/start');
    const id = (await t.app.community.members.getByTelegramId(m.user.id))!.id;
    await t.app.community.saveProfile(id, { company: 'Saffron & Co', country: 'CN', industry: 'food' });
    await answerUpToTags(t, m, 'en');
    await m.presses(t.text('en', 'share-skip'));
    // The locale texts are HTML: the company's & is written escaped there, as the bot sends it.
    const creditHtml = t.plainText('en', 'bot-story-contributor', { who: 'Leila, Saffron &amp; Co' });
    const credit = t.text('en', 'bot-story-contributor', { who: 'Leila, Saffron &amp; Co' });
    expect(credit).toBe('Shared by Leila, Saffron & Co');
    expect(m.lastReply?.text).toBe(t.text('en', 'share-ask-named', { credit: creditHtml }));
    await m.presses(t.text('en', 'share-button-named'));
    expect(linesOf(m.lastReply!.text)).toContain(credit);
    expect(linesOf(m.lastReply!.text)).toContain(
      t.text('en', 'bot-story-meta', { country: t.text('en', 'country-CN'), industry: t.text('en', 'industry-food') }),
    );
    await m.presses(t.text('en', 'share-button-submit'));
    expect(await savedContribution(t, m)).toMatchObject({ country: 'CN', contributor: { name: 'Leila', company: 'Saffron & Co' } });
  });
});

describe.each(['zh', 'en'] as const)('the country step of /share in %s', (language) => {
  it('takes a country typed by its name, as its button shows it', async () => {
    const t = bot();
    const m = t.member({ language_code: language });
    await answerUpToTags(t, m, language);
    await m.presses(t.text(language, 'share-skip'));
    await m.says(language === 'zh' ? '中国' : 'china');
    expect(m.lastReply?.text).toBe(t.text(language, 'share-ask-named', { credit: t.text(language, 'bot-story-contributor', { who: m.user.first_name }) }));
    await m.presses(t.text(language, 'share-button-named'));
    expect(linesOf(m.lastReply!.text)).toContain(
      t.text(language, 'bot-story-meta', { country: t.text(language, 'country-CN'), industry: t.text(language, 'industry-food') }),
    );
  });

  it('takes a typed country code, refuses one that is no country, and the preview can change it', async () => {
    const t = bot();
    const m = t.member({ language_code: language });
    await answerUpToTags(t, m, language);
    await m.presses(t.text(language, 'share-skip'));
    expect(m.lastReply?.text).toBe(t.text(language, 'share-ask-country'));
    await m.says('zz');
    expect(m.lastReply?.text).toBe(t.text(language, 'share-country-invalid'));
    await m.says('tr');
    expect(m.lastReply?.text).toBe(t.text(language, 'share-ask-named', { credit: t.text(language, 'bot-story-contributor', { who: m.user.first_name }) }));
    await m.presses(t.text(language, 'share-button-named'));
    expect(linesOf(m.lastReply!.text)).toContain(
      t.text(language, 'bot-story-meta', { country: t.text(language, 'country-TR'), industry: t.text(language, 'industry-food') }),
    );

    await m.presses(t.text(language, 'share-button-edit'));
    await m.presses(t.text(language, 'share-field-country'));
    await m.presses(t.text(language, 'country-CN'));
    await m.presses(t.text(language, 'share-button-submit'));
    expect((await savedContribution(t, m)).country).toBe('CN');
  });
});
