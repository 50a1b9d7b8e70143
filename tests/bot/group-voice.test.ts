import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { isAnyTranslation } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest, type TestGroup } from '../helpers/telegram.ts';

// Voice questions in members' groups: `/ask` replying to a voice note or audio file is the
// question; a plain voice message in a group is left alone.

// One second of Ogg/Opus silence (tests/fixtures/audio/make-silent-opus.mjs): a real voice note's container and codec.
const OGG_OPUS = readFileSync(new URL('../fixtures/audio/silence.ogg', import.meta.url));
const MODEL = 'whisper-test';
const EXPERIENCE = anExperience({ id: 'exp-group-voice' });
const SPOKEN_FA = 'چطور از طریق صرافی به تأمین‌کننده چینی پول پرداخت کنم؟';
const FORUM_ID = -1_000_000_000_001;
const GROUP_ID = -1_000_000_000_002;

/** The groups every test here uses: a forum with topics, and a plain group whose admins chose Chinese. */
async function groupsOf(tg: TelegramTest): Promise<{ forum: TestGroup; chinese: TestGroup }> {
  const forum = tg.group({ forum: true, title: 'Traders' });
  const chinese = tg.group({ title: '中伊商会' });
  expect([forum.id, chinese.id]).toEqual([FORUM_ID, GROUP_ID]);
  await tg.app.community.groups.setLanguage({ chatId: chinese.id, kind: 'supergroup' }, 'zh');
  return { forum, chinese };
}

describe.each(testDatabases())('voice questions in a group with a transcription model, on $name', ({ open }) => {
  const llm = fakeOpenAiPerFile();
  let tg: TelegramTest;
  let groups: { forum: TestGroup; chinese: TestGroup };
  beforeAll(async () => {
    llm.onChat((r) => ({ content: isAnyTranslation(r) ? '{}' : 'The experiences below answer this.' }));
    llm.onTranscription((r) => (r.model === MODEL && r.file.bytes.equals(OGG_OPUS) ? { transcript: SPOKEN_FA } : { status: 400 }));
    tg = await TelegramTest.start({
      openDb: open,
      env: {
        OPENAI_API_KEY: 'test-key',
        OPENAI_BASE_URL: llm.baseURL,
        OPENAI_TRANSCRIPTION_MODEL: MODEL,
        ALLOWED_CHAT_IDS: `${FORUM_ID},${GROUP_ID}`,
      },
      experiences: [EXPERIENCE, ...unrelatedExperiences()],
      bot: { throttle: false },
    });
    groups = await groupsOf(tg);
    // The transcript is what someone said: it must not reach a log line.
    tg.logs.watch(SPOKEN_FA);
  });
  afterAll(() => tg?.stop());

  it('/ask replying to a voice note in a forum topic is transcribed, shown, and answered in that topic', async () => {
    const speaker = tg.member({ language_code: 'en' }).inGroup(groups.forum, { topic: 'Payments' });
    const elsewhere = tg.member().inGroup(groups.forum, { topic: 'Customs' });
    // A plain voice message in a group is left alone: not downloaded, not transcribed.
    expect(await speaker.sendsVoice(OGG_OPUS, { durationSeconds: 5 })).toEqual([]);
    expect(llm.transcriptionRequests()).toHaveLength(0);
    const voiceNote = speaker.lastUpdate!.message!;

    const asker = tg.member({ language_code: 'en' }).inGroup(groups.forum, { topic: 'Payments' });
    const [heard, answer, ...more] = await asker.says('/ask', { replyTo: voiceNote });
    expect(more).toEqual([]);
    expect(llm.transcriptionRequests()).toHaveLength(1);
    const askMessageId = asker.lastUpdate!.message!.message_id;
    expect(heard!.text).toBe(tg.plainText('en', 'voice-heard', { transcript: SPOKEN_FA }));
    // Answered as the typed question would be: in Persian, the language it was said in.
    expect(answer!.text).toContain(EXPERIENCE.title);
    for (const reply of [heard!, answer!]) {
      expect(reply.message.message_thread_id).toBe(asker.threadId);
      expect(reply.message.reply_to_message_id).toBe(askMessageId);
    }
    expect(elsewhere.history).toEqual([]);
    const [logged] = await tg.db.query<{ text: string; language: string; member_id: unknown }>(
      'SELECT text, language, member_id FROM questions WHERE chat_id = $1 ORDER BY id DESC LIMIT 1',
      [groups.forum.id],
    );
    expect(logged).toEqual({ text: SPOKEN_FA, language: 'fa', member_id: null });
  });

  it("refuses a recording over two minutes in the group's language, without transcribing it", async () => {
    const before = llm.transcriptionRequests().length;
    const speaker = tg.member({ language_code: 'fa' }).inGroup(groups.chinese);
    await speaker.sendsVoice(OGG_OPUS, { durationSeconds: 121, as: 'audio' });
    const replies = await speaker.says('/ask', { replyTo: speaker.lastUpdate!.message! });
    expect(replies.map((r) => r.text)).toEqual([tg.plainText('zh', 'voice-too-long', { seconds: 121, max: 120 })]);
    expect(replies[0]!.message.reply_to_message_id).toBe(speaker.lastUpdate!.message!.message_id);
    expect(llm.transcriptionRequests()).toHaveLength(before);
  });
});

describe.each(testDatabases())('voice questions in a group without a transcription model, on $name', ({ open }) => {
  let tg: TelegramTest;
  let groups: { forum: TestGroup; chinese: TestGroup };
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: open, env: { ALLOWED_CHAT_IDS: `${FORUM_ID},${GROUP_ID}` }, experiences: [EXPERIENCE], bot: { throttle: false } });
    groups = await groupsOf(tg);
  });
  afterAll(() => tg?.stop());

  it("says in the group's language, in the topic, that it reads typed questions only", async () => {
    const speaker = tg.member({ language_code: 'fa' }).inGroup(groups.chinese);
    await speaker.sendsVoice(OGG_OPUS, { durationSeconds: 4 });
    expect((await speaker.says('/ask', { replyTo: speaker.lastUpdate!.message! })).map((r) => r.text)).toEqual([tg.plainText('zh', 'voice-typed-only')]);

    const inTopic = tg.member({ language_code: 'fa' }).inGroup(groups.forum, { topic: 'Payments' });
    await inTopic.sendsVoice(OGG_OPUS, { durationSeconds: 4 });
    const [said] = await inTopic.says('/ask', { replyTo: inTopic.lastUpdate!.message! });
    expect(said!.text).toBe(tg.plainText('fa', 'voice-typed-only'));
    expect(said!.message.message_thread_id).toBe(inTopic.threadId);
    expect(tg.emulator.state.calls.some((c) => c.method === 'getFile')).toBe(false);
  });
});
