import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anExperience } from '../helpers/experiences.ts';
import { TelegramTest } from '../helpers/telegram.ts';

// Group chats are not served yet (they come with the community work); what a member does there
// must still get a clear word for the private commands, and never a half-started form.
// A group each time: Telegram allows a bot about one message a second in a group, and the
// throttler keeps to that.

let tg: TelegramTest;
beforeAll(async () => {
  tg = await TelegramTest.start({ experiences: [anExperience()] });
});
afterAll(() => tg?.stop());

describe.each(['fa', 'zh', 'en'] as const)('in a group, in %s', (language) => {
  it.each([
    ['/share', 'share-private-only'],
    ['/profile', 'bot-profile-private-only'],
    ['/forget', 'forget-private-only'],
  ])('%s says to use it in a private chat, and starts nothing', async (command, key) => {
    const group = tg.group({ type: 'group', title: 'Iran–China importers' });
    const said = await tg.member({ language_code: language }).inGroup(group).says(command);
    expect(said.map((r) => r.text)).toEqual([tg.text(language, key)]);
    expect(await tg.db.query(`SELECT key FROM sessions WHERE key LIKE $1`, [`%${group.id}%`])).toEqual([]);
  });

  it('lets the group talk: a plain message gets no answer', async () => {
    const member = tg.member({ language_code: language }).inGroup(tg.group());
    expect(await member.says('How do I pay a Chinese supplier through an exchange house?')).toEqual([]);
  });

  it('registers nobody who only talks in a group, until they use the bot in private', async () => {
    const person = tg.member({ language_code: language });
    await person.inGroup(tg.group()).says('How do I pay a Chinese supplier through an exchange house?');
    await person.inGroup(tg.group()).says('/share');
    expect(await tg.app.community.members.getByTelegramId(person.user.id)).toBeUndefined();
    await person.says('/start');
    expect(await tg.app.community.members.getByTelegramId(person.user.id)).toMatchObject({ telegramId: person.user.id });
  });
});

describe('in a forum supergroup', () => {
  it('answers in the topic the member wrote in, and nowhere else', async () => {
    const group = tg.group({ forum: true, title: 'Traders' });
    const lin = tg.member({ language_code: 'en' });
    const inCustoms = lin.inGroup(group, { topic: 'Customs' });
    const inPayments = tg.member({ language_code: 'en' }).inGroup(group, { topic: 'Payments' });
    const said = await inCustoms.says('/share');
    expect(said.map((r) => r.text)).toEqual([tg.text('en', 'share-private-only')]);
    expect(said[0]!.message.message_thread_id).toBe(inCustoms.threadId);
    expect(inPayments.history).toEqual([]);
    // The member's private chat is untouched.
    expect(lin.history).toEqual([]);
  });
});

describe("the bot's own place in chats (my_chat_member)", () => {
  it('being added to a group registers nobody; in a group not enabled the bot says so and leaves (tests/bot/group-chats.test.ts)', async () => {
    const group = tg.group();
    const adder = { id: 990_001, first_name: 'Admin', language_code: 'en' };
    tg.emulator.state.removeBot(group.chat, adder);
    const added = tg.emulator.state.addBot(group.chat, adder);
    await tg.handled(added.update_id);
    expect(await tg.app.community.members.getByTelegramId(adder.id)).toBeUndefined();
    expect(tg.emulator.state.messages(group.id).filter((m) => m.from === 'bot')).toHaveLength(1);
    expect(tg.emulator.state.directory.status(group.id, tg.emulator.botInfo.id)).toBe('left');
  });

  it('a member who used /forget and then blocks the bot stays forgotten', async () => {
    const m = tg.member({ language_code: 'en' });
    await m.says('/start');
    await m.says('/forget');
    await m.presses(tg.text('en', 'forget-button-erase'));
    expect(await tg.app.community.members.getByTelegramId(m.user.id)).toBeUndefined();
    const blocked = tg.emulator.state.blockBot(m.user)!;
    // The bot asks for my_chat_member, so this update reaches it (a test of the harness would hang otherwise).
    await tg.handled(blocked.update_id);
    expect(await tg.db.query('SELECT update_id FROM processed_updates WHERE update_id = $1', [blocked.update_id])).toHaveLength(1);
    expect(await tg.app.community.members.getByTelegramId(m.user.id)).toBeUndefined();
  });
});
