import { afterAll, beforeAll, describe, expect, it as anyIt } from 'vitest';
import { testDatabases } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import type { ChatMessage } from '../../src/emulator/index.ts';
import { plain, TelegramTest, type Reply, type TestGroup } from '../helpers/telegram.ts';

// A file's tests follow on from each other, even in the databases' suites that run side by side below.
const it = anyIt.sequential;

// The first two groups the emulator makes (checked below).
const STAFF_CHAT_ID = -1_000_000_000_001;
const MEMBERS_GROUP_ID = -1_000_000_000_002;
// Admins from ADMIN_IDS who have never written to the bot in private.
const PERSIAN_ADMIN = 910_001;
const CHINESE_ADMIN = 910_002;

const STORY = {
  title: 'Paying a Chinese supplier with a letter of credit from a Dubai bank',
  problem: 'Our bank could not wire money to the supplier in China, and the order was stuck.',
  solution: 'We opened a letter of credit through a bank in Dubai. The supplier was paid in yuan once the documents were presented.',
};

// Each database's run has its own bot and database: the two run side by side.
describe.concurrent.each(testDatabases())('the staff chat and the members’ group, as curators and members use them, on $name', ({ open }) => {
  let tg: TelegramTest;
  let staffChat: TestGroup;
  let membersGroup: TestGroup;
  /** Parisa, an admin of the staff group too (joining makes her a plain member of it again, so she is made its admin each time). */
  const persianAdmin = () => {
    const parisa = tg.member({ id: PERSIAN_ADMIN, first_name: 'Parisa', last_name: 'Karimi', language_code: 'fa' }).inGroup(staffChat);
    tg.emulator.state.directory.setStatus(STAFF_CHAT_ID, PERSIAN_ADMIN, 'administrator');
    return parisa;
  };
  const reply = (message: ChatMessage): Reply => ({ message, text: plain(message.text), buttons: [] });
  const chineseAdmin = () => tg.member({ id: CHINESE_ADMIN, first_name: 'Li', last_name: 'Wei', language_code: 'zh' });
  const cards = () => tg.emulator.state.messages(STAFF_CHAT_ID).filter((m) => m.from === 'bot' && plain(m.text).includes('📝'));

  /** A member's contribution through the use case /share calls; its review card is posted in the staff chat. */
  const contribute = async (title: string) => {
    const member = tg.member({ language_code: 'en' });
    await member.says('/start');
    const m = (await tg.app.community.members.getByTelegramId(member.user.id))!;
    await tg.app.community.submitContribution({ member: m, draft: { ...STORY, title, industry: 'food', tags: [] }, fallbackLanguage: 'en' });
    await tg.outboxSent();
    return cards().findLast((c) => plain(c.text).includes(title))!;
  };

  beforeAll(async () => {
    tg = await TelegramTest.start({
      openDb: open,
      experiences: [anExperience({ id: 'kb-exchange-house' })],
      env: {
        ADMIN_IDS: `${PERSIAN_ADMIN},${CHINESE_ADMIN}`,
        STAFF_CHAT_ID: String(STAFF_CHAT_ID),
        COMMUNITY_CHAT_IDS: String(MEMBERS_GROUP_ID),
        ALLOWED_CHAT_IDS: String(MEMBERS_GROUP_ID),
      },
      bot: { throttle: false },
    });
    staffChat = tg.group({ title: 'SME Bridge staff' });
    membersGroup = tg.group({ title: 'Iran–China SMEs' });
    expect([staffChat.id, membersGroup.id]).toEqual([STAFF_CHAT_ID, MEMBERS_GROUP_ID]);
    // What `sme-bridge start` does first.
    await tg.app.community.staff.applyAdminIds(tg.app.config.adminTelegramIds);
  });
  afterAll(async () => {
    await tg?.stop();
  });

  it('cards in a staff chat whose language nobody chose say, in Persian and in Chinese, how to have them in that language; /help there says it too', async () => {
    const card = await contribute('Letter of credit from Dubai');
    const text = plain(card.text);
    // In English (nobody chose), and under it the way to Persian and Chinese cards, each in its own language.
    expect(text).toContain(tg.text('en', 'curation-card-similar'));
    expect(text).toContain(tg.text('fa', 'curation-card-language-hint'));
    expect(text).toContain(tg.text('zh', 'curation-card-language-hint'));

    // /help in the staff chat is the staff's, in the asker's language, with the chat's language now and how to change it.
    const [help] = await persianAdmin().says('/help');
    expect(help!.text).toBe(tg.text('fa', 'curation-staff-chat-help', { language: tg.text('fa', 'curation-staff-chat-language-default') }));

    // The admin chooses Persian: the next card is in Persian, without the note.
    // /settings says that unchosen means English cards.
    const [settings] = await persianAdmin().says('/settings');
    expect(settings!.text).toContain(tg.text('fa', 'group-settings-language-auto-staff'));
    await persianAdmin().presses(tg.text('fa', 'bot-language-name-fa'));
    const next = plain((await contribute('Second letter of credit')).text);
    expect(next).toContain(tg.text('fa', 'curation-card-similar'));
    expect(next).not.toContain(tg.text('zh', 'curation-card-language-hint'));
    const [after] = await persianAdmin().says('/help');
    expect(after!.text).toBe(tg.text('fa', 'curation-staff-chat-help', { language: tg.text('fa', 'bot-language-name-fa') }));
  });

  it('names on the card the admin who approved it, though they never wrote to the bot in private', async () => {
    const card = await contribute('Third letter of credit');
    await persianAdmin().presses(tg.text('fa', 'curation-button-approve'), { under: reply(card) });
    const decided = plain(tg.emulator.state.messages(STAFF_CHAT_ID).find((m) => m.message_id === card.message_id)!.text);
    expect(decided).toContain('Parisa Karimi');
    expect(decided).not.toContain(tg.text('fa', 'curation-someone'));
  });

  it('a curator answering a community question who presses ✏️ Edit on a card is told to finish the answer first, not that something went wrong', async () => {
    const asker = tg.member({ language_code: 'fa' });
    await asker.says('/start');
    await asker.says('چطور می‌توانم برای محصولات لبنی مجوز صادرات به چین بگیرم؟');
    await asker.presses(tg.text('fa', 'bot-button-ask-community'));
    await tg.outboxSent();
    const post = tg.emulator.state.messages(MEMBERS_GROUP_ID).findLast((m) => m.from === 'bot')!;
    const curator = chineseAdmin();
    await curator.opensLink(reply(post), tg.text('en', 'community-button-can-answer'));
    expect(curator.lastReply?.text).toContain('مجوز صادرات');

    const card = await contribute('Fourth letter of credit');
    await curator.inGroup(staffChat).presses(tg.text('fa', 'curation-button-edit'), { under: reply(card) });
    await curator.presses(tg.text('zh', 'bot-language-name-en'));
    expect(curator.toasts).toEqual([tg.plainText('zh', 'community-answer-busy')]);
    expect(curator.replies.map((r) => r.text)).not.toContain(tg.text('zh', 'bot-error-apology'));
    // The answer still goes through.
    await curator.says('我们请了当地代理向海关总署提交注册资料，工厂审核通过后三个月拿到了注册号。');
    await curator.presses(tg.text('zh', 'country-CN'));
    await curator.presses(tg.text('zh', 'community-answer-button-anonymous'));
    expect(curator.lastReply?.text).toBe(tg.text('zh', 'community-answer-sent'));
  });

  it('/help in a members’ group says how to ask there, not the private chat’s commands; in the group’s language once its admins chose one', async () => {
    const member = tg.member({ language_code: 'zh' }).inGroup(membersGroup);
    const [help] = await member.says('/help');
    expect(help!.text).toBe(tg.text('zh', 'group-help'));
    await tg.app.community.groups.setLanguage({ chatId: MEMBERS_GROUP_ID, kind: 'supergroup', title: 'Iran–China SMEs' }, 'fa');
    const [again] = await member.says('/help');
    expect(again!.text).toBe(tg.text('fa', 'group-help'));
  });

  it('/help in a staff member’s private chat adds the staff’s commands; a member’s does not', async () => {
    const [staffHelp] = await chineseAdmin().says('/help');
    expect(staffHelp!.text).toBe(`${tg.text('zh', 'bot-help')}\n\n${tg.text('zh', 'bot-help-staff')}`);
    const [memberHelp] = await tg.member({ language_code: 'zh' }).says('/help');
    expect(memberHelp!.text).toBe(tg.text('zh', 'bot-help'));
  });

  it('/review when every waiting contribution already has its card in the staff chat says how many wait, replying to the oldest card', async () => {
    const waiting = await tg.db.query<{ id: string }>(`SELECT id::text FROM experiences WHERE status = 'pending' ORDER BY created_at, id`);
    expect(waiting.length).toBeGreaterThan(1);
    const oldest = cards().find((c) => plain(c.text).includes(`#${waiting[0]!.id} `))!;
    const [said] = await persianAdmin().says('/review');
    expect(said!.text).toBe(tg.text('fa', 'curation-review-none-new', { count: waiting.length }));
    expect(said!.message.reply_to_message_id).toBe(oldest.message_id);
  });

  it('in a members’ group, /my lists nothing for the group to read, /start says what the bot does there, /language points to /settings', async () => {
    const contributor = tg.member({ language_code: 'en' });
    await contributor.says('/start');
    const m = (await tg.app.community.members.getByTelegramId(contributor.user.id))!;
    await tg.app.community.submitContribution({
      member: m,
      draft: { ...STORY, title: 'My private letter of credit', industry: 'food', tags: [] },
      fallbackLanguage: 'en',
    });
    const there = contributor.inGroup(membersGroup);
    expect((await there.says('/my')).map((r) => r.text)).toEqual([tg.text('en', 'my-private-only')]);
    expect((await there.says('/start')).map((r) => r.text)).toEqual([tg.text('fa', 'group-help')]);
    expect((await there.says('/language')).map((r) => r.text)).toEqual([tg.text('en', 'group-language-elsewhere')]);
    // In private, all as before.
    expect((await contributor.says('/my'))[0]!.text).toContain('My private letter of credit');
  });
});
