import { Api, GrammyError } from 'grammy';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/emulator/index.ts';

let emulator: BotApiEmulator;
let api: Api;
beforeEach(async () => {
  emulator = await startBotApiEmulator({ holdMs: 2_000 });
  api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
});
afterEach(() => emulator.close());

const member = { id: 77, first_name: 'Lin', language_code: 'zh' };

it('holds an empty long poll until an update arrives', async () => {
  const started = Date.now();
  const poll = api.getUpdates({ offset: 0, timeout: 30 });
  setTimeout(() => emulator.say(member, '你好'), 150);
  const updates = await poll;
  expect(updates.map((u) => u.message?.text)).toEqual(['你好']);
  expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  // Confirming with the next offset drops it; a zero-timeout poll (bot.stop's) answers at once.
  expect(await api.getUpdates({ offset: updates[0]!.update_id + 1, timeout: 0 })).toEqual([]);
});

it('refuses HTML Telegram would refuse, and messages over 4,096 characters', async () => {
  await expect(api.sendMessage(member.id, 'a < b', { parse_mode: 'HTML' })).rejects.toThrow(/can't parse entities/);
  await expect(api.sendMessage(member.id, '<b>open', { parse_mode: 'HTML' })).rejects.toThrow(GrammyError);
  await expect(api.sendMessage(member.id, 'x'.repeat(4_097))).rejects.toThrow(/too long/);
  const sent = await api.sendMessage(member.id, '<b>a &lt; b</b> &amp; c', { parse_mode: 'HTML' });
  expect(sent.text).toBe('a < b & c');
});

it('lets a member press a button and shows the edit', async () => {
  const sent = await api.sendMessage(member.id, 'Rate', { reply_markup: { inline_keyboard: [[{ text: '👍', callback_data: 'up' }]] } });
  const update = emulator.press(member, { chat_id: member.id, message_id: sent.message_id }, 'up');
  expect(update.callback_query?.data).toBe('up');
  await api.editMessageReplyMarkup(member.id, sent.message_id, { reply_markup: { inline_keyboard: [[{ text: '👍 ✓', callback_data: 'up' }]] } });
  expect(emulator.state.messages(member.id)[0]!.reply_markup?.inline_keyboard[0]![0]!.text).toBe('👍 ✓');
  await expect(
    api.editMessageReplyMarkup(member.id, sent.message_id, { reply_markup: { inline_keyboard: [[{ text: '👍 ✓', callback_data: 'up' }]] } }),
  ).rejects.toThrow(/not modified/);
});

it('closes with a long poll still held', async () => {
  const poll = api.getUpdates({ offset: 0, timeout: 30 }).catch((e: unknown) => e);
  await new Promise((r) => setTimeout(r, 50));
  await emulator.close();
  expect(await poll).toEqual([]);
  emulator = await startBotApiEmulator(); // for afterEach
});

it('answers a method it does not implement as the Bot API server does: 404 Not Found', async () => {
  const call = api.raw as unknown as Record<string, (p: object) => Promise<unknown>>;
  await expect(call.sendRichMessage!({ chat_id: member.id })).rejects.toMatchObject({ error_code: 404, description: 'Not Found: method not found' });
  // And the methods the bot does call are there: the command menus it registers at start.
  expect(await api.setMyCommands([{ command: 'ask', description: 'Ask' }], { language_code: 'fa' })).toBe(true);
  expect(await api.getMyCommands({ language_code: 'fa' })).toEqual([{ command: 'ask', description: 'Ask' }]);
  expect(await api.getMyCommands()).toEqual([]);
});

it('sends only the update kinds the bot asked for; chat_member only when named', async () => {
  const group = emulator.state.createGroup({ title: 'Importers' });
  emulator.state.joinGroup(group, member);
  emulator.state.blockBot(member);
  const kinds = (updates: { update_id: number }[]) => updates.map((u) => Object.keys(u).find((k) => k !== 'update_id'));
  expect(kinds(await api.getUpdates({ offset: 0, timeout: 0 }))).toEqual(['my_chat_member']);
  emulator.state.joinGroup(group, { id: 78, first_name: 'Sara' });
  emulator.say(member, 'hello');
  expect(kinds(await api.getUpdates({ offset: 0, timeout: 0, allowed_updates: ['message', 'chat_member'] }))).toEqual(['chat_member', 'message']);
});

it('plays group chats: members speak in a supergroup and its forum topics, the bot answers in the topic', async () => {
  const forum = emulator.state.createGroup({ title: 'Iran–China traders', forum: true });
  expect(forum).toMatchObject({ type: 'supergroup', is_forum: true });
  expect(() => emulator.say(member, 'hi', { group: forum })).toThrow(/not a member/);
  emulator.state.joinGroup(forum, member);
  const topic = emulator.state.createTopic(forum, 'Customs', member);
  const update = emulator.say(member, 'Who knows CIFER registration?', { group: forum, threadId: topic });
  expect(update.message).toMatchObject({
    chat: { id: forum.id, type: 'supergroup', title: 'Iran–China traders' },
    from: { id: member.id, first_name: 'Lin' },
    message_thread_id: topic,
    is_topic_message: true,
  });
  const answer = await api.sendMessage(forum.id, 'I do', { message_thread_id: topic, reply_parameters: { message_id: update.message!.message_id } });
  expect(answer).toMatchObject({ chat: { id: forum.id, type: 'supergroup' }, message_thread_id: topic });
  await expect(api.sendMessage(forum.id, 'lost', { message_thread_id: 9_999 })).rejects.toThrow(/message thread not found/);
  expect(await api.getChatMember(forum.id, member.id)).toMatchObject({ status: 'member' });
  expect(await api.getChat(forum.id)).toMatchObject({ title: 'Iran–China traders' });
});

it('refuses to post where the bot was removed or blocked, as Telegram does (403)', async () => {
  const group = emulator.state.createGroup({ type: 'group' });
  emulator.state.removeBot(group, member);
  await expect(api.sendMessage(group.id, 'still here?')).rejects.toMatchObject({
    error_code: 403,
    description: 'Forbidden: bot is not a member of the group chat',
  });
  emulator.state.addBot(group, member);
  expect((await api.sendMessage(group.id, 'back')).chat.type).toBe('group');

  emulator.state.blockBot(member);
  await expect(api.sendMessage(member.id, 'hello?')).rejects.toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
  // Writing to the bot again unblocks it (and Telegram says so with my_chat_member).
  emulator.say(member, '/start');
  expect((await api.sendMessage(member.id, 'welcome back')).text).toBe('welcome back');
});

it('an emulator given an earlier one’s messages keeps each chat as it was: old messages editable, new ones numbered after them', async () => {
  for (let i = 1; i <= 3; i++) await api.sendMessage(member.id, `message ${i}`);
  const kept = emulator.state.messageSnapshot(2);
  await emulator.close();
  emulator = await startBotApiEmulator({ holdMs: 2_000 });
  api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
  emulator.state.restoreMessages(kept);
  expect(emulator.state.messages(member.id).map((m) => [m.message_id, m.text])).toEqual([
    [2, 'message 2'],
    [3, 'message 3'],
  ]);
  expect((await api.sendMessage(member.id, 'message 4')).message_id).toBe(4);
  await api.editMessageText(member.id, 3, 'message 3, edited');
  expect(emulator.state.messages(member.id).map((m) => m.text)).toEqual(['message 2', 'message 3, edited', 'message 4']);
  // The one dropped from the snapshot is gone, as a deleted message is.
  await expect(api.editMessageText(member.id, 1, 'again')).rejects.toThrow(/message to edit not found/);
});
