import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anExperience } from '../helpers/experiences.ts';
import { isAnyTranslation } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest } from '../helpers/telegram.ts';
import type { Language } from '../../src/text/language.ts';

// One second of Ogg/Opus silence (tests/fixtures/audio/make-silent-opus.mjs): a real voice note's container and codec.
const OGG_OPUS = readFileSync(new URL('../fixtures/audio/silence.ogg', import.meta.url));
const MODEL = 'whisper-test';
const EXPERIENCE = anExperience({ id: 'exp-voice-1' });
const TITLES: Record<Language, string> = { fa: EXPERIENCE.title, zh: EXPERIENCE.translations!.zh!.title, en: EXPERIENCE.translations!.en!.title };
const SPOKEN: Record<Language, string> = {
  fa: 'چطور از طریق صرافی به تأمین‌کننده چینی پول پرداخت کنم؟',
  zh: '怎么通过换汇所给中国供应商付款？',
  en: 'How do I pay a Chinese supplier through an exchange house?',
};

describe('with a transcription model', () => {
  const llm = fakeOpenAiPerFile();
  let tg: TelegramTest;
  /** What the fake model "hears" next. */
  let saying = '';
  beforeAll(async () => {
    llm.onChat((r) => ({ content: isAnyTranslation(r) ? '{}' : 'The experiences below answer this.' }));
    // A server that checks it was sent the recording itself, under a name with a format it takes, for the configured model.
    llm.onTranscription((r) => {
      if (r.model !== MODEL) return { status: 400, body: { error: { message: `unknown model ${r.model}` } } };
      if (!r.file.bytes.equals(OGG_OPUS) || !/\.(ogg|mp3)$/.test(r.file.name)) return { status: 400, body: { error: { message: 'not the recording' } } };
      return { transcript: saying };
    });
    tg = await TelegramTest.start({
      env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL, OPENAI_TRANSCRIPTION_MODEL: MODEL, RATE_LIMIT_PER_MINUTE: '2' },
      experiences: [EXPERIENCE, ...unrelatedExperiences()],
    });
  });
  afterAll(() => tg?.stop());

  it.each(['fa', 'zh', 'en'] as const)('a voice note in %s is transcribed, shown, and answered as the typed question', async (language) => {
    saying = SPOKEN[language];
    // The transcript is the member's words: it must not reach a log line either.
    tg.logs.watch(saying);
    const before = llm.transcriptionRequests().length;
    const member = tg.member({ language_code: language });
    const replies = await member.sendsVoice(OGG_OPUS, { durationSeconds: 4 });

    const sent = llm.transcriptionRequests().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.file.name).toBe('voice.ogg');
    expect(sent[0]!.file.type).toBe('audio/ogg');
    expect(replies[0]!.text).toBe(tg.plainText(language, 'voice-heard', { transcript: saying }));
    expect(replies[0]!.message.reply_to_message_id).toBe(member.lastUpdate!.message!.message_id);
    const answer = replies.at(-1)!;
    expect(replies).toHaveLength(2);
    expect(answer.text).toContain(TITLES[language]);
    expect(answer.buttons).toContain(tg.text(language, 'bot-button-helpful'));
    const [logged] = await tg.db.query<{ text: string; language: string }>('SELECT text, language FROM questions ORDER BY id DESC LIMIT 1');
    expect(logged).toEqual({ text: saying, language });
  });

  it('an audio file is transcribed too', async () => {
    saying = SPOKEN.en;
    tg.logs.watch(saying);
    const replies = await tg.member({ language_code: 'en' }).sendsVoice(OGG_OPUS, { durationSeconds: 6, as: 'audio' });
    expect(llm.transcriptionRequests().at(-1)!.file.name).toBe('audio.mp3');
    expect(replies[0]!.text).toBe(tg.plainText('en', 'voice-heard', { transcript: saying }));
    expect(replies.at(-1)!.text).toContain(TITLES.en);
  });

  it('refuses a recording over two minutes without downloading or transcribing it', async () => {
    const before = llm.transcriptionRequests().length;
    const member = tg.member({ language_code: 'fa' });
    const replies = await member.sendsVoice(OGG_OPUS, { durationSeconds: 121 });
    expect(replies.map((r) => r.text)).toEqual([tg.plainText('fa', 'voice-too-long', { seconds: 121, max: 120 })]);
    expect(llm.transcriptionRequests()).toHaveLength(before);
    expect(tg.emulator.state.calls.filter((c) => c.method === 'getFile' && c.params.file_id === member.lastUpdate!.message!.voice!.file_id)).toEqual([]);
  });

  it('counts voice notes against the rate limit before paying for their transcription', async () => {
    saying = SPOKEN.en;
    tg.logs.watch(saying);
    const member = tg.member({ language_code: 'en' });
    for (let i = 0; i < 2; i++) expect((await member.sendsVoice(OGG_OPUS, { durationSeconds: 2 })).at(-1)!.text).toContain(TITLES.en);
    const before = llm.transcriptionRequests().length;
    const [refusal, ...rest] = await member.sendsVoice(OGG_OPUS, { durationSeconds: 2 });
    expect(rest).toEqual([]);
    expect(Array.from({ length: 60 }, (_, s) => tg.text('en', 'bot-rate-limited', { limit: 2, seconds: s + 1 }))).toContain(refusal!.text);
    expect(llm.transcriptionRequests()).toHaveLength(before);
  });

  it('says so when the recording holds no words, and asks nothing', async () => {
    saying = ' … ';
    const before = (await tg.db.query('SELECT id FROM questions')).length;
    const replies = await tg.member({ language_code: 'zh' }).sendsVoice(OGG_OPUS, { durationSeconds: 1 });
    expect(replies.map((r) => r.text)).toEqual([tg.plainText('zh', 'voice-not-heard')]);
    expect(await tg.db.query('SELECT id FROM questions')).toHaveLength(before);
  });

  it('apologises in the member language when the model server fails, and the bot goes on', async () => {
    llm.onTranscription({ status: 503 });
    try {
      const member = tg.member({ language_code: 'fa' });
      expect((await member.sendsVoice(OGG_OPUS, { durationSeconds: 3 })).map((r) => r.text)).toEqual([tg.plainText('fa', 'voice-failed')]);
      const typed = await member.says(SPOKEN.fa);
      expect(typed.at(-1)!.text).toContain(TITLES.fa);
    } finally {
      llm.onTranscription(() => ({ transcript: saying }));
    }
  });
});

describe('without a transcription model', () => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ experiences: [EXPERIENCE, ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  it.each(['fa', 'zh', 'en'] as const)('tells a %s member it reads typed questions only', async (language) => {
    const replies = await tg.member({ language_code: language }).sendsVoice(OGG_OPUS, { durationSeconds: 4 });
    expect(replies.map((r) => r.text)).toEqual([tg.plainText(language, 'voice-typed-only')]);
    expect(tg.emulator.state.calls.some((c) => c.method === 'getFile')).toBe(false);
  });
});
