import { afterAll, beforeAll, describe as anyDescribe, expect, it as anyIt } from 'vitest';
import { monthName } from '../../src/answering/display.ts';
import { createDigestSender, REVIEW_DIGEST_SCHEDULE } from '../../src/bot/digest-sender.ts';
import { outboxApi } from '../../src/bot/outbox-sender.ts';
import { auditTrail } from '../../src/knowledge/experiences/audit.ts';
import { createJobRunner } from '../../src/jobs/runner.ts';
import { queueReviewDigest } from '../../src/jobs/experience-upkeep.ts';
import type { ExperienceRecord } from '../../src/knowledge/experiences/experience.ts';
import { anExperience } from '../helpers/experiences.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { testDatabases } from '../helpers/db.ts';
import { TelegramTest, withLanguageHint, type TestGroup, type TestMember } from '../helpers/telegram.ts';

// A file's tests and blocks follow on from each other, even in the databases' suites that run side by side below.
const describe = anyDescribe.sequential;
const it = anyIt.sequential;

// The emulator numbers groups from 1: the first one a test opens is this chat.
const STAFF_CHAT_ID = -1_000_000_000_001;
const monthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};
// Seven experiences verified years ago (due for review), the rest never verified or verified lately.
const STALE_ON = ['2023-03-10', '2023-06-10', '2023-09-10', '2024-01-15', '2024-02-15', '2024-03-15', '2024-04-15'];
const OTHERS = unrelatedExperiences(2).map((r, i): ExperienceRecord => (i % 2 === 0 && STALE_ON[i / 2] ? { ...r, verified_on: STALE_ON[i / 2]! } : r));
const STALE = OTHERS.filter((r) => r.verified_on);
const PAYMENT = anExperience({ id: 'exp-payment', verified_on: monthsAgo(1) });
// A Persian experience whose English version a model made.
const TRADEMARK = anExperience({
  id: 'exp-trademark',
  industry: 'handicrafts',
  title: 'ثبت علامت تجاری در چین پیش از نمایشگاه',
  problem: 'یک شرکت چینی نام تجاری ما را زودتر ثبت کرده بود.',
  solution: 'با وکیل مالکیت فکری در گوانگجو اعتراض ثبت کردیم و نام را پس گرفتیم.',
  tags: ['trademark'],
  translations: {
    en: {
      title: 'Registering a trademark in China before the trade fair',
      problem: 'A Chinese company had registered our brand name first.',
      solution: 'We filed an opposition with an intellectual property lawyer in Guangzhou and won the name back.',
      machine: true,
    },
  },
});

// Each database's run has its own bot and database: the two run side by side.
anyDescribe.concurrent.each(testDatabases())('keeping knowledge current on $name', ({ open }) => {
  let tg: TelegramTest;
  let staff: TestGroup;
  let curator: TestMember;
  let curatorInStaff: TestMember;

  beforeAll(async () => {
    tg = await TelegramTest.start({
      openDb: open,
      env: { STAFF_CHAT_ID: String(STAFF_CHAT_ID), REVIEW_AFTER_MONTHS: '12' },
      experiences: [PAYMENT, TRADEMARK, ...OTHERS],
      // Telegram allows a bot about one message a second in a group; the emulator does not care.
      bot: { throttle: false },
    });
    staff = tg.group({ title: 'Center staff' });
    expect(staff.id).toBe(STAFF_CHAT_ID);
    curator = tg.member({ language_code: 'en' });
    await curator.says('/start');
    await tg.db.query("UPDATE members SET role = 'curator' WHERE telegram_id = $1", [curator.user.id]);
    curatorInStaff = curator.inGroup(staff);
  });
  afterAll(async () => {
    await tg?.stop();
  });

  /** Runs the digest jobs due now (the weekly one included), as a worker with the bot's token would. */
  const runDigest = () =>
    createJobRunner({
      db: tg.db,
      logger: tg.app.logger,
      handlers: createDigestSender({
        db: tg.db,
        api: outboxApi(tg.emulator.token, tg.emulator.apiRoot),
        translator: tg.app.translator,
        reverification: tg.app.community.reverification,
        staffChatId: tg.app.config.staffChatId,
        reviewAfterMonths: tg.app.config.reviewAfterMonths,
      }),
      schedules: [REVIEW_DIGEST_SCHEDULE],
    }).runDue();
  const staffMessages = () => curatorInStaff.history;
  const experienceRow = async (externalId: string) =>
    (
      await tg.db.query<{ id: number; status: string; verified_on: string | null }>(
        'SELECT id::float8 AS id, status, verified_on::text AS verified_on FROM experiences WHERE external_id = $1',
        [externalId],
      )
    )[0]!;

  describe('answers say when an experience was verified', () => {
    it('shows the month, and that one verified more than REVIEW_AFTER_MONTHS ago is past its review date', async () => {
      const member = tg.member({ language_code: 'en' });
      const [fresh] = await member.says('How do I pay a Chinese supplier through an exchange house?');
      expect(fresh!.text).toContain(tg.plainText('en', 'answer-verified', { month: monthName('en', PAYMENT.verified_on!) }));
      expect(fresh!.text).not.toContain('past its review date');

      const [stale] = await member.says(`${STALE[0]!.title}?`);
      expect(stale!.text).toContain(`Verified ${'March 2023'}: past its review date, it may be out of date.`);
      const persian = tg.member({ language_code: 'fa' });
      const [inPersian] = await persian.says(`${STALE[0]!.translations!.fa!.title}؟`);
      expect(inPersian!.text).toContain(tg.plainText('fa', 'answer-verified-overdue', { month: monthName('fa', STALE_ON[0]!) }));
    });
  });

  describe('readers see which versions a model made', () => {
    it('marks a machine translation in the answer and in the full story', async () => {
      const member = tg.member({ language_code: 'en' });
      const [answer] = await member.says('How do we get our trademark back in China from a company that registered our brand first?');
      expect(answer!.text).toContain(TRADEMARK.translations!.en!.title);
      expect(answer!.text).toContain(tg.plainText('en', 'answer-machine-note'));
      const [story] = await member.presses(`📖 Registering a trademark in China before`);
      expect(story!.text).toContain(tg.text('en', 'bot-story-machine-note'));
      // The Persian original, a person's words, carries no such mark.
      const persian = tg.member({ language_code: 'fa' });
      const [original] = await persian.says('علامت تجاری ما را یک شرکت چینی ثبت کرده؛ چطور پس بگیریم؟');
      expect(original!.text).toContain(TRADEMARK.title);
      expect(original!.text).not.toContain(tg.plainText('fa', 'answer-machine-note'));
    });
  });

  describe('the weekly re-verification digest in the staff chat', () => {
    it('sends one message listing what is due, paged five at a time', async () => {
      expect(await runDigest()).toBe(1);
      expect(await runDigest()).toBe(0);
      const [digest, ...more] = staffMessages();
      expect(more).toEqual([]);
      expect(digest!.text).toContain('Experiences to re-verify: 7 (page 1 of 2)');
      // Oldest verification first; the experiences not yet due are not in it.
      expect(digest!.text).toMatch(new RegExp(`1\\. ${STALE[0]!.title}\\n.*verified March 2023`));
      expect(digest!.text).not.toContain(PAYMENT.translations!.en!.title);
      expect(digest!.buttons).toEqual([...[1, 2, 3, 4, 5].flatMap((n) => [`✅ Still true · ${n}`, `✏️ Edit · ${n}`, `🗄 Archive · ${n}`]), '▶']);
      // Nobody chose the staff chat's language: it ends saying how to have it in Persian or Chinese, as a review card does.
      expect(digest!.text.endsWith(withLanguageHint(tg, ''))).toBe(true);
    });

    it('turns pages in place with ◀ ▶', async () => {
      await curatorInStaff.presses('▶');
      let [digest] = staffMessages();
      expect(digest!.text).toContain('(page 2 of 2)');
      expect(digest!.text).toContain(`6. ${STALE[5]!.title}`);
      expect(digest!.text).toContain(`7. ${STALE[6]!.title}`);
      expect(digest!.text.endsWith(withLanguageHint(tg, ''))).toBe(true);
      expect(digest!.buttons).toContain('◀');
      expect(digest!.buttons).not.toContain('▶');
      await curatorInStaff.presses('◀');
      [digest] = staffMessages();
      expect(digest!.text).toContain('(page 1 of 2)');
    });

    it('refuses a press by someone who is not staff now, and changes nothing', async () => {
      const outsider = tg.member({ language_code: 'en' });
      await outsider.says('/start');
      const outsiderInStaff = outsider.inGroup(staff);
      const before = await experienceRow(STALE[0]!.id);
      await outsiderInStaff.presses('✅ Still true · 1');
      expect(outsiderInStaff.toasts).toEqual([tg.plainText('en', 'bot-digest-refused')]);
      await outsiderInStaff.presses('🗄 Archive · 1');
      expect(outsiderInStaff.toasts).toEqual([tg.plainText('en', 'bot-digest-refused')]);
      await outsiderInStaff.presses('▶');
      expect(outsiderInStaff.toasts).toEqual([tg.plainText('en', 'bot-digest-refused')]);
      expect(await experienceRow(STALE[0]!.id)).toEqual(before);
      expect(staffMessages()[0]!.text).toContain('(page 1 of 2)');
      expect(await auditTrail(tg.db, `experience:${before.id}`)).toEqual([]);

      // A curator removed from the staff is refused the same way.
      await tg.db.query("UPDATE members SET role = 'member' WHERE telegram_id = $1", [curator.user.id]);
      try {
        await curatorInStaff.presses('✅ Still true · 1');
        expect(curatorInStaff.toasts).toEqual([tg.plainText('en', 'bot-digest-refused')]);
        expect(await experienceRow(STALE[0]!.id)).toEqual(before);
      } finally {
        await tg.db.query("UPDATE members SET role = 'curator' WHERE telegram_id = $1", [curator.user.id]);
      }
    });

    it('✅ Still true stamps the verification today, audited, and the digest shows what is left', async () => {
      const { id, verified_on: before } = await experienceRow(STALE[0]!.id);
      await curatorInStaff.presses('✅ Still true · 1');
      expect(curatorInStaff.toasts).toEqual([tg.plainText('en', 'bot-digest-confirmed', { title: STALE[0]!.title })]);
      const [{ today }] = (await tg.db.query<{ today: string }>('SELECT current_date::text AS today')) as [{ today: string }];
      expect(await experienceRow(STALE[0]!.id)).toMatchObject({ status: 'published', verified_on: today });
      const [curatorRow] = await tg.db.query<{ id: number }>('SELECT id::float8 AS id FROM members WHERE telegram_id = $1', [curator.user.id]);
      expect(await auditTrail(tg.db, `experience:${id}`)).toEqual([
        expect.objectContaining({ actorId: curatorRow!.id, action: 'knowledge.verify', before: { verified_on: before }, after: { verified_on: today } }),
      ]);
      const [digest] = staffMessages();
      expect(digest!.text).toContain('Experiences to re-verify: 6 (page 1 of 2)');
      expect(digest!.text).not.toContain(STALE[0]!.title);
      // A member's next question shows the new month, no longer overdue.
      const [answer] = await tg.member({ language_code: 'en' }).says(`${STALE[0]!.title}?`);
      expect(answer!.text).toContain(tg.plainText('en', 'answer-verified', { month: monthName('en', today) }));
    });

    it('🗄 Archive takes it out of answers, audited', async () => {
      const target = STALE[1]!;
      const { id } = await experienceRow(target.id);
      const [digest] = staffMessages();
      expect(digest!.text).toContain(`1. ${target.title}`);
      await curatorInStaff.presses('🗄 Archive · 1');
      expect(curatorInStaff.toasts).toEqual([tg.plainText('en', 'bot-digest-archived', { title: target.title })]);
      expect((await experienceRow(target.id)).status).toBe('archived');
      expect(await auditTrail(tg.db, `experience:${id}`)).toEqual([
        expect.objectContaining({ action: 'experience.archive', before: { status: 'published' }, after: { status: 'archived' } }),
      ]);
      expect(staffMessages()[0]!.text).toContain('Experiences to re-verify: 5 (page 1 of 1)');
      // Answers no longer cite it.
      const answer = await tg.app.answering.answer({ text: target.title, language: 'en' });
      expect(answer.cited.map((c) => c.experience.id)).not.toContain(id);
    });

    it("✏️ Edit continues in the curator's private chat, as a review card's edit does", async () => {
      await curatorInStaff.presses('✏️ Edit · 1');
      expect(curatorInStaff.toasts.at(-1)).toBe(tg.plainText('en', 'curation-edit-in-private'));
      expect(curator.history.at(-1)!.text).toBe(tg.text('en', 'curation-edit-choose-language', { title: STALE[2]!.title }));
    });
  });

  describe('Telegram asking to wait', () => {
    it('puts the digest back for retry_after after a 429, without counting the attempt, then sends it once', async () => {
      const sent = staffMessages().length;
      await queueReviewDigest(tg.db, 'test-429');
      tg.emulator.state.failNext('sendMessage', 429, 'Too Many Requests: retry after 5', { retry_after: 5 });
      expect(await runDigest()).toBe(1);
      expect(staffMessages()).toHaveLength(sent);
      const [job] = await tg.db.query<{ attempts: number; failed_at: Date | null; wait_s: number }>(
        "SELECT attempts, failed_at, extract(epoch FROM run_at - last_error_at)::float8 AS wait_s FROM jobs WHERE kind = 'review-digest' AND unique_key = 'test-429'",
      );
      expect(job).toMatchObject({ attempts: 0, failed_at: null, wait_s: 5 });
      await tg.db.query("UPDATE jobs SET run_at = now() WHERE kind = 'review-digest' AND done_at IS NULL");
      expect(await runDigest()).toBe(1);
      expect(staffMessages()).toHaveLength(sent + 1);
    });
  });

  describe('three 👎 from different members since the last verification', () => {
    const QUESTION = 'How do I pay a Chinese supplier through an exchange house?';
    const unhelpful = async (text: string) => {
      const member = tg.member({ language_code: 'en' });
      await member.says(text);
      await member.presses(tg.plainText('en', 'bot-button-not-helpful'));
      return member;
    };
    const digestJobs = async () =>
      (await tg.db.query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE kind = 'review-digest' AND unique_key LIKE 'thumbs-down:%'"))[0]!.n;

    it('puts the experience in front of staff at once, with the questions those members asked, in the staff chat language', async () => {
      // The staff chat reads Persian; a curator's own toasts stay in their language.
      await tg.db.query(`INSERT INTO chats (chat_id, kind, settings) VALUES ($1, 'supergroup', '{"language": "fa"}')`, [STAFF_CHAT_ID]);
      const first = await unhelpful(QUESTION);
      // The same member voting twice is one member.
      await first.presses(tg.plainText('en', 'bot-button-not-helpful'));
      await unhelpful('Which exchange house can pay a supplier in China for us?');
      expect(await digestJobs()).toBe(0);
      await unhelpful('Paying a Chinese supplier: is an exchange house safe?');
      expect(await digestJobs()).toBe(1);

      const sentBefore = staffMessages().length;
      expect(await runDigest()).toBe(1);
      const digest = staffMessages()[sentBefore]!;
      const { title } = PAYMENT;
      expect(digest.text).toContain(`${tg.text('fa', 'bot-digest-item', { n: 1, title, country: 'x', industry: 'x', verified: 'x' }).split('\n')[0]}`);
      expect(digest.text).toContain(tg.plainText('fa', 'bot-digest-thumbs-down', { count: 3 }));
      // The chat's language chosen, nothing says how to choose it.
      expect(digest.text).not.toContain(tg.text('zh', 'group-posts-language-hint'));
      for (const q of [QUESTION, 'Which exchange house can pay a supplier in China for us?', 'Paying a Chinese supplier: is an exchange house safe?']) {
        expect(digest.text).toContain(`• ${q}`);
      }
      const still = tg.plainText('fa', 'bot-digest-button-still-true', { n: 1 });
      expect(still).toBe('✅ هنوز درست است · ۱');
      expect(digest.buttons.slice(0, 3)).toEqual([
        still,
        tg.plainText('fa', 'bot-digest-button-edit', { n: 1 }),
        tg.plainText('fa', 'bot-digest-button-archive', { n: 1 }),
      ]);

      // Confirmed still true, it leaves the digest: only new 👎 would bring it back.
      await curatorInStaff.presses(still);
      expect(curatorInStaff.toasts).toEqual([tg.plainText('en', 'bot-digest-confirmed', { title: PAYMENT.translations!.en!.title })]);
      expect(staffMessages()[sentBefore]!.text).not.toContain(title);
      await unhelpful(QUESTION);
      expect(await digestJobs()).toBe(1);
    });
  });
});
