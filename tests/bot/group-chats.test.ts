import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../src/text/language.ts';
import { anExperience } from '../helpers/experiences.ts';
import { plain, TelegramTest, type TestGroup, type TestMember } from '../helpers/telegram.ts';

// The bot in members' groups: it speaks only when addressed, answers in the topic and language
// of the question, within the group's limit, and only in groups that are allowed.

const PAYMENT = anExperience({ id: 'exp-group-pay' });
const TITLES: Record<Language, string> = { fa: PAYMENT.title, zh: PAYMENT.translations!.zh!.title, en: PAYMENT.translations!.en!.title };
const QUESTIONS: Record<Language, string> = {
  fa: 'چطور از طریق صرافی به تأمین‌کننده چینی پرداخت کنم؟',
  zh: '怎么通过换汇所向中国供应商付款？',
  en: 'How do I pay a Chinese supplier through an exchange house?',
};
const ADMIN_ID = 4_242_001;
const CONFIGURED_GROUP = -1_009_999_000_001;
const STAFF_CHAT = -1_009_999_000_002;
const GROUP_LIMIT = 3;

let tg: TelegramTest;
let botAdmin: TestMember;
beforeAll(async () => {
  tg = await TelegramTest.start({
    experiences: [PAYMENT],
    env: { ALLOWED_CHAT_IDS: String(CONFIGURED_GROUP), STAFF_CHAT_ID: String(STAFF_CHAT), GROUP_RATE_LIMIT_PER_MINUTE: String(GROUP_LIMIT) },
    // Telegram allows a bot about one message a second in a group; the emulator does not care
    // (groups.test.ts runs with the throttler).
    bot: { throttle: false },
  });
  await tg.app.community.staff.applyAdminIds([ADMIN_ID]);
  botAdmin = tg.member({ id: ADMIN_ID, language_code: 'en' });
});
afterAll(() => tg?.stop());

const bot = () => `@${tg.emulator.botInfo.username}`;

/** A group an admin of the bot has allowed with /allow. */
async function allowedGroup(options: Parameters<TelegramTest['group']>[0] = {}): Promise<TestGroup> {
  const group = tg.group(options);
  const said = await botAdmin.inGroup(group).says('/allow');
  expect(said.map((r) => r.text)).toEqual([tg.text('en', 'group-allowed')]);
  return group;
}

describe('a question addressed to the bot, in a forum group', () => {
  // A group each, so no test meets the group rate limit.
  let group: TestGroup;
  beforeEach(async () => {
    group = await allowedGroup({ forum: true, title: 'Traders' });
  });

  it.each(['fa', 'zh', 'en'] as const)('/ask in %s is answered as a reply in the same topic, in the language of the question', async (language) => {
    const asker = tg.member({ language_code: 'en' }).inGroup(group, { topic: `Payments ${language}` });
    const elsewhere = tg.member().inGroup(group, { topic: `Customs ${language}` });
    const [answer, ...more] = await asker.says(`/ask ${QUESTIONS[language]}`);
    expect(more).toEqual([]);
    expect(answer!.text).toContain(TITLES[language]);
    expect(answer!.message.message_thread_id).toBe(asker.threadId);
    expect(answer!.message.reply_to_message_id).toBe(asker.lastUpdate!.message!.message_id);
    expect(elsewhere.history).toEqual([]);
    // Nobody who only asked in a group became a member; the question is logged without one.
    expect(await tg.app.community.members.getByTelegramId(asker.user.id)).toBeUndefined();
    const [row] = await tg.db.query<{ member_id: unknown; language: string }>(
      'SELECT member_id, language FROM questions WHERE chat_id = $1 ORDER BY id DESC LIMIT 1',
      [group.id],
    );
    expect(row).toEqual({ member_id: null, language });
  });

  it('/ask@<bot> works like /ask', async () => {
    const asker = tg.member().inGroup(group, { topic: 'Payments' });
    const [answer] = await asker.says(`/ask${bot()} ${QUESTIONS.en}`);
    expect(answer!.text).toContain(TITLES.en);
    expect(answer!.message.message_thread_id).toBe(asker.threadId);
  });

  it('a message that mentions the bot is a question; the mention is not part of it', async () => {
    const asker = tg.member().inGroup(group, { topic: 'Payments' });
    const [answer] = await asker.says(`${bot()} ${QUESTIONS.zh}`);
    expect(answer!.text).toContain(TITLES.zh);
    expect(answer!.message.message_thread_id).toBe(asker.threadId);
    const [row] = await tg.db.query<{ text: string }>('SELECT text FROM questions WHERE chat_id = $1 ORDER BY id DESC LIMIT 1', [group.id]);
    expect(row!.text).toBe(QUESTIONS.zh);
  });

  it("a reply to one of the bot's messages is answered, in the reply's topic and language", async () => {
    const asker = tg.member().inGroup(group, { topic: 'Follow-ups' });
    const [first] = await asker.says(`/ask ${QUESTIONS.en}`);
    const [followUp] = await asker.says(QUESTIONS.fa, { replyTo: first });
    expect(followUp!.text).toContain(TITLES.fa);
    expect(followUp!.message.message_thread_id).toBe(asker.threadId);
    expect(followUp!.message.reply_to_message_id).toBe(asker.lastUpdate!.message!.message_id);
  });

  it("plain messages, replies to other people and other bots' commands are left alone", async () => {
    const talker = tg.member().inGroup(group, { topic: 'Chat' });
    const other = tg.member().inGroup(group, { topic: 'Chat' });
    expect(await talker.says(QUESTIONS.en)).toEqual([]);
    await other.says('Anyone paid through an exchange house?');
    const theirs = tg.emulator.state.messages(group.id).at(-1)!;
    expect(await talker.says(QUESTIONS.en, { replyTo: { message: theirs, text: theirs.text, buttons: [] } })).toEqual([]);
    expect(await talker.says(`/ask@some_other_bot ${QUESTIONS.en}`)).toEqual([]);
    expect(talker.history).toEqual([]);
  });

  it('the buttons under a group answer act for its asker when they are a member, and for nobody else', async () => {
    const person = tg.member({ language_code: 'en' });
    await person.says('/start');
    const asker = person.inGroup(group, { topic: 'Payments' });
    const neighbour = tg.member({ language_code: 'en' }).inGroup(group, { topic: 'Payments' });
    await asker.says(`/ask ${QUESTIONS.en}`);
    await neighbour.presses(tg.text('en', 'bot-button-helpful'));
    // The neighbour never started the bot: told how such buttons become theirs.
    expect(neighbour.toasts).toEqual([tg.plainText('en', 'bot-button-members-only', { bot: bot() })]);
    const member = tg.member({ language_code: 'en' });
    await member.says('/start');
    const memberThere = member.inGroup(group, { topic: 'Payments' });
    await memberThere.presses(tg.text('en', 'bot-button-helpful'));
    expect(memberThere.toasts).toEqual([tg.plainText('en', 'bot-button-not-yours')]);
    expect(await tg.db.query('SELECT 1 FROM feedback f JOIN questions q ON q.id = f.question_id WHERE q.chat_id = $1', [group.id])).toEqual([]);
    await asker.presses(tg.text('en', 'bot-button-helpful'));
    expect(asker.toasts).toEqual([tg.plainText('en', 'bot-feedback-thanks')]);
    expect(await tg.db.query('SELECT 1 FROM feedback f JOIN questions q ON q.id = f.question_id WHERE q.chat_id = $1', [group.id])).toHaveLength(1);
  });

  it('/ask with no question says how to ask', async () => {
    const asker = tg.member({ language_code: 'zh' }).inGroup(group, { topic: 'Payments' });
    expect((await asker.says('/ask')).map((r) => r.text)).toEqual([tg.text('zh', 'group-ask-empty')]);
  });
});

describe('which groups the bot serves', () => {
  it('answers in a group listed in ALLOWED_CHAT_IDS without /allow', async () => {
    const group = tg.group({ id: CONFIGURED_GROUP });
    const [answer] = await tg.member().inGroup(group).says(`/ask ${QUESTIONS.en}`);
    expect(answer!.text).toContain(TITLES.en);
  });

  it('stays silent in a group that is not allowed', async () => {
    const member = tg.member().inGroup(tg.group());
    expect(await member.says(`/ask ${QUESTIONS.en}`)).toEqual([]);
    expect(await member.says(`${bot()} ${QUESTIONS.en}`)).toEqual([]);
  });

  it('/allow is refused to anyone who is not an admin of the bot, curators and group admins included', async () => {
    const group = tg.group();
    const curator = tg.member({ language_code: 'en' });
    await curator.says('/start');
    await botAdmin.says('/start');
    await botAdmin.says(`/staff add ${curator.user.id}`);
    for (const person of [tg.member({ language_code: 'fa' }), curator]) {
      const inGroup = person.inGroup(group);
      tg.emulator.state.directory.setStatus(group.id, person.user.id, 'administrator');
      const language = person.user.language_code as Language;
      expect((await inGroup.says('/allow')).map((r) => r.text)).toEqual([tg.text(language, 'group-allow-refused')]);
    }
    expect(await tg.member().inGroup(group).says(`/ask ${QUESTIONS.en}`)).toEqual([]);
    expect((await tg.app.community.groups.standing(group.id)).allowed).toBe(false);
  });

  it('/disallow by an admin of the bot stops the answers; /allow brings them back', async () => {
    const group = await allowedGroup();
    const asker = tg.member().inGroup(group);
    expect((await botAdmin.inGroup(group).says('/disallow')).map((r) => r.text)).toEqual([tg.text('en', 'group-disallowed')]);
    expect(await asker.says(`/ask ${QUESTIONS.en}`)).toEqual([]);
    await botAdmin.inGroup(group).says('/allow');
    expect((await asker.says(`/ask ${QUESTIONS.en}`))[0]!.text).toContain(TITLES.en);
  });

  it('added to a group that is not enabled, says so in one line and leaves', async () => {
    const group = tg.group({ title: 'Somewhere else' });
    tg.emulator.state.removeBot(group.chat, botAdmin.user);
    const adder = { id: 4_242_777, first_name: 'Stranger', language_code: 'zh' };
    const added = tg.emulator.state.addBot(group.chat, adder);
    await tg.handled(added.update_id);
    const said = tg.emulator.state.messages(group.id).filter((m) => m.from === 'bot');
    expect(said.map((m) => plain(m.text))).toEqual([tg.plainText('zh', 'group-not-enabled', { chatId: String(group.id) })]);
    expect(said[0]!.text.split('\n')).toHaveLength(1);
    expect(said[0]!.text).toContain(String(group.id));
    expect(tg.emulator.state.directory.status(group.id, tg.emulator.botInfo.id)).toBe('left');
    expect(tg.emulator.state.calls.filter((c) => c.method === 'leaveChat' && Number(c.params.chat_id) === group.id)).toHaveLength(1);
  });

  it('added to the staff chat by anyone, the bot stays', async () => {
    const group = tg.group({ id: STAFF_CHAT, title: 'Staff' });
    tg.emulator.state.removeBot(group.chat, botAdmin.user);
    const added = tg.emulator.state.addBot(group.chat, { id: 4_242_778, first_name: 'Clerk', language_code: 'en' });
    await tg.handled(added.update_id);
    expect(tg.emulator.state.messages(group.id).filter((m) => m.from === 'bot')).toEqual([]);
    expect(tg.emulator.state.directory.status(group.id, tg.emulator.botInfo.id)).toBe('member');
    // Staying is not answering: a curator's reply to a review card there is no question, and an /ask is told where to ask.
    const curator = tg.member({ language_code: 'zh' }).inGroup(group);
    const card = await curator.says(`Looks like a duplicate of the saffron one`);
    expect(card).toEqual([]);
    expect(await curator.says(`${bot()} ${QUESTIONS.en}`)).toEqual([]);
    expect((await curator.says(`/ask ${QUESTIONS.en}`)).map((r) => r.text)).toEqual([tg.text('zh', 'group-ask-staff-chat', { bot: bot() })]);
  });

  it('added by an admin of the bot, the group is allowed at once and the bot stays', async () => {
    const group = tg.group();
    tg.emulator.state.removeBot(group.chat, botAdmin.user);
    const added = tg.emulator.state.addBot(group.chat, botAdmin.user);
    await tg.handled(added.update_id);
    expect(tg.emulator.state.messages(group.id).filter((m) => m.from === 'bot')).toEqual([]);
    expect(tg.emulator.state.directory.status(group.id, tg.emulator.botInfo.id)).toBe('member');
    expect((await tg.member().inGroup(group).says(`/ask ${QUESTIONS.en}`))[0]!.text).toContain(TITLES.en);
  });
});

describe('the group rate limit', () => {
  it(`answers ${GROUP_LIMIT} questions a minute in a group, then says once when it can answer again`, async () => {
    const group = await allowedGroup();
    const askers = [tg.member(), tg.member(), tg.member()].map((m) => m.inGroup(group));
    for (let i = 0; i < GROUP_LIMIT; i++) expect((await askers[i % 2]!.says(`/ask ${QUESTIONS.en}`))[0]!.text).toContain(TITLES.en);
    const notice = await askers[2]!.says(`/ask ${QUESTIONS.en}`);
    expect(notice).toHaveLength(1);
    const seconds = /(\d+) seconds/.exec(notice[0]!.text)?.[1];
    expect(Number(seconds)).toBeGreaterThan(0);
    expect(Number(seconds)).toBeLessThanOrEqual(60);
    expect(notice[0]!.text).toBe(tg.text('en', 'group-rate-limited', { limit: GROUP_LIMIT, seconds: Number(seconds) }));
    // Later questions in the window are refused in silence, from anyone in the group.
    expect(await askers[0]!.says(`${bot()} ${QUESTIONS.en}`)).toEqual([]);
    expect(await askers[1]!.says(`/ask ${QUESTIONS.en}`)).toEqual([]);
    // Another group has its own count.
    const other = await allowedGroup();
    expect((await tg.member().inGroup(other).says(`/ask ${QUESTIONS.en}`))[0]!.text).toContain(TITLES.en);
  });
});

describe("/settings, for the group's own admins", () => {
  it('a group admin sets the language of the bot and switches answering off and on', async () => {
    const group = await allowedGroup();
    const admin = tg.member({ language_code: 'en' }).inGroup(group);
    tg.emulator.state.directory.setStatus(group.id, admin.user.id, 'administrator');
    const [settings] = await admin.says('/settings');
    expect(settings!.text).toBe(
      tg.text('en', 'group-settings-title', { language: tg.text('en', 'group-settings-language-auto'), answering: tg.text('en', 'group-settings-on') }),
    );
    await admin.presses('grp:lang:fa');
    const edited = tg.emulator.state.messages(group.id).find((m) => m.message_id === settings!.message.message_id)!;
    expect(plain(edited.text)).toBe(
      tg.text('fa', 'group-settings-title', { language: tg.text('fa', 'bot-language-name-fa'), answering: tg.text('fa', 'group-settings-on') }),
    );
    await admin.presses('grp:answer:0');
    const asker = tg.member().inGroup(group);
    // Switched off, the bot answers nothing; an /ask, addressed to it by name, is told so, not met with silence.
    expect(await asker.says(`${bot()} ${QUESTIONS.en}`)).toEqual([]);
    expect((await asker.says(`/ask ${QUESTIONS.en}`)).map((r) => r.text)).toEqual([tg.text('fa', 'group-answering-off', { bot: bot() })]);
    // The bot's own words there are now in Persian, for everyone.
    expect((await asker.says('/ask')).map((r) => r.text)).toEqual([]);
    await admin.presses('grp:answer:1');
    expect((await asker.says('/ask')).map((r) => r.text)).toEqual([tg.text('fa', 'group-ask-empty')]);
    // An English question is still answered in English.
    expect((await asker.says(`/ask ${QUESTIONS.en}`))[0]!.text).toContain(TITLES.en);
  });

  it('in a private chat, /settings points to /language', async () => {
    const member = tg.member({ language_code: 'fa' });
    expect((await member.says('/settings')).map((r) => r.text)).toEqual([tg.text('fa', 'group-settings-private-only')]);
  });

  it("is refused to a member who is not the group's admin, by command and by button", async () => {
    const group = await allowedGroup();
    const admin = tg.member({ language_code: 'en' }).inGroup(group);
    tg.emulator.state.directory.setStatus(group.id, admin.user.id, 'administrator');
    await admin.says('/settings');
    const member = tg.member({ language_code: 'zh' }).inGroup(group);
    expect((await member.says('/settings')).map((r) => r.text)).toEqual([tg.text('zh', 'group-settings-refused')]);
    await member.presses('grp:answer:0');
    expect(member.toasts).toEqual([tg.plainText('zh', 'group-settings-refused')]);
    expect(await tg.app.community.groups.standing(group.id)).toEqual({ allowed: true, answering: true });
    // An admin of the group who was demoted meanwhile is refused too: Telegram is asked at each press.
    tg.emulator.state.directory.setStatus(group.id, admin.user.id, 'member');
    await admin.presses('grp:answer:0');
    expect(admin.toasts).toEqual([tg.plainText('en', 'group-settings-refused')]);
    expect((await tg.app.community.groups.standing(group.id)).answering).toBe(true);
  });
});
