import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../src/text/language.ts';
import type { Db } from '../../src/db/db.ts';
import { auditTrail, recordAudit } from '../../src/knowledge/experiences/audit.ts';
import { toRecord } from '../../src/knowledge/experiences/rows.ts';
import { MY_WITHDRAW } from '../../src/bot/callbacks.ts';
import { testDatabases } from '../helpers/db.ts';
import { linesLaidOutLeftToRight } from '../helpers/bidi.ts';
import { TelegramTest, type TestMember } from '../helpers/telegram.ts';

let t: TelegramTest | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const STORY: Record<Language, { title: string; problem: string; solution: string; newProblem: string }> = {
  fa: {
    title: 'پرداخت به تأمین‌کنندهٔ چینی از راه صرافی',
    problem: 'بانک ما نمی‌توانست مستقیماً به حساب تأمین‌کننده در چین پول حواله کند.',
    solution: 'با یک صرافی دارای مجوز قرارداد بستیم و به یوآن پرداخت کردیم.',
    newProblem: 'بانک ما به خاطر تحریم‌ها هیچ راهی برای حواله به چین نداشت.',
  },
  zh: {
    title: '通过换汇所向伊朗供应商付款',
    problem: '我们的银行无法直接把货款汇到伊朗供应商的账户，订单因此拖了两个月。',
    solution: '我们和一家持牌换汇所签约，用人民币结算，并保留全部单据。',
    newProblem: '因为制裁，我们的银行拒绝处理任何汇往伊朗的款项，订单停滞。',
  },
  en: {
    title: 'Paying a Chinese supplier through an exchange house',
    problem: 'Our bank could not wire money to the supplier in China at all.',
    solution: 'We signed with a licensed exchange house and paid in yuan.',
    newProblem: 'Because of sanctions our bank refused every transfer to China for months.',
  },
};

/** The start of /my's button for the n-th contribution, numbered as the list is in the member's language. */
const numbered = (language: Language, n: number) => `${new Intl.NumberFormat(language).format(n)}. `;
const linesOf = (text: string) => text.split('\n').map((line) => line.replace(/^\u200F/, ''));

async function memberId(test: TelegramTest, m: TestMember): Promise<number> {
  return (await test.app.community.members.getByTelegramId(m.user.id))!.id;
}

/** A pending contribution of `m`, written in `language`, as /share stores it. */
async function contribute(test: TelegramTest, m: TestMember, language: Language) {
  const story = STORY[language];
  return test.app.experiences.createContribution({
    memberId: await memberId(test, m),
    language,
    country: 'IR',
    industry: 'food',
    tags: [],
    text: { title: story.title, problem: story.problem, solution: story.solution },
    contributor: { name: m.user.first_name },
  });
}

const status = async (db: Db, id: number) => (await db.query<{ status: string }>('SELECT status FROM experiences WHERE id = $1', [id]))[0]?.status;
const problemOf = async (db: Db, id: number, language: Language) =>
  (await db.query<{ problem: string }>('SELECT problem FROM experience_texts WHERE experience_id = $1 AND language = $2', [id, language]))[0]?.problem;

/** term_stats must still equal the document frequencies recomputed from the texts. */
async function expectTermStatsExact(db: Db) {
  const recomputed = await db.query<{ term: string; df: number }>(
    `SELECT term, count(DISTINCT t.id)::int AS df FROM experience_texts t, unnest(string_to_array(t.search_text, ' ')) AS term
     WHERE term <> '' GROUP BY term ORDER BY term`,
  );
  expect(await db.query<{ term: string; df: number }>('SELECT term, df FROM term_stats ORDER BY term')).toEqual(recomputed);
}

describe.each(['fa', 'zh'] as const)('/my opens each contribution, in %s', (language) => {
  it('shows a pending one with its state and the story as readers will see it, with Edit and Withdraw; a rejected one with the reason', async () => {
    t = await TelegramTest.start();
    const m = t.member({ language_code: language });
    await m.says('/start');
    const pending = await contribute(t, m, language);
    const rejected = await contribute(t, m, 'en');
    await t.app.experiences.setStatus(rejected.id, 'rejected');
    // The reason as the review side records it with the rejection.
    await recordAudit(t.db, {
      actorId: null,
      action: 'experience.reject',
      subject: `experience:${rejected.id}`,
      after: { status: 'rejected', reason: 'A duplicate of #12' },
    });

    await m.says('/my');
    const rejectedLine = t.text(language, 'my-rejected-reason', { status: t.text(language, 'my-status-rejected'), reason: 'A duplicate of #12' });
    expect(linesOf(m.lastReply!.text)).toContain(linesOf(rejectedLine)[0]);
    // One button per contribution, numbered as listed, with the start of its title.
    const [first, second, ...more] = m.lastReply!.buttons;
    expect(more).toEqual([]);
    expect(first!.startsWith(`${numbered(language, 1)}${STORY.en.title.slice(0, 20)}`)).toBe(true);
    expect(second!.startsWith(`${numbered(language, 2)}${STORY[language].title.slice(0, 10)}`)).toBe(true);

    await m.presses(numbered(language, 2));
    const open = m.lastReply!;
    expect(linesOf(open.text)[0]).toBe(linesOf(t.text(language, 'my-status-pending'))[0]);
    for (const value of [STORY[language].title, STORY[language].problem, STORY[language].solution]) expect(linesOf(open.text)).toContain(value);
    expect(linesOf(open.text)).toContain(linesOf(t.text(language, 'bot-story-contributor', { who: m.user.first_name }))[0]);
    expect(open.buttons).toEqual([t.text(language, 'my-button-edit'), t.text(language, 'my-button-withdraw')]);
    if (language === 'fa') expect(linesLaidOutLeftToRight(open.message.text ?? '')).toEqual([]);
    expect(pending.status).toBe('pending');

    await m.presses(numbered(language, 1));
    expect(linesOf(m.lastReply!.text)[0]).toBe(linesOf(rejectedLine)[0]);
    expect(m.lastReply?.buttons).toEqual([]);
  });
});

describe.each(testDatabases())('changing a contribution from /my on $name', ({ open }) => {
  describe.each(['fa', 'en'] as const)('in %s', (language) => {
    it('withdraws a pending contribution (audited, staff no longer see it pending) and submits it again', async () => {
      t = await TelegramTest.start({ openDb: open });
      const m = t.member({ language_code: language });
      await m.says('/start');
      const e = await contribute(t, m, language);
      await m.says('/my');
      await m.presses(numbered(language, 1));
      await m.presses(t.text(language, 'my-button-withdraw'));
      expect(m.lastReply?.text).toBe(t.text(language, 'my-withdrawn'));
      expect(await status(t.db, e.id)).toBe('draft');

      await m.says('/my');
      expect(m.lastReply?.text).toContain(t.text(language, 'my-status-draft').replace(/^\u200F/, ''));
      await m.presses(numbered(language, 1));
      expect(m.lastReply?.buttons).toEqual([t.text(language, 'my-button-resubmit')]);
      await m.presses(t.text(language, 'my-button-resubmit'));
      expect(plainHtml(m.lastReply!.text)).toBe(plainHtml(t.text(language, 'my-resubmitted')));
      expect(await status(t.db, e.id)).toBe('pending');

      const id = await memberId(t, m);
      expect((await auditTrail(t.db, `experience:${e.id}`)).map(({ actorId, action, before, after }) => ({ actorId, action, before, after }))).toEqual([
        { actorId: id, action: 'experience.withdraw', before: { status: 'pending' }, after: { status: 'draft' } },
        { actorId: id, action: 'experience.submit', before: { status: 'draft' }, after: { status: 'pending' } },
      ]);
    });

    it('edits one field with the /share rules, keeps the search index exact, and /cancel leaves it unchanged', async () => {
      t = await TelegramTest.start({ openDb: open });
      const m = t.member({ language_code: language });
      await m.says('/start');
      const e = await contribute(t, m, language);
      await m.says('/my');
      await m.presses(numbered(language, 1));

      await m.presses(t.text(language, 'my-button-edit'));
      expect(m.lastReply?.text).toBe(t.text(language, 'my-edit-which'));
      await m.presses(t.text(language, 'share-field-problem'));
      await m.says('/cancel');
      expect(m.lastReply?.text).toBe(t.text(language, 'my-edit-cancelled'));
      expect(await problemOf(t.db, e.id, language)).toBe(STORY[language].problem);

      await m.presses(t.text(language, 'my-button-edit'));
      await m.presses(t.text(language, 'share-field-problem'));
      const tooShort = await m.says('short');
      expect(tooShort[0]!.text).toBe(t.text(language, 'share-too-short', { length: 5, min: 20, max: 4000 }));
      const replies = await m.says(STORY[language].newProblem);
      expect(replies[0]!.text).toBe(t.text(language, 'my-edit-saved'));
      expect(linesOf(m.lastReply!.text)).toContain(STORY[language].newProblem);
      expect(m.lastReply?.buttons).toEqual([t.text(language, 'my-button-edit'), t.text(language, 'my-button-withdraw')]);
      expect(await problemOf(t.db, e.id, language)).toBe(STORY[language].newProblem);
      expect(await status(t.db, e.id)).toBe('pending');
      await expectTermStatsExact(t.db);

      // After the edit, the member asks questions again.
      await m.says(STORY[language].problem);
      expect(m.lastReply?.buttons).toContain(t.text(language, 'bot-button-ask-community'));
    });

    it('refuses to withdraw or edit once staff decided, and changes nothing', async () => {
      t = await TelegramTest.start({ openDb: open });
      const m = t.member({ language_code: language });
      await m.says('/start');
      const e = await contribute(t, m, language);
      await m.says('/my');
      await m.presses(numbered(language, 1));
      await m.presses(t.text(language, 'my-button-edit'));
      await m.presses(t.text(language, 'share-field-problem'));
      // A curator publishes it while the member types.
      await t.app.experiences.setStatus(e.id, 'published');
      await m.says(STORY[language].newProblem);
      expect(m.lastReply?.text).toBe(t.text(language, 'my-not-editable'));
      expect(await problemOf(t.db, e.id, language)).toBe(STORY[language].problem);

      await m.presses(t.text(language, 'my-button-withdraw'));
      expect(m.lastReply?.text).toBe(t.text(language, 'my-not-editable'));
      expect(await status(t.db, e.id)).toBe('published');
      expect(await auditTrail(t.db, `experience:${e.id}`)).toEqual([]);
    });
  });

  it('refuses another member pressing a copied Withdraw button', async () => {
    t = await TelegramTest.start({ openDb: open });
    const owner = t.member({ language_code: 'en' });
    const other = t.member({ language_code: 'zh' });
    await owner.says('/start');
    await other.says('/start');
    const e = await contribute(t, owner, 'en');
    const [shown] = await other.says('/my');
    const forged = t.emulator.press(other.user, shown!.message, MY_WITHDRAW.encode({ experienceId: e.id }));
    await t.handled(forged.update_id);
    expect(other.history.at(-1)?.text).toBe(t.text('zh', 'my-gone'));
    expect(await status(t.db, e.id)).toBe('pending');
    expect(await auditTrail(t.db, `experience:${e.id}`)).toEqual([]);
  });
});

describe('editing a contribution with two language versions', () => {
  it('asks which language version to change and changes only that one', async () => {
    t = await TelegramTest.start();
    const m = t.member({ language_code: 'zh' });
    await m.says('/start');
    const e = await contribute(t, m, 'en');
    const record = toRecord(e)!;
    await t.app.experiences.upsertRecords(
      [{ ...record, translations: { zh: { title: STORY.zh.title, problem: STORY.zh.problem, solution: STORY.zh.solution } } }],
      {
        status: 'pending',
      },
    );
    await m.says('/my');
    await m.presses(numbered('zh', 1));
    await m.presses(t.text('zh', 'my-button-edit'));
    expect(m.lastReply?.text).toBe(t.text('zh', 'my-edit-which-language'));
    await m.presses(t.text('zh', 'bot-language-name-zh'));
    await m.presses(t.text('zh', 'share-field-problem'));
    await m.says(STORY.zh.newProblem);
    expect(await problemOf(t.db, e.id, 'zh')).toBe(STORY.zh.newProblem);
    expect(await problemOf(t.db, e.id, 'en')).toBe(STORY.en.problem);
    await expectTermStatsExact(t.db);
  });
});

/** A message's text without the HTML the bot sent it with (the emulator keeps the text only). */
function plainHtml(s: string): string {
  return s.replace(/<[^>]+>/g, '');
}

describe('commands while editing a contribution', () => {
  it('answers /share with what to do, and lets the member leave with /cancel', async () => {
    t = await TelegramTest.start();
    const m = t.member({ language_code: 'en' });
    await m.says('/start');
    await contribute(t, m, 'en');
    await m.says('/my');
    await m.presses(numbered('en', 1));
    await m.presses(t.text('en', 'my-button-edit'));
    await m.says('/share');
    expect(m.lastReply?.text).toBe(t.text('en', 'my-edit-busy'));
    await m.says('/cancel');
    expect(m.lastReply?.text).toBe(t.text('en', 'my-edit-cancelled'));
    await m.says('/share');
    expect(m.lastReply?.text).toBe(t.text('en', 'share-ask-title', { max: 200 }));
  });
});

/** A question put to the community in another language than the answer's: the bot has no problem in the answer's language. */
const QUESTION_ELSEWHERE: Record<Language, { language: Language; text: string }> = {
  fa: { language: 'en', text: 'How can we pay a supplier in China without a letter of credit?' },
  zh: { language: 'fa', text: 'چطور بدون اعتبار اسنادی به تأمین‌کنندهٔ چینی پول بدهیم؟' },
  en: { language: 'zh', text: '没有信用证怎么给中国供应商付款？' },
};

describe.each(testDatabases())('/my, a contribution whose problem the staff have not written yet, on $name', ({ open }) => {
  it.each(['fa', 'zh', 'en'] as const)('in %s: a line saying the staff will write it instead of an empty Problem heading', async (language) => {
    t = await TelegramTest.start({ openDb: open });
    const asker = t.member({ language_code: QUESTION_ELSEWHERE[language].language });
    const m = t.member({ language_code: language });
    await asker.says('/start');
    await m.says('/start');
    // The member answers a question put to the community in another language, as its deep link stores the answer.
    const { openQuestion } = await t.app.community.openQuestions.open({
      questionId: null,
      memberId: await memberId(t, asker),
      ...QUESTION_ELSEWHERE[language],
    });
    const answerer = (await t.app.community.members.getByTelegramId(m.user.id))!;
    const answered = await t.app.community.answerOpenQuestion({
      openQuestionId: openQuestion.id,
      answerer,
      text: STORY[language].solution,
      named: false,
      fallbackLanguage: language,
    });
    expect(answered).toBe('sent');

    await m.says('/my');
    await m.presses(numbered(language, 1));
    const lines = linesOf(m.lastReply!.text);
    expect(lines[0]).toBe(linesOf(t.text(language, 'my-status-pending'))[0]);
    expect(lines).toContain(linesOf(t.text(language, 'bot-story-problem-pending'))[0]);
    expect(lines).not.toContain(t.text(language, 'bot-story-problem'));
    // What the member wrote is there under its own heading.
    expect(lines.slice(lines.indexOf(t.text(language, 'bot-story-solution')))[1]).toBe(STORY[language].solution);
  });
});
