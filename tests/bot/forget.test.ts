import { describe as anyDescribe, expect, it as anyIt } from 'vitest';
import type { Language } from '../../src/text/language.ts';
import type { Db } from '../../src/db/db.ts';
import { testDatabases } from '../helpers/db.ts';
import { sharedBot } from '../helpers/shared-bot.ts';
import { plain, TelegramTest, type Reply, type TestMember } from '../helpers/telegram.ts';

// A file's tests and blocks follow on from each other, even in the databases' suites that run side by side below.
const describe = anyDescribe.sequential;
const it = anyIt.sequential;

// One bot per block: each test seeds members of its own and counts rows against what the
// database held before it seeded them.
const bot = sharedBot();

interface Seeded {
  a: TestMember;
  b: TestMember;
  aId: number;
  bId: number;
  aPublished: number;
  aPending: number;
  bPublished: number;
  /** Row counts before the seeding, and the last audit row then: earlier tests' rows stay. */
  before: Record<(typeof COUNTED)[number], number>;
  lastAuditId: number;
}

const COUNTED = ['questions', 'feedback', 'open_questions', 'rate_limits', 'experiences'] as const;

/**
 * Two members, each with a question, feedback, an open question, session rows and contributions;
 * the first (who will forget) speaks `language`.
 */
async function seed(test: TelegramTest, language: Language = 'en'): Promise<Seeded> {
  const counts = await rowCounts(test.db, COUNTED);
  const before = Object.fromEntries(COUNTED.map((table, i) => [table, counts[i]!])) as Seeded['before'];
  const [audit] = await test.db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM audit_log');
  const a = test.member({ language_code: language, first_name: 'Darya', last_name: 'Karimi' });
  const b = test.member({ language_code: 'zh', first_name: 'Wei' });
  await a.says('/start');
  await b.says('/start');
  const { community, experiences, db } = test.app;
  const aId = (await community.members.getByTelegramId(a.user.id))!.id;
  const bId = (await community.members.getByTelegramId(b.user.id))!.id;
  await community.members.updateProfile(aId, { company: 'Karimi Saffron Co', country: 'IR' });

  const contribute = async (memberId: number, title: string, published: boolean) => {
    const e = await experiences.createContribution({
      memberId,
      language: 'en',
      industry: 'agriculture',
      tags: ['saffron'],
      text: { title, problem: `${title}: the problem we had with customs.`, solution: `${title}: what we did about it.` },
      contributor: { name: memberId === aId ? 'Darya Karimi' : 'Wei', company: memberId === aId ? 'Karimi Saffron Co' : 'Wei Trading', city: 'Mashhad' },
    });
    if (published) await experiences.setStatus(e.id, 'published');
    return e.id;
  };
  const aPublished = await contribute(aId, 'Saffron to Shanghai', true);
  const aPending = await contribute(aId, 'Saffron packaging', false);
  const bPublished = await contribute(bId, 'Tea from Hangzhou', true);

  const question = (memberId: number, chatId: number, text: string) =>
    community.questions.record({
      memberId,
      chatId,
      text,
      language: memberId === aId ? language : 'en',
      abstained: true,
      mode: 'offline',
      answerText: 'Nothing found.',
      latencyMs: 5,
      citations: [{ experienceId: bPublished, score: 1 }],
    });
  const qa = await question(aId, a.chatId, 'How do I export saffron to China?');
  const qb = await question(bId, b.chatId, 'How do I import tea?');
  await community.feedback.record({ questionId: qa, memberId: aId, helpful: false });
  await community.feedback.record({ questionId: qb, memberId: aId, helpful: true });
  await community.feedback.record({ questionId: qb, memberId: bId, helpful: true });
  await community.openQuestions.open({ questionId: qa, memberId: aId, text: 'How do I export saffron to China?', language });
  await community.openQuestions.open({ questionId: qb, memberId: bId, text: 'How do I import tea?', language: 'en' });
  await community.rateLimits.hit(`ask:${aId}`, 10);
  await community.rateLimits.hit(`ask:${bId}`, 10);
  // Conversation state as the plugin stores it (versioned), and other plugins' rows.
  for (const key of [`conversation:${a.chatId}`, `session:${a.chatId}`, `session:-100777:${a.user.id}`, `session:${b.chatId}`]) {
    await db.query(`INSERT INTO sessions (key, value) VALUES ($1, $2)`, [key, JSON.stringify({ version: [0, 1], state: {} })]);
  }
  return { a, b, aId, bId, aPublished, aPending, bPublished, before, lastAuditId: audit!.id };
}

const count = async (db: Db, sql: string, params: unknown[] = []) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params))[0]!.n);
const rowCounts = (db: Db, tables: readonly string[]) => Promise.all(tables.map((table) => count(db, table)));

/**
 * Sends /forget and checks the member is told, in their language, what will be erased kind by kind
 * (the fixture's member a: one question, two ratings, one community question, one contribution
 * awaiting review, one published), and asked what becomes of their one published experience.
 */
async function asksToForget(test: TelegramTest, member: TestMember, language: Language) {
  await member.says('/forget');
  const holding = [
    test.text(language, 'forget-holding'),
    test.text(language, 'forget-count-questions', { count: 1 }),
    test.text(language, 'forget-count-feedback', { count: 2 }),
    test.text(language, 'forget-count-open-questions', { count: 1 }),
    test.text(language, 'forget-count-pending', { count: 1 }),
    test.text(language, 'forget-count-published', { count: 1 }),
  ].join('\n');
  expect(member.lastReply?.text).toBe(`${test.text(language, 'forget-explain')}\n\n${holding}\n\n${test.text(language, 'forget-choose', { published: 1 })}`);
  expect(member.lastReply?.buttons).toEqual(['forget-button-delete', 'forget-button-anonymise', 'forget-button-cancel'].map((k) => test.text(language, k)));
}

/** term_stats must still equal the document frequencies recomputed from the texts. */
async function expectTermStatsExact(db: Db) {
  const recomputed = await db.query<{ term: string; df: number }>(
    `SELECT term, count(DISTINCT t.id)::int AS df FROM experience_texts t, unnest(string_to_array(t.search_text, ' ')) AS term
     WHERE term <> '' GROUP BY term ORDER BY term`,
  );
  const stored = await db.query<{ term: string; df: number }>('SELECT term, df FROM term_stats ORDER BY term');
  expect(stored).toEqual(recomputed);
}

async function expectOnlyBLeft(db: Db, s: Seeded) {
  expect(await count(db, 'members WHERE telegram_id = $1', [s.a.user.id])).toBe(0);
  expect(await count(db, 'members WHERE id = $1', [s.bId])).toBe(1);
  expect(await count(db, 'questions WHERE member_id = $1', [s.aId])).toBe(0);
  expect(await count(db, 'questions')).toBe(s.before.questions + 1);
  expect(await count(db, 'feedback WHERE member_id = $1', [s.aId])).toBe(0);
  expect(await count(db, 'feedback')).toBe(s.before.feedback + 1);
  expect(await count(db, 'open_questions')).toBe(s.before.open_questions + 1);
  expect(await count(db, 'rate_limits')).toBe(s.before.rate_limits + 1);
  const keys = (await db.query<{ key: string }>('SELECT key FROM sessions ORDER BY key')).map((r) => r.key);
  expect(keys.filter((k) => k.includes(String(s.a.user.id)))).toEqual([]);
  expect(keys).toContain(`session:${s.b.chatId}`);
  expect(await count(db, 'experiences WHERE id = $1', [s.aPending])).toBe(0);
  expect(await count(db, `experiences WHERE id = $1 AND contributor_member_id = $2 AND contributor_name = 'Wei'`, [s.bPublished, s.bId])).toBe(1);

  const audit = await db.query<{ actor_id: string | null; subject: string | null; details: unknown }>(
    `SELECT actor_id, subject, details FROM audit_log WHERE action = 'member.forget' AND id > $1`,
    [s.lastAuditId],
  );
  expect(audit).toHaveLength(1);
  const written = JSON.stringify(audit[0]);
  for (const personal of ['Darya', 'Karimi', 'Mashhad', 'saffron', String(s.a.user.id)]) expect(written).not.toContain(personal);
  await expectTermStatsExact(db);
}

// Each database's run has its own bot and database: the two run side by side.
anyDescribe.concurrent.each(testDatabases())('/forget on $name', ({ open }) => {
  const botOn = sharedBot(open);
  describe.each(['fa', 'zh', 'en'] as const)('in %s', (language) => {
    it('erases the member and all their experiences when they choose so', async () => {
      const t = botOn();
      const s = await seed(t, language);
      await asksToForget(t, s.a, language);
      await s.a.presses(t.text(language, 'forget-button-delete'));
      expect(s.a.lastReply?.text).toBe(t.text(language, 'forget-done-delete'));
      await expectOnlyBLeft(t.db, s);
      expect(await count(t.db, 'experiences WHERE id = $1', [s.aPublished])).toBe(0);
      expect(await count(t.db, 'experiences')).toBe(s.before.experiences + 1);
    });

    it('erases the member but keeps their published experiences without the contributor when they choose so', async () => {
      const t = botOn();
      const s = await seed(t, language);
      await asksToForget(t, s.a, language);
      await s.a.presses(t.text(language, 'forget-button-anonymise'));
      expect(s.a.lastReply?.text).toBe(t.text(language, 'forget-done-anonymise'));
      await expectOnlyBLeft(t.db, s);
      const [kept] = await t.db.query(
        'SELECT status, contributor_name, contributor_company, contributor_city, contributor_member_id FROM experiences WHERE id = $1',
        [s.aPublished],
      );
      expect(kept).toEqual({ status: 'published', contributor_name: null, contributor_company: null, contributor_city: null, contributor_member_id: null });
      expect((await t.app.experiences.getById(s.aPublished))?.texts.en?.title).toBe('Saffron to Shanghai');
    });

    it('erases nothing when the member keeps everything', async () => {
      const t = botOn();
      const s = await seed(t, language);
      const tables = ['members', 'questions', 'feedback', 'open_questions', 'sessions', 'experiences', 'rate_limits', 'audit_log'];
      const before = await rowCounts(t.db, tables);
      await asksToForget(t, s.a, language);
      await s.a.presses(t.text(language, 'forget-button-cancel'));
      expect(s.a.lastReply?.text).toBe(t.text(language, 'forget-cancelled'));
      expect(await rowCounts(t.db, tables)).toEqual(before);
      expect(await count(t.db, `members WHERE id = $1 AND company = 'Karimi Saffron Co'`, [s.aId])).toBe(1);
      expect(await count(t.db, 'questions WHERE member_id = $1', [s.aId])).toBe(1);
      expect(await count(t.db, 'feedback WHERE member_id = $1', [s.aId])).toBe(2);
      expect(await count(t.db, 'open_questions WHERE member_id = $1', [s.aId])).toBe(1);
      expect(await count(t.db, 'sessions WHERE key = $1', [`conversation:${s.a.chatId}`])).toBe(1);
      expect(await count(t.db, `experiences WHERE contributor_member_id = $1 AND contributor_name = 'Darya Karimi'`, [s.aId])).toBe(2);
    });
  });

  it('changes nothing when any part of the erasure fails (one transaction)', async () => {
    // A bot of its own: the trigger below would refuse every later test's audit row.
    const t = await TelegramTest.start({ openDb: open });
    try {
      const s = await seed(t);
      // The audit row is written last: refusing it must undo everything before it.
      await t.db.exec(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
        CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();`);
      const tables = ['members', 'questions', 'feedback', 'open_questions', 'sessions', 'experiences', 'experience_texts', 'term_stats', 'rate_limits'];
      const before = await rowCounts(t.db, tables);
      await s.a.says('/forget');
      await s.a.presses(t.text('en', 'forget-button-delete'));
      expect(s.a.lastReply?.text).toBe(t.text('en', 'forget-failed'));
      expect(await rowCounts(t.db, tables)).toEqual(before);
      expect(await count(t.db, 'experiences WHERE contributor_member_id = $1', [s.aId])).toBe(2);
    } finally {
      await t.stop();
    }
  });
});

describe('/forget without published experiences', () => {
  it('offers one erase button, in the member’s language; afterwards the member starts afresh', async () => {
    const t = bot();
    const m = t.member({ language_code: 'fa' });
    await m.says('/start');
    await m.says('/forget');
    expect(m.lastReply?.buttons).toEqual([t.text('fa', 'forget-button-erase'), t.text('fa', 'forget-button-cancel')]);
    expect(m.lastReply?.text).toContain(t.text('fa', 'forget-choose', { published: 0 }));
    // A member who only started: nothing to list but the profile.
    expect(m.lastReply?.text).toContain(t.text('fa', 'forget-holding-nothing').replace(/^\u200F/, ''));
    const id = (await t.app.community.members.getByTelegramId(m.user.id))!.id;
    await m.presses(t.text('fa', 'forget-button-erase'));
    expect(m.lastReply?.text).toBe(t.text('fa', 'forget-done-delete'));
    expect(await t.app.community.members.getById(id)).toBeUndefined();

    await m.says('/my');
    expect(m.lastReply?.text).toBe(t.text('fa', 'my-empty'));
    expect((await t.app.community.members.getByTelegramId(m.user.id))?.id).not.toBe(id);
  });

  it('says it will erase the contributions awaiting review and withdrawn, and does', async () => {
    const t = bot();
    const experiencesBefore = await count(t.db, 'experiences');
    const m = t.member({ language_code: 'zh' });
    await m.says('/start');
    const memberId = (await t.app.community.members.getByTelegramId(m.user.id))!.id;
    const contribution = () =>
      t.app.experiences.createContribution({
        memberId,
        language: 'zh',
        industry: 'food',
        tags: [],
        text: { title: '向伊朗供应商付款', problem: '我们的银行无法直接把货款汇到伊朗。', solution: '我们通过持牌换汇所结算，并保留全部单据。' },
        contributor: {},
      });
    await contribution();
    await contribution();
    await t.app.experiences.setStatus((await contribution()).id, 'draft');
    await m.says('/forget');
    expect(m.lastReply?.text).toContain(
      [t.text('zh', 'forget-holding'), t.text('zh', 'forget-count-pending', { count: 2 }), t.text('zh', 'forget-count-draft', { count: 1 })].join('\n'),
    );
    expect(m.lastReply?.buttons).toEqual([t.text('zh', 'forget-button-erase'), t.text('zh', 'forget-button-cancel')]);
    await m.presses(t.text('zh', 'forget-button-erase'));
    expect(await count(t.db, 'experiences')).toBe(experiencesBefore);
  });

  it('stays forgotten when the member then blocks the bot: no update but their own messages and presses brings them back', async () => {
    const t = bot();
    const m = t.member({ language_code: 'en' });
    await m.says('/start');
    await m.says('/forget');
    await m.presses(t.text('en', 'forget-button-erase'));
    const blocked = t.emulator.inject({
      my_chat_member: {
        chat: { id: m.chatId, type: 'private', first_name: m.user.first_name },
        from: { id: m.user.id, is_bot: false, first_name: m.user.first_name },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: 'member', user: { ...t.emulator.botInfo } },
        new_chat_member: { status: 'kicked', until_date: 0, user: { ...t.emulator.botInfo } },
      },
    });
    await t.handled(blocked.update_id);
    expect(await t.app.community.members.getByTelegramId(m.user.id)).toBeUndefined();
  });
});

describe('/forget in the middle of /share', () => {
  it('drops the unfinished contribution and asks what to erase at once, without /cancel first', async () => {
    const t = bot();
    const m = t.member({ language_code: 'en' });
    const conversations = () => count(t.db, `sessions WHERE key LIKE 'conversation:%'`);
    const before = { conversations: await conversations(), experiences: await count(t.db, 'experiences') };
    await m.says('/share');
    await m.says('Paying a supplier in Guangzhou through an exchange house');
    await m.says('/forget');
    expect(m.lastReply?.buttons).toEqual([t.text('en', 'forget-button-erase'), t.text('en', 'forget-button-cancel')]);
    expect(await conversations()).toBe(before.conversations);
    await m.presses(t.text('en', 'forget-button-erase'));
    expect(m.lastReply?.text).toBe(t.text('en', 'forget-done-delete'));
    expect(await count(t.db, 'experiences')).toBe(before.experiences);
  });
});

// Each database's run has its own bot and database: the two run side by side.
anyDescribe.concurrent.each(testDatabases())('/forget of a member whose group messages were saved with /save, on $name', ({ open }) => {
  const GROUP_ID = -1_000_000_000_202;
  const CURATOR = 920_001;

  it('lists and erases the saved messages they never agreed to, and their introductions, whatever they choose for their own experiences', async () => {
    const t = await TelegramTest.start({ openDb: open, env: { ALLOWED_CHAT_IDS: String(GROUP_ID), ADMIN_IDS: String(CURATOR) }, bot: { throttle: false } });
    try {
      await t.app.community.staff.applyAdminIds(t.app.config.adminTelegramIds);
      const group = t.group({ id: GROUP_ID, title: 'Iran–China traders' });
      const curator = t.member({ id: CURATOR, first_name: 'Sara', language_code: 'en' }).inGroup(group);
      const author = t.member({ first_name: 'Reza', language_code: 'fa' });
      await author.says('/start');
      const authorId = (await t.app.community.members.getByTelegramId(author.user.id))!.id;
      const inGroup = author.inGroup(group);
      const saveOf = async (text: string) => {
        await inGroup.says(text);
        const message = t.emulator.state.messages(GROUP_ID).at(-1)!;
        const asReply: Reply = { message, text: plain(message.text), buttons: [] };
        expect((await curator.says('/save', { replyTo: asReply })).map((r) => r.text)).toEqual([t.text('en', 'save-done-asked')]);
        return asReply;
      };
      // One saved message left unanswered for 7 days (kept without a name, then published), one still waiting for the author.
      await saveOf('ما پول را از طریق یک صرافی در ارومچی به حساب یوانی تأمین‌کننده فرستادیم و رسید را همان روز گرفتیم.');
      await t.db.query(`UPDATE saved_messages SET created_at = now() - interval '8 days' WHERE author_member_id = $1`, [authorId]);
      expect(await t.app.community.savedMessages.keepUnanswered()).toBe(1);
      const [unanswered] = await t.db.query<{ id: string }>(
        `SELECT experience_id AS id FROM saved_messages WHERE author_member_id = $1 AND state = 'no-answer'`,
        [authorId],
      );
      await t.app.experiences.setStatus(Number(unanswered!.id), 'published');
      const waiting = await saveOf('برای ترخیص کالا از گمرک بندرعباس همهٔ اسناد را یک هفته زودتر به ترخیص‌کار دادیم.');
      await t.outboxSent();
      // Their own published experience, and an introduction another member asked for under it.
      const own = await t.app.experiences.createContribution({
        memberId: authorId,
        language: 'fa',
        industry: 'food',
        tags: [],
        text: { title: 'صادرات زعفران به شانگهای', problem: 'خریدار چینی گواهی سلامت می‌خواست.', solution: 'گواهی را از آزمایشگاه مرجع در مشهد گرفتیم.' },
        contributor: { name: 'Reza' },
      });
      await t.app.experiences.setStatus(own.id, 'published');
      await t.app.community.introductions.setConsent(authorId, true);
      const asker = t.member({ language_code: 'zh' });
      await asker.says('/start');
      const askerId = (await t.app.community.members.getByTelegramId(asker.user.id))!.id;
      expect(await t.app.community.introductions.request({ askerId, experienceId: own.id, reason: '我们也在出口藏红花，想请教证书的事。' })).toMatchObject({
        kind: 'sent',
      });
      await t.outboxSent();

      await author.says('/forget');
      expect(author.lastReply?.text).toContain(
        [
          t.text('fa', 'forget-holding'),
          t.text('fa', 'forget-count-introductions', { count: 1 }),
          t.text('fa', 'forget-count-saved-messages', { count: 2 }),
          t.text('fa', 'forget-count-published', { count: 1 }),
        ]
          .join('\n')
          .replace(/^\u200F/, ''),
      );
      // Keeping their experiences anonymous keeps their own, never a message they did not agree to.
      await author.presses(t.text('fa', 'forget-button-anonymise'));
      expect(author.lastReply?.text).toBe(t.text('fa', 'forget-done-anonymise'));

      const saves = await t.db.query<{ state: string; experience_id: string | null; author_member_id: string | null }>(
        'SELECT state, experience_id, author_member_id FROM saved_messages WHERE chat_id = $1 ORDER BY id',
        [GROUP_ID],
      );
      expect(saves).toEqual([
        { state: 'forgotten', experience_id: null, author_member_id: null },
        { state: 'forgotten', experience_id: null, author_member_id: null },
      ]);
      expect(await count(t.db, 'experiences WHERE id = $1', [unanswered!.id])).toBe(0);
      expect(await count(t.db, `experiences WHERE source = 'group'`)).toBe(0);
      expect(await count(t.db, 'experiences WHERE id = $1 AND contributor_member_id IS NULL', [own.id])).toBe(1);
      expect(await count(t.db, 'introductions')).toBe(0);
      await expectTermStatsExact(t.db);

      // Seven days on, nothing of the waiting one goes to review; saving the message again does not bring it back.
      await t.db.query(`UPDATE saved_messages SET created_at = now() - interval '8 days'`);
      expect(await t.app.community.savedMessages.keepUnanswered()).toBe(0);
      expect((await curator.says('/save', { replyTo: waiting })).map((r) => r.text)).toEqual([t.text('en', 'save-already')]);
      expect(await count(t.db, `experiences WHERE source = 'group'`)).toBe(0);
      // The question they were asked can no longer be answered.
      await author.presses(t.text('fa', 'save-consent-button-anonymous'));
      expect(author.lastReply?.text ?? author.toasts[0]).toBe(t.text('fa', 'bot-button-not-yours'));
    } finally {
      await t.stop();
    }
  });
});
