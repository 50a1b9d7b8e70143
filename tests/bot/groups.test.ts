import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anExperience } from '../helpers/experiences.ts';
import { plain, TelegramTest } from '../helpers/telegram.ts';

// Group chats are not served yet (they come with the community work); what a member does there
// must still get a clear word for the private commands, and never a half-started form.
// A group each time: Telegram allows a bot about one message a second in a group, and the
// throttler keeps to that.
let nextGroupId = -100_000;

let tg: TelegramTest;
beforeAll(async () => {
  tg = await TelegramTest.start({ experiences: [anExperience()] });
});
afterAll(() => tg?.stop());

let nextMessageId = 1;
/** A member's message in a new group, handled by the bot; returns what the bot said there. */
async function inGroup(language: 'fa' | 'zh' | 'en', userId: number, text: string): Promise<{ said: string[]; group: number }> {
  const group = { id: nextGroupId--, type: 'group' as const, title: 'Iran–China importers' };
  const update: Update = tg.emulator.inject({
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: group,
      from: { id: userId, is_bot: false, first_name: 'Group member', language_code: language },
      text,
      ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {}),
    },
  });
  await tg.handled(update.update_id);
  return { said: tg.emulator.state.messages(group.id).filter((m) => m.from === 'bot').map((m) => plain(m.text ?? '')), group: group.id };
}

describe.each(['fa', 'zh', 'en'] as const)('in a group, in %s', (language) => {
  it.each([
    ['/share', 'share-private-only'],
    ['/profile', 'bot-profile-private-only'],
    ['/forget', 'forget-private-only'],
  ])('%s says to use it in a private chat, and starts nothing', async (command, key) => {
    const { said, group } = await inGroup(language, 7_000 + nextMessageId, command);
    expect(said).toEqual([tg.text(language, key)]);
    expect(await tg.db.query('SELECT key FROM sessions WHERE key = $1', [`conversation:${group}`])).toEqual([]);
  });

  it('lets the group talk: a plain message gets no answer', async () => {
    expect((await inGroup(language, 7_500 + nextMessageId, 'How do I pay a Chinese supplier through an exchange house?')).said).toEqual([]);
  });
});
