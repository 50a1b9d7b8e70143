import { Api, GrammyError } from 'grammy';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startBotApiEmulator, type BotApiEmulator } from '../../src/bot/emulator/index.ts';

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
  await expect(api.editMessageReplyMarkup(member.id, sent.message_id, { reply_markup: { inline_keyboard: [[{ text: '👍 ✓', callback_data: 'up' }]] } })).rejects.toThrow(/not modified/);
});

it('closes with a long poll still held', async () => {
  const poll = api.getUpdates({ offset: 0, timeout: 30 }).catch((e: unknown) => e);
  await new Promise((r) => setTimeout(r, 50));
  await emulator.close();
  expect(await poll).toEqual([]);
  emulator = await startBotApiEmulator(); // for afterEach
});
