import { expect, it } from 'vitest';
import { sharedBot } from '../helpers/shared-bot.ts';

// Keyboards laid out two buttons a row leave an empty row after an even list; Telegram's clients
// have no use for one and its documentation does not promise to accept it, so none is sent.
const bot = sharedBot();

/** Every keyboard row the bot sent or edited in, as Telegram received them. */
function rowsSent(calls: readonly { method: string; params: Record<string, unknown> }[]): unknown[][] {
  return calls.flatMap((c) => {
    const markup = c.params.reply_markup as { inline_keyboard?: unknown[][] } | string | undefined;
    const parsed = typeof markup === 'string' ? (JSON.parse(markup) as { inline_keyboard?: unknown[][] }) : markup;
    return parsed?.inline_keyboard ?? [];
  });
}

it.each(['fa', 'zh', 'en'] as const)('/profile sends its country and industry pickers without an empty row of buttons (%s)', async (language) => {
  const t = bot();
  const member = t.member({ language_code: language });
  const from = t.emulator.state.calls.length;
  await member.says('/profile');
  await member.presses(t.text(language, 'bot-button-skip'));
  await member.presses(t.text(language, 'country-IR'));
  const picker = member.lastReply!;
  // The industry picker itself: every industry and the skip button.
  expect(picker.buttons).toContain(t.text(language, 'bot-button-skip'));
  expect(picker.buttons.length).toBeGreaterThan(4);
  const rows = rowsSent(t.emulator.state.calls.slice(from));
  expect(rows.length).toBeGreaterThan(2);
  expect(rows.filter((row) => row.length === 0)).toEqual([]);
});

it('a message sent inside a conversation waits out a 429 like any other: /profile still shows its country picker', async () => {
  const t = bot();
  const member = t.member({ language_code: 'en' });
  await member.says('/profile');
  const from = t.emulator.state.calls.length;
  t.emulator.state.failNext('sendMessage', 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
  const [picker] = await member.presses(t.text('en', 'bot-button-skip'));
  expect(picker!.buttons).toContain(t.text('en', 'country-IR'));
  // Refused once, sent again.
  expect(t.emulator.state.calls.slice(from).filter((c) => c.method === 'sendMessage' && JSON.stringify(c.params).includes('profile:country:IR'))).toHaveLength(
    2,
  );
});
