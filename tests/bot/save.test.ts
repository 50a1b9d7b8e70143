import { afterAll, beforeAll, describe, expect, it as anyIt } from 'vitest';
import type { ChatMessage } from '../../src/emulator/index.ts';
import { housekeepingJobs } from '../../src/jobs/housekeeping.ts';
import { createJobRunner } from '../../src/jobs/runner.ts';
import { auditTrail } from '../../src/knowledge/experiences/audit.ts';
import { createLogger } from '../../src/log.ts';
import { testDatabases } from '../helpers/db.ts';
import { SAVED_MESSAGE_CHOICE } from '../../src/bot/callbacks.ts';
import { plain, pressForged, TelegramTest, type Reply, type TestGroup, type TestMember } from '../helpers/telegram.ts';

// A file's tests follow on from each other, even in the databases' suites that run side by side below.
const it = anyIt.sequential;

// /save in a members' group: a curator or a group admin keeps a valuable message; its author is
// asked in a private chat and decides whether it is kept and named; the staff review it.

const STAFF_CHAT_ID = -1_000_000_000_101;
const GROUP_ID = -1_000_000_000_102;
const GROUP_TITLE = 'Iran–China traders';
const ADMIN = 910_001;
const CURATOR = 910_002;
const ANSWERS = {
  fa: 'ما از طریق یک صرافی در ارومچی پول را به حساب یوانی تأمین‌کننده فرستادیم و رسید بانکی را همان روز گرفتیم.',
  zh: '我们通过乌鲁木齐的一家换汇所把货款汇到了供应商的人民币账户，当天就拿到了银行回单。',
  en: 'We paid the supplier through an exchange house in Urumqi into their yuan account and had the bank receipt the same day.',
};
const PROBLEM = 'How do I pay a Chinese supplier without a letter of credit?';

// Each database's run has its own bot and database: the two run side by side.
describe.concurrent.each(testDatabases())('/save in a group, on $name', ({ open }) => {
  let tg: TelegramTest;
  let group: TestGroup;
  let staffChat: TestGroup;
  let curator: TestMember;
  let admin: TestMember;

  beforeAll(async () => {
    tg = await TelegramTest.start({
      openDb: open,
      env: { STAFF_CHAT_ID: String(STAFF_CHAT_ID), ALLOWED_CHAT_IDS: String(GROUP_ID), ADMIN_IDS: String(ADMIN) },
      bot: { throttle: false },
    });
    staffChat = tg.group({ id: STAFF_CHAT_ID, title: 'SME Bridge staff' });
    group = tg.group({ id: GROUP_ID, title: GROUP_TITLE, forum: true });
    await tg.app.community.staff.applyAdminIds(tg.app.config.adminTelegramIds);
    expect(await tg.app.community.staff.setRole({ actorTelegramId: ADMIN, targetTelegramId: CURATOR, role: 'curator' })).toMatchObject({ kind: 'done' });
    curator = tg.member({ id: CURATOR, first_name: 'Sara', language_code: 'en' }).inGroup(group, { topic: 'Payments' });
    admin = tg.member({ id: ADMIN, first_name: 'Admin', language_code: 'en' }).inGroup(group, { topic: 'Payments' });
  });
  afterAll(async () => {
    await tg?.stop();
  });

  const staffPosts = () => tg.emulator.state.messages(STAFF_CHAT_ID).filter((m) => m.from === 'bot');
  const cardsOf = (text: string) => staffPosts().filter((m) => plain(m.text).includes(text.slice(0, 30)));

  /** A member who started the bot in private (`started`), writing `text` in the group's Payments topic; returns them and that message. */
  async function authorWrites(text: string, options: { language: 'fa' | 'zh' | 'en'; name: string; started?: boolean }) {
    const person = tg.member({ first_name: options.name, language_code: options.language });
    if (options.started !== false) await person.says('/start');
    const inGroup = person.inGroup(group, { topic: 'Payments' });
    await inGroup.says(text);
    const message = tg.emulator.state.messages(GROUP_ID).at(-1)!;
    expect(message.text).toBe(text);
    return { person, message: asReply(message) };
  }
  const asReply = (message: ChatMessage): Reply => ({ message, text: plain(message.text), buttons: [] });

  async function experienceOf(text: string) {
    const rows = await tg.db.query<{ id: string; status: string; contributor_member_id: string | null; contributor_name: string | null; source: string }>(
      `SELECT e.id, e.status, e.contributor_member_id, e.contributor_name, e.source FROM experiences e JOIN experience_texts t ON t.experience_id = e.id WHERE t.solution = $1`,
      [text],
    );
    return rows.map((r) => ({ ...r, id: Number(r.id), contributor_member_id: r.contributor_member_id === null ? null : Number(r.contributor_member_id) }));
  }

  it('by a curator, with the author’s consent to be named: credited, and its review card shows it', async () => {
    const { person, message } = await authorWrites(ANSWERS.fa, { language: 'fa', name: 'Reza' });
    const [confirmation, ...more] = await curator.says(`/save ${PROBLEM}`, { replyTo: message });
    expect(more).toEqual([]);
    expect(confirmation!.text).toBe(tg.text('en', 'save-done-asked'));
    expect(confirmation!.message.message_thread_id).toBe(curator.threadId);
    expect(confirmation!.message.reply_to_message_id).toBe(curator.lastUpdate!.message!.message_id);
    await tg.outboxSent();

    // Held out of review until the author answers; they are asked in Persian, in private.
    const [held] = await experienceOf(ANSWERS.fa);
    expect(held).toMatchObject({ status: 'draft', contributor_member_id: null, source: 'group' });
    expect(cardsOf(ANSWERS.fa)).toEqual([]);
    const question = person.history.at(-1)!;
    expect(question.text).toBe(tg.text('fa', 'save-consent-question', { group: GROUP_TITLE, text: ANSWERS.fa, days: 7 }));
    expect(question.buttons).toEqual([
      tg.text('fa', 'save-consent-button-named', { who: 'Reza' }),
      tg.text('fa', 'save-consent-button-anonymous'),
      tg.text('fa', 'save-consent-button-declined'),
    ]);

    await person.presses(tg.text('fa', 'save-consent-button-named', { who: 'Reza' }));
    expect(person.lastReply!.text).toBe(tg.text('fa', 'save-consent-named'));
    await tg.outboxSent();
    const reza = (await tg.app.community.members.getByTelegramId(person.user.id))!;
    const [kept] = await experienceOf(ANSWERS.fa);
    expect(kept).toMatchObject({ status: 'pending', contributor_member_id: reza.id, contributor_name: 'Reza' });
    const [card] = cardsOf(ANSWERS.fa);
    expect(plain(card!.text)).toContain('👤 Reza');
    expect(plain(card!.text)).toContain(PROBLEM);
    expect(plain(card!.text)).not.toContain(tg.text('en', 'curation-warning-problem-missing'));

    // Its buttons are gone; a press on one kept from before (or forged) changes nothing, and another member's is refused.
    expect(person.lastReply!.buttons).toEqual([]);
    const [{ id: saveId }] = (await tg.db.query<{ id: string }>('SELECT id FROM saved_messages WHERE experience_id = $1', [kept!.id])) as [{ id: string }];
    const declined = SAVED_MESSAGE_CHOICE.encode({ saveId: Number(saveId), choice: 'declined' });
    expect(await pressForged(tg, person, declined)).toEqual([tg.text('fa', 'save-consent-already')]);
    const stranger = tg.member({ language_code: 'en' });
    await stranger.says('/start');
    expect(await pressForged(tg, stranger, declined)).toEqual([tg.text('en', 'bot-button-not-yours')]);
    expect((await experienceOf(ANSWERS.fa)).map((e) => e.status)).toEqual(['pending']);

    const trail = await auditTrail(tg.db, `experience:${kept!.id}`);
    expect(trail.map((a) => [a.action, a.after?.consent ?? a.after?.saved_by])).toEqual([
      ['experience.save', 'curator'],
      ['experience.consent', 'named'],
    ]);
  });

  it('by an admin of the bot, the author declines: discarded, nothing in review', async () => {
    const { person, message } = await authorWrites(ANSWERS.zh, { language: 'zh', name: 'Li' });
    expect((await admin.says('/save', { replyTo: message })).map((r) => r.text)).toEqual([tg.text('en', 'save-done-asked')]);
    await tg.outboxSent();
    const [held] = await experienceOf(ANSWERS.zh);
    await person.presses(tg.text('zh', 'save-consent-button-declined'));
    expect(person.lastReply!.text).toBe(tg.text('zh', 'save-consent-declined'));
    await tg.outboxSent();
    expect(await experienceOf(ANSWERS.zh)).toEqual([]);
    expect(cardsOf(ANSWERS.zh)).toEqual([]);
    expect((await tg.app.community.curation.nextForReview(ADMIN, STAFF_CHAT_ID)).kind).not.toBe('card');
    const trail = await auditTrail(tg.db, `experience:${held!.id}`);
    expect(trail.map((a) => [a.action, a.after?.consent ?? a.after?.saved_by])).toEqual([
      ['experience.save', 'admin'],
      ['experience.consent', 'declined'],
    ]);
    // Saving it again does not bring it back.
    expect((await curator.says('/save', { replyTo: message })).map((r) => r.text)).toEqual([tg.text('en', 'save-already')]);
    expect(await experienceOf(ANSWERS.zh)).toEqual([]);
  });

  it('the author does not answer within 7 days: kept without a name by the housekeeping job; the card says the problem is missing', async () => {
    const text = `The fee was 1.5 percent. ${ANSWERS.en}`;
    const { message } = await authorWrites(text, { language: 'en', name: 'John' });
    await curator.says('/save', { replyTo: message });
    await tg.outboxSent();
    const { handlers, schedules } = housekeepingJobs({
      db: tg.db,
      embedNewTexts: async () => 0,
      keepUnansweredSavedMessages: () => tg.app.community.savedMessages.keepUnanswered(),
    });
    const keep = {
      handlers: { 'keep-unanswered-saved-messages': handlers['keep-unanswered-saved-messages']! },
      schedules: schedules.filter((s) => s.kind === 'keep-unanswered-saved-messages'),
    };
    const housekeeping = () => createJobRunner({ db: tg.db, logger: createLogger('silent'), ...keep }).runDue();

    // Six days on, it still waits for its author.
    await tg.db.query(`UPDATE saved_messages SET created_at = now() - interval '6 days' WHERE state = 'asked'`);
    expect(await housekeeping()).toBe(1);
    expect((await experienceOf(text)).map((e) => e.status)).toEqual(['draft']);

    await tg.db.query(`UPDATE saved_messages SET created_at = now() - interval '7 days 1 minute' WHERE state = 'asked'`);
    // The next hour's run.
    await tg.db.query(`DELETE FROM jobs WHERE kind = 'keep-unanswered-saved-messages'`);
    await housekeeping();
    await tg.outboxSent();
    const [kept] = await experienceOf(text);
    expect(kept).toMatchObject({ status: 'pending', contributor_member_id: null, contributor_name: null });
    const [card] = cardsOf(text);
    expect(plain(card!.text)).toContain(`👤 ${tg.text('en', 'curation-card-anonymous')}`);
    expect(plain(card!.text)).toContain(tg.text('en', 'curation-warning-problem-missing'));
    // Not published until a curator writes the problem.
    const reviewer = tg.member({ id: CURATOR, first_name: 'Sara', language_code: 'en' }).inGroup(staffChat);
    await reviewer.presses(tg.text('en', 'curation-button-approve'));
    expect(reviewer.toasts).toEqual([tg.text('en', 'curation-problem-missing')]);
    expect((await experienceOf(text)).map((e) => e.status)).toEqual(['pending']);
    const trail = await auditTrail(tg.db, `experience:${kept!.id}`);
    expect(trail.map((a) => [a.action, a.actorId === null ? 'system' : 'someone', a.after?.consent ?? a.after?.saved_by])).toEqual([
      ['experience.save', 'someone', 'curator'],
      ['experience.consent', 'system', 'no-answer'],
    ]);
  });

  it('by an admin of the group (asked of Telegram), who is no staff of the center', async () => {
    const { message } = await authorWrites(`We asked for a SWIFT copy. ${ANSWERS.en}`, { language: 'en', name: 'Ann' });
    const groupAdmin = tg.member({ language_code: 'fa' }).inGroup(group, { topic: 'Payments' });
    tg.emulator.state.directory.setStatus(GROUP_ID, groupAdmin.user.id, 'administrator');
    expect((await groupAdmin.says('/save', { replyTo: message })).map((r) => r.text)).toEqual([tg.text('fa', 'save-done-asked')]);
    expect((await experienceOf(`We asked for a SWIFT copy. ${ANSWERS.en}`)).map((e) => e.status)).toEqual(['draft']);
  });

  it('by an ordinary member: refused in one line saying who may; nothing is kept', async () => {
    const text = `Ask for the receipt in writing. ${ANSWERS.en}`;
    const { message } = await authorWrites(text, { language: 'en', name: 'Bob' });
    const member = tg.member({ language_code: 'zh' }).inGroup(group, { topic: 'Payments' });
    const [refusal, ...more] = await member.says('/save', { replyTo: message });
    expect(more).toEqual([]);
    expect(refusal!.text).toBe(tg.text('zh', 'save-refused'));
    expect(refusal!.message.message_thread_id).toBe(member.threadId);
    expect(await experienceOf(text)).toEqual([]);
  });

  it('an author who never started the bot: kept without a name at once, its card in the staff chat', async () => {
    const text = `The exchange house was recommended by our bank. ${ANSWERS.en}`;
    const { person, message } = await authorWrites(text, { language: 'en', name: 'Nima', started: false });
    expect((await curator.says('/save', { replyTo: message })).map((r) => r.text)).toEqual([tg.text('en', 'save-done-anonymous')]);
    await tg.outboxSent();
    expect(await experienceOf(text)).toMatchObject([{ status: 'pending', contributor_member_id: null, contributor_name: null }]);
    expect(plain(cardsOf(text)[0]!.text)).toContain(`👤 ${tg.text('en', 'curation-card-anonymous')}`);
    // Nobody said where the author's company is: the card says so, not ISO's "ZZ".
    expect(plain(cardsOf(text)[0]!.text)).toContain(tg.text('en', 'country-ZZ'));
    expect(plain(cardsOf(text)[0]!.text)).not.toContain('ZZ');
    expect(tg.emulator.state.messages(person.user.id)).toEqual([]);
  });

  it('an author who blocked the bot (Telegram refuses the question, 403): kept without a name at once', async () => {
    const text = `It cost us less than a letter of credit. ${ANSWERS.en}`;
    const { person, message } = await authorWrites(text, { language: 'en', name: 'Omid' });
    const blocked = tg.emulator.state.blockBot(person.user);
    if (blocked) await tg.handled(blocked.update_id);
    expect((await curator.says('/save', { replyTo: message })).map((r) => r.text)).toEqual([tg.text('en', 'save-done-asked')]);
    await tg.outboxSent();
    expect(await experienceOf(text)).toMatchObject([{ status: 'pending', contributor_member_id: null }]);
    expect(cardsOf(text)).toHaveLength(1);
  });

  it('saving the same message twice keeps one contribution', async () => {
    const text = `Keep every receipt for customs. ${ANSWERS.en}`;
    const { message } = await authorWrites(text, { language: 'en', name: 'Kai' });
    expect((await curator.says('/save', { replyTo: message })).map((r) => r.text)).toEqual([tg.text('en', 'save-done-asked')]);
    expect((await admin.says('/save', { replyTo: message })).map((r) => r.text)).toEqual([tg.text('en', 'save-already')]);
    expect(await experienceOf(text)).toHaveLength(1);
  });

  it('/save not as a reply says how to use it; a message too short to keep says so', async () => {
    expect((await curator.says('/save')).map((r) => r.text)).toEqual([tg.text('en', 'save-usage')]);
    const { message } = await authorWrites('Thanks!', { language: 'en', name: 'Tom' });
    expect((await curator.says('/save', { replyTo: message })).map((r) => r.text)).toEqual([
      tg.text('en', 'save-too-short', { length: 7, min: 20, max: 4000 }),
    ]);
  });
});
