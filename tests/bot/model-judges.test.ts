import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe as anyDescribe, expect, it as anyIt } from 'vitest';
import { parseKbFile } from '../../src/knowledge/experiences/kb-format.ts';
import type { Language } from '../../src/text/language.ts';
import { testDatabases } from '../helpers/db.ts';
import { type ChatRequest, type FakeReply, isAnyTranslation } from '../helpers/fake-openai.ts';
import { fakeOpenAiPerFile } from '../helpers/fake-openai-per-file.ts';
import { plain, TelegramTest, type TestGroup, type Reply } from '../helpers/telegram.ts';
import { logCollector } from '../redteam/support.ts';

// A file's tests and blocks follow on from each other, even in the databases' suites that run side by side below.
const describe = anyDescribe.sequential;
const it = anyIt.sequential;

// With a model, the model judges whether the experiences the search found answer what is asked.
// On the demo base the search answers how many people live in Tehran (a story shares "تهران";
// tomorrow's weather there, which it answered too, is now told apart as live information) and is
// only unsure of a question on insuring rail freight (bench: `sme-bridge ask`).

const DEMO = parseKbFile(readFileSync('assets/demo-kb.jsonl', 'utf8')).records;
const POPULATION = 'تهران چند نفر جمعیت داره؟';
const BORDERLINE = { fa: 'بیمه کانتینر ریلی چین', en: 'who insures goods on the train from China to Iran' } as const;
const GROUP_ID = -1_009_777_000_001;
const MARKER = /no_answer/i;
const asked = (r: ChatRequest) => JSON.parse(/<question>\n([\s\S]*?)\n<\/question>/.exec(r.messages[1]!.content)![1]!) as string;
const titlesGiven = (r: ChatRequest) => JSON.parse(/<titles>\n([\s\S]*?)\n<\/titles>/.exec(r.messages[1]!.content)![1]!) as string[];

/**
 * The fake model: NO_ANSWER (streamed slowly enough for a preview in a private chat) to the population; an answer citing
 * the first candidate to the Persian borderline question; a failure to the English one.
 */
function fakeModel(r: ChatRequest): FakeReply {
  if (isAnyTranslation(r)) return { content: '{}' };
  const question = asked(r);
  // Streamed where the bot streams (a private chat), whole where it does not (a group).
  if (question === POPULATION)
    return r.stream === true ? { chunks: ['NO', '_ANS', 'WER', '\n', 'این تجربه‌ها درباره ', 'جمعیت نیستند.'], everyMs: 500 } : { content: 'NO_ANSWER' };
  if (question === BORDERLINE.fa) return { content: `طبق «${titlesGiven(r)[0]}»، بار ریلی را بیمه کردند.` };
  if (question === BORDERLINE.en) return { status: 500 };
  return { content: 'unexpected question' };
}

// Each database's run has its own bot, model and database: the two run side by side.
anyDescribe.concurrent.each(testDatabases())('the model judges the experiences, on $name', (database) => {
  const llm = fakeOpenAiPerFile();
  let tg: TelegramTest;
  let group: TestGroup;
  const logs = logCollector();
  beforeAll(async () => {
    llm.onChat(fakeModel);
    tg = await TelegramTest.start({
      openDb: database.open,
      experiences: DEMO,
      env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL, ALLOWED_CHAT_IDS: String(GROUP_ID), LOG_LEVEL: 'debug' },
      logDestination: logs.stream,
      // Telegram allows a bot about one message a second in a group; the emulator does not care.
      bot: { throttle: false },
    });
    group = tg.group({ id: GROUP_ID });
  });
  afterAll(() => tg?.stop());

  /** Everything the bot sent or edited, in any chat: the marker must be in none of it. */
  const everythingSent = () =>
    tg.emulator.state.calls.filter((c) => ['sendMessage', 'editMessageText'].includes(c.method)).map((c) => plain(String(c.params.text)));

  /** In a group (`inGroup`) the offer says the community's answer comes in a private chat. */
  function expectRelatedList(answer: Reply, language: Language, inGroup = false) {
    expect(answer.text).toContain(tg.text(language, 'answer-related-found'));
    expect(answer.text).toContain(tg.text(language, inGroup ? 'bot-related-offer-group' : 'bot-related-offer'));
    const stories = answer.buttons.filter((b) => b.includes('📖'));
    expect(stories.length).toBeGreaterThanOrEqual(1);
    expect(stories.length).toBeLessThanOrEqual(3);
    expect(answer.buttons).not.toContain(tg.text(language, 'bot-button-helpful'));
    expect(answer.buttons.at(-1)).toBe(tg.text(language, 'bot-button-ask-community'));
  }

  it('turns the population question the search answers into "might be related" when the model says NO_ANSWER, streamed in a private chat without the marker', async () => {
    const member = tg.member({ language_code: 'fa' });
    const [answer, ...more] = await member.says(POPULATION);
    expect(more).toEqual([]);
    expectRelatedList(answer!, 'fa');
    // The model was asked, and wrote slowly enough for a draft; none was shown.
    expect(llm.chatRequests().some((r) => !isAnyTranslation(r) && asked(r) === POPULATION && r.stream === true)).toBe(true);
    expect(member.history).toHaveLength(1);
    expect(everythingSent().filter((t) => t.includes(tg.text('fa', 'bot-answer-writing')))).toEqual([]);
    for (const text of everythingSent()) expect(text).not.toMatch(MARKER);
    const [logged] = await tg.db.query<{ answer_text: string; abstained: boolean }>(
      'SELECT q.answer_text, q.abstained FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1',
      [member.user.id],
    );
    expect(logged).toMatchObject({ abstained: true });
    expect(logged!.answer_text).not.toMatch(MARKER);
    // The verdict is logged, the marker and the question are not.
    expect(logs.lines.some((l) => String(l.msg).includes('do not answer the question'))).toBe(true);
    for (const line of logs.lines) expect(JSON.stringify(line)).not.toMatch(MARKER);
  });

  it('answers a question the search is unsure of when the model answers citing one of the candidates', async () => {
    const member = tg.member({ language_code: 'fa' });
    const [answer] = await member.says(BORDERLINE.fa);
    expect(answer!.text).toContain('بار ریلی را بیمه کردند');
    expect(answer!.text).not.toContain(tg.text('fa', 'answer-related-found'));
    expect(answer!.text).toContain(tg.text('fa', 'bot-sources'));
    expect(answer!.buttons).toContain(tg.text('fa', 'bot-button-helpful'));
    // Only the experience the model cited is given as the source.
    expect(answer!.buttons.filter((b) => b.includes('📖'))).toHaveLength(1);
  });

  it('keeps the list of experiences that might be related when the model fails on a question the search is unsure of', async () => {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says(BORDERLINE.en);
    expectRelatedList(answer!, 'en');
  });

  describe('in a group', () => {
    it('offers the population question\'s experiences as "might be related", without the marker', async () => {
      const [answer, ...more] = await tg.member({ language_code: 'fa' }).inGroup(group).says(`/ask ${POPULATION}`);
      expect(more).toEqual([]);
      expectRelatedList(answer!, 'fa', true);
      for (const text of everythingSent()) expect(text).not.toMatch(MARKER);
    });

    it('answers the borderline question when the model answers from a candidate, and lists them when it fails', async () => {
      const asker = tg.member({ language_code: 'en' }).inGroup(group);
      const [answered] = await asker.says(`/ask ${BORDERLINE.fa}`);
      expect(answered!.text).toContain('بار ریلی را بیمه کردند');
      expect(answered!.buttons).toContain(tg.text('fa', 'bot-button-helpful'));
      const [listed] = await asker.says(`/ask ${BORDERLINE.en}`);
      expectRelatedList(listed!, 'en', true);
    });
  });
});
