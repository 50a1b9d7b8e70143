import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_EVERY_MS } from '../../src/bot/answer-preview.ts';
import type { BotAction } from '../../src/emulator/index.ts';
import { anExperience } from '../helpers/experiences.ts';
import { type FakeOpenAi, type FakeReply, isAnyTranslation } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { plain, TelegramTest, type TestMember } from '../helpers/telegram.ts';

const EXPERIENCE = anExperience({ id: 'exp-stream-1' });
const TITLE = EXPERIENCE.translations!.en!.title;
const QUESTION = 'How do I pay a Chinese supplier through an exchange house?';
const SENTENCES = [
  `As in «${TITLE}», pay through a licensed exchange house. `,
  'Ask it for a receipt in both currencies. ',
  'Keep the receipt with the invoice. ',
  'Transfers took about three days. ',
  'Agree the rate on the day you pay. ',
  'Send a copy of the receipt to the supplier.',
];
// Each sentence in three pieces, a piece every 150 ms: about 2.5 s of writing.
const CHUNKS = SENTENCES.flatMap((s) => [s.slice(0, 10), s.slice(10, 25), s.slice(25)]);
const EVERY_MS = 150;
/** How many chunks the fake model has written so far in the current answer. */
let chunksSent = 0;

// One second of Ogg/Opus silence (tests/fixtures/audio): the fake transcription model hears QUESTION in it.
const OGG_OPUS = readFileSync(new URL('../fixtures/audio/silence.ogg', import.meta.url));
const env = (llm: FakeOpenAi, extra: Record<string, string> = {}) => ({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL, ...extra });

/** Everything the bot shows in `member`'s chat while `act` runs: each message's text at that moment, and when. */
async function watch(tg: TelegramTest, member: TestMember, act: () => Promise<unknown>) {
  const seen: { kind: 'message' | 'edit'; messageId: number; text: string; buttons: number; at: number; chunksSent: number }[] = [];
  const off = tg.emulator.subscribe((a: BotAction) => {
    if ((a.kind === 'message' || a.kind === 'edit') && a.message.chat_id === member.chatId)
      seen.push({
        kind: a.kind,
        messageId: a.message.message_id,
        text: plain(a.message.text),
        buttons: (a.message.reply_markup?.inline_keyboard ?? []).flat().length,
        at: Date.now(),
        chunksSent,
      });
  });
  try {
    await act();
  } finally {
    off();
  }
  return { seen };
}

describe('with a model that streams its answer', () => {
  const llm = fakeOpenAiPerFile();
  let tg: TelegramTest;
  beforeAll(async () => {
    llm.onChat((r) =>
      isAnyTranslation(r) ? { content: '{}' } : ((chunksSent = 0), { chunks: CHUNKS, everyMs: EVERY_MS, onSent: (n: number) => (chunksSent = n) }),
    );
    llm.onTranscription(() => ({ transcript: QUESTION }));
    tg = await TelegramTest.start({ env: env(llm, { OPENAI_TRANSCRIPTION_MODEL: 'whisper-test' }), experiences: [EXPERIENCE, ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  it('shows one message that grows as the model writes, edited at most once a second, then the final answer with buttons in it', async () => {
    const member = tg.member({ language_code: 'en' });
    const writing = tg.text('en', 'bot-answer-writing');
    const { seen } = await watch(tg, member, () => member.says(QUESTION));

    // One message, first sent then edited: the preview becomes the answer.
    expect(new Set(seen.map((s) => s.messageId)).size).toBe(1);
    expect(seen[0]!.kind).toBe('message');
    const drafts = seen.filter((s) => s.text.includes(writing));
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    // The first words are shown while the model is still writing.
    expect(drafts[0]!.chunksSent).toBeLessThan(CHUNKS.length);
    // Each draft holds finished sentences only, and grows.
    const bodies = drafts.map((d) => d.text.replace(writing, '').trim());
    expect(bodies[0]!.startsWith(`As in «${TITLE}», pay through a licensed exchange house.`)).toBe(true);
    for (let i = 1; i < bodies.length; i++) expect(bodies[i]!.startsWith(bodies[i - 1]!)).toBe(true);
    for (const b of bodies) expect(SENTENCES.join('').startsWith(b)).toBe(true);
    for (const d of drafts) expect(d.buttons).toBe(0);
    // Telegram asks for no more than an edit a second (a little slack for the clock).
    for (let i = 1; i < drafts.length; i++) expect(drafts[i]!.at - drafts[i - 1]!.at).toBeGreaterThanOrEqual(PREVIEW_EVERY_MS - 100);

    const final = seen.at(-1)!;
    expect(final.text).not.toContain(writing);
    expect(final.text).toContain(SENTENCES.at(-1)!);
    expect(final.text).toContain(tg.text('en', 'bot-sources'));
    expect(final.buttons).toBeGreaterThan(0);
    // It stays a reply to the question, and is the only message the member has.
    expect(member.history).toHaveLength(1);
    expect(member.history[0]!.message.reply_to_message_id).toBeDefined();
    expect(member.history[0]!.buttons).toContain(tg.text('en', 'bot-button-helpful'));
  });

  it('streams the answer to a voice question too, under what was heard', async () => {
    const member = tg.member({ language_code: 'en' });
    const { seen } = await watch(tg, member, () => member.sendsVoice(OGG_OPUS, { durationSeconds: 3 }));
    const [heard, answer] = member.history;
    expect(member.history).toHaveLength(2);
    expect(heard!.text).toBe(tg.plainText('en', 'voice-heard', { transcript: QUESTION }));
    const drafts = seen.filter((s) => s.messageId === answer!.message.message_id && s.text.includes(tg.text('en', 'bot-answer-writing')));
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(answer!.text).toContain(SENTENCES.at(-1)!);
    expect(answer!.buttons).toContain(tg.text('en', 'bot-button-helpful'));
  });

  it('never shows a draft that repeats its instructions; the final answer is the one from the experiences', async () => {
    let echoed = '';
    llm.onChat((r) => {
      if (isAnyTranslation(r)) return { content: '{}' };
      echoed = r.messages[0]!.content.split('\n').find((l) => l.length > 60)!;
      return { chunks: ['Pay through an exchange house. ', `${echoed}\n`, 'More text follows. ', 'And more.'], everyMs: 1_500 };
    });
    try {
      const member = tg.member({ language_code: 'en' });
      const { seen } = await watch(tg, member, () => member.says(QUESTION));
      expect(echoed).not.toBe('');
      // The sentence before the echo was shown as a draft; nothing from the echo on.
      expect(seen.some((s) => s.text.includes(tg.text('en', 'bot-answer-writing')) && s.text.includes('Pay through an exchange house.'))).toBe(true);
      for (const s of seen) expect(s.text).not.toContain(echoed.slice(0, 40));
      const final = member.history;
      expect(final).toHaveLength(1);
      expect(final[0]!.text).toContain(TITLE);
      expect(final[0]!.text).not.toContain(tg.text('en', 'bot-answer-writing'));
    } finally {
      llm.onChat((r) => (isAnyTranslation(r) ? { content: '{}' } : { chunks: CHUNKS, everyMs: EVERY_MS }));
    }
  });

  it('sends an answer the model writes within a second at once, with no draft', async () => {
    llm.onChat((r) => (isAnyTranslation(r) ? { content: '{}' } : { chunks: SENTENCES, everyMs: 10 }));
    try {
      const member = tg.member({ language_code: 'en' });
      const { seen } = await watch(tg, member, () => member.says(QUESTION));
      expect(seen.map((s) => s.kind)).toEqual(['message']);
      expect(seen[0]!.text).toContain(SENTENCES.at(-1)!);
      expect(seen[0]!.buttons).toBeGreaterThan(0);
    } finally {
      llm.onChat((r) => (isAnyTranslation(r) ? { content: '{}' } : { chunks: CHUNKS, everyMs: EVERY_MS }));
    }
  });

  it('sends the answer as a new message when the draft was deleted meanwhile', async () => {
    const member = tg.member({ language_code: 'en' });
    // The member (or Telegram) removes the draft as soon as it appears.
    let draftDeleted = false;
    const off = tg.emulator.subscribe((a) => {
      if (a.kind === 'message' && a.message.chat_id === member.chatId && !draftDeleted) draftDeleted = a.message.deleted = true;
    });
    try {
      await member.says(QUESTION);
    } finally {
      off();
    }
    expect(draftDeleted).toBe(true);
    const answers = member.history;
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text).toContain(SENTENCES.at(-1)!);
    expect(answers[0]!.buttons).toContain(tg.text('en', 'bot-button-helpful'));
  });
});

describe('with a model that stalls mid-answer', () => {
  const llm = fakeOpenAiPerFile();
  let tg: TelegramTest;
  const stalling: FakeReply = { chunks: CHUNKS, everyMs: 100, stallAfter: 4 };
  beforeAll(async () => {
    llm.onChat((r) => (isAnyTranslation(r) ? { content: '{}' } : stalling));
    // The model's own limit is far away: only the question's budget ends the wait.
    tg = await TelegramTest.start({
      env: env(llm, { OPENAI_TIMEOUT_MS: '120000', QUESTION_BUDGET_MS: '2000' }),
      experiences: [EXPERIENCE, ...unrelatedExperiences()],
    });
  });
  afterAll(() => tg?.stop());

  it('replaces the draft with the answer from the experiences within the budget', async () => {
    const member = tg.member({ language_code: 'en' });
    const { seen } = await watch(tg, member, () => member.says(QUESTION));
    const writing = tg.text('en', 'bot-answer-writing');
    // The first sentence was finished before the stall, and shown.
    expect(seen.some((s) => s.text.includes(writing) && s.text.includes('pay through a licensed exchange house.'))).toBe(true);
    const answers = member.history;
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text).not.toContain(writing);
    expect(answers[0]!.text).toContain(TITLE);
    expect(answers[0]!.text).not.toContain('pay through a licensed exchange house.');
    expect(answers[0]!.buttons).toContain(tg.text('en', 'bot-button-helpful'));
  });
});

describe('without a model', () => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ experiences: [EXPERIENCE, ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  it('sends the answer once, as before: no draft, no edit', async () => {
    const member = tg.member({ language_code: 'en' });
    const { seen } = await watch(tg, member, () => member.says(QUESTION));
    expect(seen.map((s) => s.kind)).toEqual(['message']);
    expect(seen[0]!.text).toContain(TITLE);
    expect(seen[0]!.buttons).toBeGreaterThan(0);
    expect(tg.emulator.state.calls.filter((c) => c.method === 'editMessageText')).toEqual([]);
  });
});
