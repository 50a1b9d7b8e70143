import { afterAll, beforeAll, describe, expect, it as anyIt } from 'vitest';
import { createJobRunner } from '../../src/jobs/runner.ts';
import { testDatabases } from '../helpers/db.ts';
import { startFakeOpenAi, type ChatRequest, type FakeOpenAi, type FakeReply } from '../helpers/fake-openai.ts';
import { plain, TelegramTest, withLanguageHint, type TestMember } from '../helpers/telegram.ts';

// A file's tests follow on from each other, even in the databases' suites that run side by side below.
const it = anyIt.sequential;

// The community loop with a chat model: each group's post carries the question in the group's
// language besides its own words, and each answer's contribution is structured by the model
// into title / problem / solution / outcome before its review card is posted (kept as written
// when the model fails, stalls or writes something the rules refuse).

const STAFF_CHAT_ID = -1_000_000_000_001;
const MEMBERS_GROUP_ID = -1_000_000_000_002;
const ADMIN = 900_001;
const QUESTION = 'چطور می‌توانم برای محصولات لبنی مجوز صادرات به چین بگیرم؟';
const QUESTION_IN: Record<'zh' | 'en', string> = {
  zh: '我怎样才能为乳制品取得对华出口许可？',
  en: 'How can I get an export permit to China for dairy products?',
};
const ANSWER = '我们请了当地代理向海关总署提交注册资料，工厂审核通过后三个月拿到了注册号。';
const STRUCTURED = {
  title: '请当地代理向海关总署注册，拿到乳制品对华出口注册号',
  problem: '一家伊朗企业想把乳制品出口到中国，但不知道怎样取得出口注册和许可。',
  solution: '我们请了当地代理向海关总署提交注册资料，并配合完成了对工厂的审核。',
  outcome: '工厂审核通过后，三个月拿到了注册号。',
};

const isStructuring = (r: ChatRequest) =>
  r.messages.some((m) => m.role === 'system' && m.content.includes('Rewrite the question and the answer as one experience'));
/** Translated for reading (prompts/translate-message.md), as a post's and an answer's translations must be. */
const isMessageTranslation = (r: ChatRequest) => r.messages.some((m) => m.role === 'system' && m.content.includes('You translate messages that members'));
/** Rewritten for search (prompts/translate-question.md): what the bot's own retrieval asks, never what a member reads. */
const isSearchTranslation = (r: ChatRequest) => r.messages.some((m) => m.role === 'system' && m.content.includes('for a search engine'));

// Each database's run has its own bot and database: the two run side by side.
describe.concurrent.each(testDatabases())('the community loop with a chat model, on $name', ({ open }) => {
  let tg: TelegramTest;
  let llm: FakeOpenAi;
  /** What the fake model replies to the next structuring request. */
  let structuring: FakeReply = { content: JSON.stringify(STRUCTURED) };
  const botPosts = (chatId: number) => tg.emulator.state.messages(chatId).filter((m) => m.from === 'bot');
  /** What the model's job workers of `start` would do now: structure the contributions waiting, and post their cards. */
  const runModelJobs = async () => {
    await createJobRunner({ db: tg.db, logger: tg.app.logger, handlers: tg.app.translationJobs() }).runDue();
    await tg.outboxSent();
  };

  beforeAll(async () => {
    llm = await startFakeOpenAi();
    llm.onChat((r) => {
      if (isStructuring(r)) return structuring;
      const asked = (text: string) => r.messages.some((m) => m.content.includes(text));
      // Only a translation for reading is shown: the search's rewriting of the question gets nothing to show.
      if (isMessageTranslation(r) && asked(QUESTION)) return { content: JSON.stringify({ fa: QUESTION, ...QUESTION_IN }) };
      return { content: '{}' };
    });
    tg = await TelegramTest.start({
      openDb: open,
      env: {
        STAFF_CHAT_ID: String(STAFF_CHAT_ID),
        COMMUNITY_CHAT_IDS: String(MEMBERS_GROUP_ID),
        ADMIN_IDS: String(ADMIN),
        OPENAI_API_KEY: 'test-key',
        OPENAI_BASE_URL: llm.baseURL,
        // A stalled model is given up on after this: the answer is then kept as written. Long enough
        // that a busy machine never turns an instant reply into a timeout and a second request.
        OPENAI_TIMEOUT_MS: '4000',
      },
      bot: { throttle: false },
    });
    const staff = tg.group({ title: 'SME Bridge staff' });
    const members = tg.group({ title: '中伊中小企业' });
    expect([staff.id, members.id]).toEqual([STAFF_CHAT_ID, MEMBERS_GROUP_ID]);
    // The group's admins chose Chinese (/settings); the staff chat has no language set: English.
    await tg.app.community.groups.setLanguage({ chatId: MEMBERS_GROUP_ID, kind: 'supergroup' }, 'zh');
    await tg.app.community.staff.applyAdminIds(tg.app.config.adminTelegramIds);
  });
  afterAll(async () => {
    await tg?.stop();
    await llm?.close();
  });

  /** A Persian member puts `question` to the community; returns the deep link payload of its post in the members' group. */
  async function putToCommunity(question: string): Promise<{ asker: TestMember; payload: string }> {
    const asker = tg.member({ language_code: 'fa' });
    await asker.says('/start');
    await asker.says(question);
    await asker.presses(tg.text('fa', 'bot-button-ask-community'));
    await tg.outboxSent();
    const post = botPosts(MEMBERS_GROUP_ID).findLast((m) => plain(m.text).includes(question))!;
    const url = (post.reply_markup?.inline_keyboard.flat() as { url?: string }[]).find((b) => b.url)!.url!;
    return { asker, payload: new URL(url).searchParams.get('start')! };
  }

  /** A Chinese member answers from the deep link, their company in China, anonymously; returns their contribution's id. */
  async function answer(payload: string, text: string): Promise<number> {
    const answerer = tg.member({ language_code: 'zh' });
    await answerer.says(`/start ${payload}`);
    await answerer.says(text);
    // Their profile has no country: asked where their company is, as /share asks.
    await answerer.presses(tg.text('zh', 'country-CN'));
    await answerer.presses(tg.text('zh', 'community-answer-button-anonymous'));
    expect(answerer.lastReply?.text).toBe(tg.text('zh', 'community-answer-sent'));
    await tg.outboxSent();
    const member = (await tg.app.community.members.getByTelegramId(answerer.user.id))!;
    const [row] = await tg.db.query<{ id: number }>(`SELECT id::float8 AS id FROM experiences WHERE contributor_member_id = $1`, [member.id]);
    return row!.id;
  }

  const cardOf = (experienceId: number) => botPosts(STAFF_CHAT_ID).find((m) => plain(m.text).includes(`#${experienceId}`));
  const textOf = async (experienceId: number) =>
    tg.db.query<{ language: string; title: string; problem: string; solution: string; outcome: string | null }>(
      `SELECT language, title, problem, solution, outcome FROM experience_texts WHERE experience_id = $1`,
      [experienceId],
    );

  it("posts the question in each chat's language with its own words; the answer's contribution is structured before its card; the edit keeps both", async () => {
    const { asker, payload } = await putToCommunity(QUESTION);
    const withTranslation = (language: 'zh' | 'en') =>
      tg.app.translator.t(language, 'community-question-with-translation', { question: QUESTION, translation: QUESTION_IN[language] });
    const [groupPost] = botPosts(MEMBERS_GROUP_ID).filter((m) => plain(m.text).includes(QUESTION));
    expect(plain(groupPost!.text)).toBe(tg.text('zh', 'community-question-post', { question: withTranslation('zh'), language: 'fa' }));
    const [staffPost] = botPosts(STAFF_CHAT_ID).filter((m) => plain(m.text).includes(QUESTION));
    expect(plain(staffPost!.text)).toBe(withLanguageHint(tg, tg.text('en', 'community-question-post', { question: withTranslation('en'), language: 'fa' })));
    // The posts' translation was asked once, for reading, the question inside its tag as data; the search's own rewriting is another request.
    const aboutQuestion = llm.chatRequests().filter((r) => r.messages.some((m) => m.content.includes(QUESTION)));
    const forPosts = aboutQuestion.filter(isMessageTranslation);
    expect(forPosts).toHaveLength(1);
    expect(forPosts[0]!.messages.find((m) => m.role === 'user')!.content).toContain(`<message>\n${JSON.stringify(QUESTION)}\n</message>`);
    expect(forPosts.filter(isSearchTranslation)).toEqual([]);

    const experienceId = await answer(payload, ANSWER);
    // The answerer was thanked at once; the card waits for the model's structuring.
    expect(cardOf(experienceId)).toBeUndefined();
    // As written, it is all in Chinese: the question's kept Chinese translation is its title and problem.
    expect(await textOf(experienceId)).toEqual([{ language: 'zh', title: QUESTION_IN.zh, problem: QUESTION_IN.zh, solution: ANSWER, outcome: null }]);
    await runModelJobs();
    // The model was given the question as its asker wrote it.
    const [structuring] = llm.chatRequests().filter(isStructuring).slice(-1);
    expect(structuring!.messages.find((m) => m.role === 'user')!.content).toContain(JSON.stringify(QUESTION));
    const card = plain(cardOf(experienceId)!.text);
    for (const field of Object.values(STRUCTURED)) expect(card).toContain(field);
    expect(card).not.toContain(ANSWER);
    // The curator is told the model wrote it, to check it against the answer.
    expect(card).toContain(tg.text('en', 'curation-card-structured'));
    expect(await textOf(experienceId)).toEqual([{ language: 'zh', ...STRUCTURED }]);
    const [experience] = await tg.db.query<{ language: string; status: string }>(`SELECT language, status FROM experiences WHERE id = $1`, [experienceId]);
    expect(experience).toEqual({ language: 'zh', status: 'pending' });
    // The asker still gets the answer itself, as its author wrote it.
    expect(asker.history.at(-1)!.text).toContain(ANSWER);

    await asker.presses(tg.text('fa', 'bot-button-helpful'));
    await tg.outboxSent();
    const [edited] = botPosts(MEMBERS_GROUP_ID).filter((m) => plain(m.text).includes(QUESTION));
    expect(plain(edited!.text)).toBe(tg.text('zh', 'community-question-answered', { question: withTranslation('zh'), language: 'fa' }));
  });

  it.each([
    ['fails', { status: 500 }],
    ['stalls past OPENAI_TIMEOUT_MS', { delayMs: 10_000 }],
    ['replies with no JSON', { content: 'Here is the experience you asked for.' }],
    ['writes in another language than the answer', { content: JSON.stringify({ ...STRUCTURED, problem: 'We wanted to export dairy products to China.' }) }],
    ['writes a title the rules refuse', { content: JSON.stringify({ ...STRUCTURED, title: '注册' }) }],
  ] as [string, FakeReply][])('keeps the answer as written, and posts its card, when the model %s', async (_what, reply) => {
    structuring = reply;
    try {
      const question = `چطور برای صادرات پسته به چین مجوز بگیرم؟ (${_what})`;
      const { payload } = await putToCommunity(question);
      const experienceId = await answer(payload, ANSWER);
      await runModelJobs();
      // As written, in the answer's language: the question has no Chinese translation, so the problem waits for a curator.
      const [text] = await textOf(experienceId);
      expect(text).toEqual({ language: 'zh', title: ANSWER, problem: '', solution: ANSWER, outcome: null });
      const card = plain(cardOf(experienceId)!.text);
      expect(card).toContain(ANSWER);
      expect(card).toContain(tg.text('en', 'curation-warning-problem-missing'));
      expect(card).toContain(tg.text('en', 'curation-card-asked', { language: tg.text('en', 'bot-language-name-fa'), question }));
      expect(card).not.toContain(STRUCTURED.solution);
      expect(card).not.toContain(tg.text('en', 'curation-card-structured'));
    } finally {
      structuring = { content: JSON.stringify(STRUCTURED) };
    }
  });

  it('leaves a contribution its author edited before the model came to it as the author made it', async () => {
    const question = 'چطور برای صادرات زعفران به چین برچسب چینی بگیرم؟';
    const { payload } = await putToCommunity(question);
    const experienceId = await answer(payload, ANSWER);
    const [row] = await tg.db.query<{ member_id: number; language: 'fa' | 'zh' | 'en' }>(
      `SELECT contributor_member_id::float8 AS member_id, language FROM experiences WHERE id = $1`,
      [experienceId],
    );
    const edited = '我们请了上海的代理设计中文标签，并向海关备案，两周后顺利通关。';
    const outcome = await tg.app.community.myContributions.edit({ memberId: row!.member_id, role: 'member' }, experienceId, {
      field: 'solution',
      language: row!.language,
      value: edited,
    });
    expect(outcome.ok).toBe(true);
    const before = llm.chatRequests().filter(isStructuring).length;
    await runModelJobs();
    expect(llm.chatRequests().filter(isStructuring)).toHaveLength(before);
    expect(await textOf(experienceId)).toMatchObject([{ problem: '', solution: edited }]);
    expect(plain(cardOf(experienceId)!.text)).toContain(edited);
  });
});
