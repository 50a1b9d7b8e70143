import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anExperience } from '../helpers/experiences.ts';
import { startFakeOpenAi, type FakeOpenAi, type FakeReply } from '../helpers/fake-openai.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { plain, TelegramTest, type TestMember } from '../helpers/telegram.ts';

const EXPERIENCE = anExperience({ id: 'exp-deadline-1' });
const TITLE = EXPERIENCE.translations!.en!.title;
const QUESTION = 'How do I pay a Chinese supplier through an exchange house?';

/** Until the bot has sent `count` messages in the member's chat (or `ms` passed): how long it took. */
async function repliesIn(tg: TelegramTest, member: TestMember, count: number, ms: number): Promise<number> {
  const started = Date.now();
  while (member.history.length < count) {
    if (Date.now() - started > ms) throw new Error(`${member.history.length} of ${count} replies after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

describe('a model server that stalls', () => {
  let llm: FakeOpenAi;
  let tg: TelegramTest;
  const stall = (reply: FakeReply) => llm.onChat(reply);

  describe('within OPENAI_TIMEOUT_MS', () => {
    beforeAll(async () => {
      llm = await startFakeOpenAi();
      tg = await TelegramTest.start({
        env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL, OPENAI_TIMEOUT_MS: '500' },
        experiences: [EXPERIENCE, ...unrelatedExperiences()],
      });
    });
    afterAll(async () => {
      await tg?.stop();
      await llm?.close();
    });

    it.each([
      ['sends headers and then nothing', { stallAfterHeaders: true }],
      ['trickles a byte every 100 ms', { trickleEveryMs: 100 }],
    ] as const)('that %s: the member still gets the answer from the experiences, in seconds', async (_, reply) => {
      stall(reply);
      const member = tg.member({ language_code: 'en' });
      const started = Date.now();
      const [answer] = await member.says(QUESTION);
      // Translation and answer each given up after 0.5 s, retries included.
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(answer!.text).toContain(TITLE);
      expect(answer!.text).toContain(plain(EXPERIENCE.translations!.en!.solution));
    });
  });

  describe('past the question budget', () => {
    beforeAll(async () => {
      llm = await startFakeOpenAi();
      tg = await TelegramTest.start({
        // The model's own limit is far away: only the question's budget ends the wait.
        env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL, OPENAI_TIMEOUT_MS: '120000', QUESTION_BUDGET_MS: '1500' },
        experiences: [EXPERIENCE, ...unrelatedExperiences()],
      });
    });
    afterAll(async () => {
      await tg?.stop();
      await llm?.close();
    });
    it('sends the answer from the experiences once the budget is spent, whatever the model does', async () => {
      stall({ trickleEveryMs: 100 });
      const member = tg.member({ language_code: 'en' });
      const started = Date.now();
      const [answer] = await member.says(QUESTION);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(answer!.text).toContain(TITLE);
    });

    it("answers other members at once while one member's model call stalls", async () => {
      stall({ stallAfterHeaders: true });
      const asker = tg.member({ language_code: 'en' });
      const other = tg.member({ language_code: 'en' });
      tg.emulator.say(asker.user, QUESTION);
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      const [help] = await other.says('/help');
      expect(help!.text).toBe(tg.text('en', 'bot-help'));
      expect(Date.now() - started).toBeLessThan(1_000);
      await repliesIn(tg, asker, 1, 6_000);
    });

    it("does not hold a member's next message behind their stalled question for longer than the budget", async () => {
      stall({ stallAfterHeaders: true });
      const member = tg.member({ language_code: 'en' });
      tg.emulator.say(member.user, QUESTION);
      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      const help = tg.emulator.say(member.user, '/help');
      await tg.handled(help.update_id);
      expect(Date.now() - started).toBeLessThan(1_500 + 2_000);
      // In order: the answer to the question, then the help.
      const texts = member.history.map((m) => m.text);
      expect(texts).toHaveLength(2);
      expect(texts[0]).toContain(TITLE);
      expect(texts[1]).toBe(tg.text('en', 'bot-help'));
    });
  });
});

describe("a chat's update stuck past the budget for another reason (Telegram slow to take its answer)", () => {
  let tg: TelegramTest;
  beforeAll(async () => {
    // No throttler: it would queue the chat's messages behind the slow one whatever the bot does.
    tg = await TelegramTest.start({ env: { QUESTION_BUDGET_MS: '1000' }, experiences: [EXPERIENCE, ...unrelatedExperiences()], bot: { throttle: false } });
  });
  afterAll(async () => {
    await tg?.stop();
  });

  it('lets the next message of the chat go ahead once it has waited the budget', async () => {
    const member = tg.member({ language_code: 'en' });
    // The first /help's reply is held by Telegram for 5 s (answers go through the outbox; a command's reply is the handler's own).
    tg.emulator.state.slowNext('sendMessage', 5_000);
    const first = tg.emulator.say(member.user, '/help');
    let firstDone = false;
    void tg.handled(first.update_id).then(() => (firstDone = true));
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const second = tg.emulator.say(member.user, '/help');
    await tg.handled(second.update_id);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(700);
    expect(waited).toBeLessThan(3_500);
    // The second went out while the first's handler still waited for Telegram.
    expect(firstDone).toBe(false);
    expect(member.history.map((m) => m.text)).toContain(tg.text('en', 'bot-help'));
    await tg.handled(first.update_id);
  });
});
