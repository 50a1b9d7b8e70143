import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { until } from '../helpers/bot-process.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest, type TestMember } from '../helpers/telegram.ts';

const QUESTION = 'How do I pay a Chinese supplier through an exchange house?';

describe.each(testDatabases())('answers while Telegram is unwell, on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: [anExperience(), ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  const isAnswer = (text: string) => text !== tg.text('en', 'bot-answer-delayed') && text !== tg.text('en', 'bot-error-apology');
  const sends = (member: TestMember) => tg.emulator.state.calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === member.chatId);
  const answered = (member: TestMember) => member.history.some((r) => r.buttons.length > 0);

  it('a 429 asking for 61 s, a 500 for 22 s, a 502 for 45 s: each answer arrives once after Telegram recovers, no apology, and only the longest wait is announced, never inside the retry_after', async () => {
    const [held, briefly, long] = [tg.member({ language_code: 'en' }), tg.member({ language_code: 'en' }), tg.member({ language_code: 'en' })];
    const { state } = tg.emulator;
    const start = Date.now();
    state.failFor(
      'sendMessage',
      61_000,
      { code: 429, description: 'Too Many Requests: retry after 61', parameters: { retry_after: 61 } },
      { chatId: held.chatId },
    );
    state.failFor('sendMessage', 22_000, { code: 500, description: 'Internal Server Error' }, { chatId: briefly.chatId });
    state.failFor('sendMessage', 45_000, { code: 502, description: 'Bad Gateway' }, { chatId: long.chatId });
    const questions = [held, briefly, long].map((m) => tg.emulator.say(m.user, QUESTION).message!.message_id);

    await until(() => [held, briefly, long].every(answered), 100_000, 'the three answers');

    for (const [i, member] of [held, briefly, long].entries()) {
      const answers = member.history.filter((r) => isAnswer(r.text));
      expect(answers).toHaveLength(1);
      expect(answers[0]!.message.reply_to_message_id).toBe(questions[i]);
      expect(member.history.map((r) => r.text)).not.toContain(tg.text('en', 'bot-error-apology'));
    }
    // Telegram asked for 61 s: after the first try, nothing at all went to that chat before they passed.
    const heldSends = sends(held);
    expect(heldSends.filter((c) => c.at < start + 61_000)).toHaveLength(1);
    expect(held.history).toHaveLength(1);
    // Back after 22 s: the answer came before a member is told of any delay (30 s).
    expect(briefly.history).toHaveLength(1);
    expect(sends(briefly).at(-1)!.at).toBeGreaterThanOrEqual(start + 22_000);
    // Back after 45 s: told once, no earlier than 30 s after asking, that the answer is coming.
    const notices = long.history.filter((r) => r.text === tg.text('en', 'bot-answer-delayed'));
    expect(notices).toHaveLength(1);
    const noticeSent = sends(long).find((c) => c.params.text === tg.app.translator.t('en', 'bot-answer-delayed') && c.at >= start + 45_000);
    expect(noticeSent).toBeDefined();
    expect(sends(long).filter((c) => c.params.text === tg.app.translator.t('en', 'bot-answer-delayed'))[0]!.at).toBeGreaterThanOrEqual(start + 30_000);
  }, 150_000);
});

describe('a long answer whose second part fails', () => {
  const EXPERIENCE = anExperience({ id: 'exp-parts-1' });
  const PARAGRAPH = `Pay through a licensed exchange house and keep the receipt. ${'Details follow. '.repeat(40).trim()}`;
  const LONG = Array.from({ length: 12 }, (_, i) => `${i + 1}) ${PARAGRAPH}`).join('\n\n');
  let llm: FakeOpenAi;
  let tg: TelegramTest;
  beforeAll(async () => {
    llm = await startFakeOpenAi();
    llm.onChat((r) => ({ content: r.messages.some((m) => /you translate/i.test(m.content)) ? '{}' : LONG }));
    tg = await TelegramTest.start({
      env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL },
      experiences: [EXPERIENCE, ...unrelatedExperiences()],
    });
  });
  afterAll(async () => {
    await tg?.stop();
    await llm?.close();
  });

  it('is resumed at that part: the first part is never sent again', async () => {
    const member = tg.member({ language_code: 'en' });
    // Telegram fails the call that follows the first part's acceptance.
    const off = tg.emulator.subscribe((a) => {
      if (a.kind === 'message' && a.message.chat_id === member.chatId) {
        tg.emulator.state.failNext('sendMessage', 502, 'Bad Gateway');
        off();
      }
    });
    const parts = await member.says('How do I pay a Chinese supplier through an exchange house?');
    expect(parts.length).toBeGreaterThan(2);
    expect(
      parts
        .map((p) => p.text)
        .join('\n\n')
        .startsWith(LONG),
    ).toBe(true);
    expect(parts.at(-1)!.buttons.length).toBeGreaterThan(0);
    const calls = tg.emulator.state.calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === member.chatId);
    // Every part once, plus the one failed try of the second part.
    expect(calls).toHaveLength(parts.length + 1);
    expect(calls[1]!.params.text).toBe(calls[2]!.params.text);
    expect(new Set(calls.map((c) => c.params.text)).size).toBe(parts.length);
    // Replying to any part is a follow-up of the question.
    const linked = await tg.db.query<{ message_id: string }>('SELECT message_id FROM answer_messages WHERE chat_id = $1 ORDER BY message_id', [member.chatId]);
    expect(linked.map((r) => Number(r.message_id))).toEqual(parts.map((p) => p.message.message_id));
  });
});

describe('an answer Telegram will not take for longer than DELIVERY_GIVE_UP_AFTER', () => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ env: { DELIVERY_GIVE_UP_AFTER: '4s' }, experiences: [anExperience(), ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  it('is given up and kept as failed with the reason, and never sent after Telegram recovers', async () => {
    const member = tg.member({ language_code: 'en' });
    const recover = tg.emulator.state.failFor('sendMessage', 60_000, { code: 500, description: 'Internal Server Error' }, { chatId: member.chatId });
    tg.emulator.say(member.user, QUESTION);
    const given = () => tg.db.query<{ last_error: string }>("SELECT last_error FROM jobs WHERE kind = 'deliver-answer' AND failed_at IS NOT NULL");
    let failed: { last_error: string }[] = [];
    for (const deadline = Date.now() + 30_000; failed.length === 0 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 200));
      failed = await given();
    }
    expect(failed).toHaveLength(1);
    expect(failed[0]!.last_error).toMatch(/given up \(DELIVERY_GIVE_UP_AFTER is 4 s\)/);
    recover();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(member.history).toEqual([]);
  }, 60_000);
});
