import { afterAll, beforeAll, describe, expect, it as anyIt } from 'vitest';
import { readAuditLog } from '../../src/knowledge/experiences/audit.ts';
import { testDatabases } from '../helpers/db.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.ts';
import type { Language } from '../../src/text/language.ts';
import { plain, TelegramTest, withLanguageHint, type TestGroup, type TestMember } from '../helpers/telegram.ts';

// A file's tests follow on from each other, even in the databases' suites that run side by side below.
const it = anyIt.sequential;

const STAFF_CHAT_ID = -1_000_000_000_001;
const MEMBERS_GROUP_ID = -1_000_000_000_002;
const ADMIN = 900_001;
const QUESTION = 'چطور می‌توانم برای محصولات لبنی مجوز صادرات به چین بگیرم؟';
const ANSWER = '我们请了当地代理向海关总署提交注册资料，工厂审核通过后三个月拿到了注册号。';

/** The "I can answer" deep link's payload (what Telegram sends as /start <payload> when it is opened). */
function deepLinkPayload(buttons: { text: string; url?: string }[] | undefined): string {
  const url = buttons?.find((b) => b.url)?.url;
  expect(url).toMatch(/^https:\/\/t\.me\/sme_bridge_bot\?start=oq_\d+$/);
  return new URL(url!).searchParams.get('start')!;
}

// Each database's run has its own bot and database: the two run side by side.
describe.concurrent.each(testDatabases())('questions nobody could answer, put to the community, on $name', ({ open }) => {
  let tg: TelegramTest;
  let staffChat: TestGroup;
  let membersGroup: TestGroup;
  const botPosts = (chatId: number) => tg.emulator.state.messages(chatId).filter((m) => m.from === 'bot');

  beforeAll(async () => {
    tg = await TelegramTest.start({
      openDb: open,
      env: { STAFF_CHAT_ID: String(STAFF_CHAT_ID), COMMUNITY_CHAT_IDS: String(MEMBERS_GROUP_ID), ADMIN_IDS: String(ADMIN) },
      bot: { throttle: false },
    });
    staffChat = tg.group({ title: 'SME Bridge staff' });
    membersGroup = tg.group({ title: 'Iran–China SMEs' });
    expect([staffChat.id, membersGroup.id]).toEqual([STAFF_CHAT_ID, MEMBERS_GROUP_ID]);
    // What `sme-bridge start` does first.
    await tg.app.community.staff.applyAdminIds(tg.app.config.adminTelegramIds);
  });
  afterAll(async () => {
    await tg?.stop();
  });

  /** A member asks `question`, which nothing answers, and puts it to the community: the asker and its "I can answer" link's payload, from its post in `chatId`. */
  async function putToCommunity(language: Language, question: string, chatId: number): Promise<{ asker: TestMember; payload: string }> {
    const asker = tg.member({ language_code: language });
    await asker.says('/start');
    await asker.says(question);
    await asker.presses(tg.text(language, 'bot-button-ask-community'));
    await tg.outboxSent();
    const post = botPosts(chatId).findLast((m) => plain(m.text).includes(question.split('\n')[0]!))!;
    return { asker, payload: deepLinkPayload(post.reply_markup?.inline_keyboard.flat() as { text: string; url?: string }[]) };
  }

  /** An English-speaking member from China opens the link and answers without their name: their member row. */
  async function answerFromChinaAnonymously(payload: string, answer: string) {
    const answerer = tg.member({ language_code: 'en' });
    await answerer.says(`/start ${payload}`);
    await answerer.says(answer);
    await answerer.presses(tg.text('en', 'country-CN'));
    await answerer.presses(tg.text('en', 'community-answer-button-anonymous'));
    await tg.outboxSent();
    return (await tg.app.community.members.getByTelegramId(answerer.user.id))!;
  }

  it('posts the question without the asker’s name; another member answers from the deep link; the asker gets it; it awaits review', async () => {
    const asker = tg.member({ first_name: 'Maryam', language_code: 'fa' });
    await asker.says('/start');
    const [answer] = await asker.says(QUESTION);
    expect(answer!.buttons).toContain(tg.text('fa', 'bot-button-ask-community'));
    await asker.presses(tg.text('fa', 'bot-button-ask-community'));
    expect(asker.lastReply?.text).toBe(tg.text('fa', 'bot-community-opened'));
    // A second press does not post it twice.
    await asker.presses(tg.text('fa', 'bot-button-ask-community'));
    expect(asker.lastReply?.text).toBe(tg.text('fa', 'bot-community-already'));
    await tg.outboxSent();

    for (const chatId of [STAFF_CHAT_ID, MEMBERS_GROUP_ID]) {
      const posts = botPosts(chatId).filter((m) => plain(m.text).includes(QUESTION));
      expect(posts).toHaveLength(1);
      expect(plain(posts[0]!.text)).toBe(withLanguageHint(tg, tg.text('en', 'community-question-post', { question: QUESTION, language: 'fa' })));
      expect(plain(posts[0]!.text)).not.toContain('Maryam');
    }
    const post = botPosts(MEMBERS_GROUP_ID).find((m) => plain(m.text).includes(QUESTION))!;
    const buttons = post.reply_markup?.inline_keyboard.flat() as { text: string; url?: string }[];
    expect(buttons.map((b) => plain(b.text))).toEqual([tg.text('en', 'community-button-can-answer')]);
    const payload = deepLinkPayload(buttons);

    // The asker cannot answer their own question.
    expect((await asker.says(`/start ${payload}`)).map((r) => r.text)).toEqual([tg.text('fa', 'community-answer-own-question')]);

    const answerer = tg.member({ first_name: 'Zhang', language_code: 'zh' });
    await answerer.inGroup(membersGroup).says('hello');
    expect((await answerer.says(`/start ${payload}`)).map((r) => r.text)).toEqual([tg.text('zh', 'community-answer-prompt', { question: QUESTION })]);
    // Too short an answer is refused with what to fix; a command is not taken for the answer.
    expect((await answerer.says('找代理'))[0]!.text).toBe(tg.text('zh', 'share-too-short', { length: 3, min: 20, max: 4000 }));
    expect((await answerer.says('/help'))[0]!.text).toBe(tg.text('zh', 'community-answer-busy'));
    // Their profile does not say where their company is: asked as /share asks, a typed code checked.
    const [askCountry] = await answerer.says(ANSWER);
    expect(askCountry!.text).toBe(tg.text('zh', 'share-ask-country'));
    expect(askCountry!.buttons).toEqual([tg.text('zh', 'country-IR'), tg.text('zh', 'country-CN')]);
    expect((await answerer.says('Shanghai')).map((r) => r.text)).toEqual([tg.text('zh', 'share-country-invalid')]);
    const [askNamed] = await answerer.presses(tg.text('zh', 'country-CN'));
    expect(askNamed!.text).toBe(tg.text('zh', 'community-answer-ask-named'));
    expect(askNamed!.buttons).toEqual([tg.text('zh', 'community-answer-button-named', { who: 'Zhang' }), tg.text('zh', 'community-answer-button-anonymous')]);
    await answerer.presses(tg.text('zh', 'community-answer-button-anonymous'));
    expect(answerer.lastReply?.text).toBe(tg.text('zh', 'community-answer-sent'));
    await tg.outboxSent();

    // Delivered to the asker in Persian, with a note of the answer's language, without the answerer's name.
    const delivered = asker.history.at(-1)!.text;
    expect(asker.history.at(-1)!.buttons).toEqual([tg.text('fa', 'bot-button-helpful'), tg.text('fa', 'bot-button-not-helpful')]);
    expect(delivered).toBe(tg.text('fa', 'community-answer-received', { question: QUESTION, answer: ANSWER, language: 'zh', translated: 'no' }));
    expect(delivered).not.toContain('Zhang');

    // A pending contribution credited to its author, with its review card in the staff chat.
    const zhang = (await tg.app.community.members.getByTelegramId(answerer.user.id))!;
    const rows = await tg.db.query<{ id: number; status: string; country: string }>(
      `SELECT id, status, country FROM experiences WHERE contributor_member_id = $1`,
      [zhang.id],
    );
    expect(rows.map((r) => [r.status, r.country])).toEqual([['pending', 'CN']]);
    const cards = botPosts(STAFF_CHAT_ID).filter((m) => plain(m.text).includes(ANSWER.slice(0, 20)));
    expect(cards).toHaveLength(1);
    expect(plain(cards[0]!.text)).toContain(tg.text('en', 'curation-card-meta', { industry: tg.text('en', 'industry-other'), country: 'China', tags: '' }));

    // Only the asker may rate it; their 👍 marks the question answered, and its posts say so.
    await asker.presses(tg.text('fa', 'bot-button-helpful'));
    expect(asker.toasts).toEqual([tg.text('fa', 'community-answer-feedback-thanks')]);
    expect(asker.history.at(-1)!.buttons[0]).toBe(`${tg.text('fa', 'bot-button-helpful')} ✓`);
    await tg.outboxSent();
    expect((await tg.app.community.openQuestions.getById(Number(payload.slice(3))))!.status).toBe('answered');
    for (const chatId of [STAFF_CHAT_ID, MEMBERS_GROUP_ID]) {
      const [edited] = botPosts(chatId).filter((m) => plain(m.text).includes(QUESTION));
      expect(plain(edited!.text)).toBe(withLanguageHint(tg, tg.text('en', 'community-question-answered', { question: QUESTION, language: 'fa' })));
      expect(edited!.reply_markup?.inline_keyboard ?? []).toEqual([]);
    }
    // An answered question takes no more answers.
    const late = tg.member({ language_code: 'en' });
    expect((await late.says(`/start ${payload}`)).map((r) => r.text)).toEqual([tg.text('en', 'community-answer-not-open')]);
  });

  it('/cancel leaves the answering without sending anything', async () => {
    const { asker, payload } = await putToCommunity('en', 'How do I find a halal certification body in Xinjiang for lamb exports?', MEMBERS_GROUP_ID);
    const answerer = tg.member({ language_code: 'en' });
    await answerer.says(`/start ${payload}`);
    expect((await answerer.says('/cancel'))[0]!.text).toBe(tg.text('en', 'community-answer-cancelled'));
    const sentBefore = asker.history.length;
    // Back to questions: the next message is asked, not taken as an answer.
    expect((await answerer.says('We asked the local chamber of commerce, and they introduced a certifier.'))[0]!.text).not.toBe(
      tg.text('en', 'community-answer-sent'),
    );
    await tg.outboxSent();
    expect(asker.history).toHaveLength(sentBefore);
  });

  it('names the answerer to the asker only when they agree, in Latin letters with their own spelling beside; the profile’s country is not asked again; an answer in the question’s language takes it as problem, its first line as title', async () => {
    const question = 'Which port in Iran clears Chinese machinery parts fastest?\nWe ship from Ningbo every month and Bandar Abbas is slow.';
    const { asker, payload } = await putToCommunity('en', question, MEMBERS_GROUP_ID);
    const answerer = tg.member({ first_name: 'رضا', language_code: 'fa' });
    await answerer.says('/start');
    const reza = (await tg.app.community.members.getByTelegramId(answerer.user.id))!;
    await tg.app.community.members.updateProfile(reza.id, { country: 'IR', company: 'بازرگانی پارس' });
    await answerer.says(`/start ${payload}`);
    const answer = 'We cleared the parts at Shahid Rajaee port with a licensed customs broker; it took one week.';
    expect((await answerer.says(answer)).map((r) => r.text)).toEqual([tg.text('fa', 'community-answer-ask-named')]);
    await answerer.presses(tg.text('fa', 'community-answer-button-named', { who: 'رضا · بازرگانی پارس' }));
    await tg.outboxSent();
    // The English asker reads Reza's name and company, the stored spelling beside each to find or write to the firm.
    expect(asker.history.at(-1)!.text).toBe(
      tg.text('en', 'community-answer-received-named', { who: 'Reza (رضا) · Pars Trading (بازرگانی پارس)', question, answer, language: 'en' }),
    );
    const [kept] = await tg.app.experiences.listByContributor(reza.id);
    expect(kept).toMatchObject({ country: 'IR', status: 'pending' });
    expect(kept!.texts[kept!.language]).toMatchObject({
      title: 'Which port in Iran clears Chinese machinery parts fastest?',
      problem: question,
      solution: answer,
    });
  });

  it('a Persian question answered in English: the contribution stays in English, its problem left for the curator, who sees the question as asked', async () => {
    const question = 'برای ثبت کارخانهٔ لبنیات در سامانهٔ گمرک چین چه مدارکی لازم است؟';
    const answer = 'We sent the factory registration through a Chinese agent to the GACC portal; approval took three months.';
    const { asker, payload } = await putToCommunity('fa', question, STAFF_CHAT_ID);
    const member = await answerFromChinaAnonymously(payload, answer);
    // The asker receives it as written, saying it is English.
    expect(asker.history.at(-1)!.text).toBe(tg.text('fa', 'community-answer-received', { question, answer, language: 'en', translated: 'no' }));

    // One language: the answer's. No model has the question in English, so the problem waits for a curator, as with /save.
    const [kept] = await tg.app.experiences.listByContributor(member.id);
    expect(kept).toMatchObject({ language: 'en', status: 'pending' });
    expect(Object.keys(kept!.texts)).toEqual(['en']);
    expect(kept!.texts.en).toMatchObject({ title: answer, problem: '', solution: answer });
    const card = () => staffChat.botMessages.find((m) => m.text.includes(`#${kept!.id}`))!;
    expect(card().text).toContain(tg.text('en', 'curation-warning-problem-missing'));
    // The asker's question, as they wrote it, for the curator's reference.
    expect(card().text).toContain(tg.text('en', 'curation-card-asked', { language: tg.text('en', 'bot-language-name-fa'), question }));

    // Not published until a curator writes the problem in English with ✏️ Edit.
    const admin = tg.member({ id: ADMIN, language_code: 'en' });
    await admin.says('/start');
    const adminInStaffChat = admin.inGroup(staffChat);
    await adminInStaffChat.presses(tg.text('en', 'curation-button-approve'), { under: card() });
    expect(adminInStaffChat.toasts.at(-1)).toBe(tg.text('en', 'curation-problem-missing'));
    expect((await tg.app.experiences.getById(kept!.id))!.status).toBe('pending');
    await adminInStaffChat.presses(tg.text('en', 'curation-button-edit'), { under: card() });
    await admin.presses(tg.text('en', 'bot-language-name-en'));
    await admin.presses(tg.text('en', 'share-field-problem'));
    const problem = 'Which documents does a dairy factory need to register with Chinese customs?';
    await admin.says(problem);
    await admin.presses(tg.text('en', 'curation-edit-done'));
    await tg.outboxSent();
    expect(card().text).not.toContain(tg.text('en', 'curation-warning-problem-missing'));
    await adminInStaffChat.presses(tg.text('en', 'curation-button-approve'), { under: card() });
    expect(adminInStaffChat.toasts.at(-1)).toBe(tg.plainText('en', 'curation-approved'));
    expect((await tg.app.experiences.getById(kept!.id))!).toMatchObject({ status: 'published', texts: { en: { problem, solution: answer } } });
  });

  it('a question kept translated into the answer’s language gives the contribution its title and problem', async () => {
    const question = 'آیا برای صادرات زعفران به چین برچسب چینی روی هر بسته لازم است؟';
    const translation = 'Does every saffron package exported to China need a Chinese label?';
    const answer = 'Yes: our Shanghai importer rejected two pallets until each box had a Chinese label with the importer’s address.';
    const { payload } = await putToCommunity('fa', question, STAFF_CHAT_ID);
    // Kept from when a model translated it for an English-speaking chat (migration 0028).
    await tg.app.community.openQuestions.saveTranslations(Number(payload.slice(3)), { en: translation });
    const member = await answerFromChinaAnonymously(payload, answer);
    const [kept] = await tg.app.experiences.listByContributor(member.id);
    expect(kept!.texts).toEqual({ en: expect.objectContaining({ title: translation, problem: translation, solution: answer }) });
    const card = plain(botPosts(STAFF_CHAT_ID).find((m) => plain(m.text).includes(`#${kept!.id}`))!.text);
    expect(card).not.toContain(tg.text('en', 'curation-warning-problem-missing'));
    expect(card).toContain(tg.text('en', 'curation-card-asked', { language: tg.text('en', 'bot-language-name-fa'), question }));
  });

  it('at most 3 open questions a member, the same words not posted twice; /open lists them; staff close one and its posts say so', async () => {
    const asker = tg.member({ language_code: 'en' });
    await asker.says('/start');
    const questions = [
      'Where can I find a reliable saffron buyer in Shanghai?',
      'How long does Chinese customs hold dried pistachios for inspection?',
      'Which Iranian bank still handles yuan letters of credit?',
    ];
    for (const q of questions) {
      await asker.says(q);
      await asker.presses(tg.text('en', 'bot-button-ask-community'));
      expect(asker.lastReply?.text).toBe(tg.text('en', 'bot-community-opened'));
    }
    // The same words asked again are the open question already posted.
    await asker.says('where can I find a reliable saffron buyer in Shanghai');
    await asker.presses(tg.text('en', 'bot-button-ask-community'));
    expect(asker.lastReply?.text).toBe(tg.text('en', 'bot-community-already'));
    await asker.says('Is a Chinese halal label accepted in Iran?');
    await asker.presses(tg.text('en', 'bot-button-ask-community'));
    expect(asker.lastReply?.text).toBe(tg.text('en', 'community-too-many-open', { max: 3 }));
    await tg.outboxSent();
    expect(botPosts(MEMBERS_GROUP_ID).filter((m) => plain(m.text).toLowerCase().includes('saffron'))).toHaveLength(1);
    expect(botPosts(MEMBERS_GROUP_ID).filter((m) => plain(m.text).includes('halal label'))).toHaveLength(0);

    const member = tg.member({ language_code: 'en' });
    const [list] = await member.says('/open');
    for (const q of questions) expect(list!.text).toContain(q);
    expect(list!.text).not.toContain(tg.text('en', 'community-open-close-hint'));
    const saffron = (await tg.app.community.openQuestions.listOpen(10)).find((q) => q.text === questions[0])!;
    expect(list!.message.reply_markup?.inline_keyboard.flat().map((b) => ('url' in b ? b.url : undefined))).toContain(
      `https://t.me/sme_bridge_bot?start=oq_${saffron.id}`,
    );

    expect((await member.says(`/close ${saffron.id}`))[0]!.text).toBe(tg.text('en', 'community-close-forbidden'));
    const admin = tg.member({ id: ADMIN, language_code: 'en' });
    await admin.says('/start');
    expect((await admin.says('/open'))[0]!.text).toContain(tg.text('en', 'community-open-close-hint'));
    expect((await admin.says(`/close ${saffron.id}`))[0]!.text).toBe(tg.text('en', 'community-close-closed', { id: saffron.id }));
    expect((await admin.says(`/close ${saffron.id}`))[0]!.text).toBe(tg.text('en', 'community-close-not-open', { id: saffron.id }));
    // The audit log (what `sme-bridge audit` prints) says who closed it, once; the refused and the repeated /close left no row.
    const closings = (await readAuditLog(tg.db)).filter((e) => e.subject === `open-question:${saffron.id}`);
    expect(closings).toEqual([
      {
        at: expect.any(Date),
        actorTelegramId: ADMIN,
        action: 'open-question.close',
        subject: `open-question:${saffron.id}`,
        before: { status: 'open' },
        after: { status: 'closed' },
      },
    ]);
    await tg.outboxSent();
    for (const chatId of [STAFF_CHAT_ID, MEMBERS_GROUP_ID]) {
      const [post] = botPosts(chatId).filter((m) => plain(m.text).includes(questions[0]!));
      expect(plain(post!.text)).toBe(withLanguageHint(tg, tg.text('en', 'community-question-closed', { question: questions[0]!, language: 'en' })));
      expect(post!.reply_markup?.inline_keyboard ?? []).toEqual([]);
    }
    // Its asker, promised the community's answers, is told it is closed rather than left waiting.
    expect(asker.history.at(-1)!.text).toBe(tg.text('en', 'community-question-closed-notice', { question: questions[0]! }));
    // A closed question frees a place: the member may ask another.
    await asker.says('Is a Chinese halal label accepted in Iran?');
    await asker.presses(tg.text('en', 'bot-button-ask-community'));
    expect(asker.lastReply?.text).toBe(tg.text('en', 'bot-community-opened'));
  });
});

describe('a community answer with a model configured', () => {
  let tg: TelegramTest;
  let llm: FakeOpenAi;
  const TRANSLATED = 'ما از یک نمایندهٔ محلی خواستیم مدارک ثبت را به گمرک چین بدهد؛ پس از بازرسی کارخانه، سه ماه بعد شمارهٔ ثبت گرفتیم.';

  beforeAll(async () => {
    llm = await startFakeOpenAi();
    // Question translations for retrieval get nothing; the answer's translation is asked with the answer's words.
    llm.onChat((r) => ({
      content: r.messages.some((m) => m.content.includes(ANSWER)) ? JSON.stringify({ fa: TRANSLATED, en: 'We asked a local agent…' }) : '{}',
    }));
    tg = await TelegramTest.start({
      env: { STAFF_CHAT_ID: String(STAFF_CHAT_ID), OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: llm.baseURL },
      bot: { throttle: false },
    });
    tg.group({ title: 'SME Bridge staff' });
  });
  afterAll(async () => {
    await tg?.stop();
    await llm?.close();
  });

  it('reaches the asker translated into their language, saying from which', async () => {
    const asker = tg.member({ language_code: 'fa' });
    await asker.says('/start');
    await asker.says(QUESTION);
    await asker.presses(tg.text('fa', 'bot-button-ask-community'));
    await tg.outboxSent();
    const post = tg.emulator.state.messages(STAFF_CHAT_ID).find((m) => plain(m.text).includes(QUESTION))!;
    const payload = deepLinkPayload(post.reply_markup?.inline_keyboard.flat() as { text: string; url?: string }[]);
    const answerer = tg.member({ first_name: 'Li', language_code: 'zh' });
    await answerer.says(`/start ${payload}`);
    await answerer.says(ANSWER);
    await answerer.says('cn');
    await answerer.presses(tg.text('zh', 'community-answer-button-anonymous'));
    await tg.outboxSent();
    expect(asker.history.at(-1)!.text).toBe(
      tg.text('fa', 'community-answer-received', { question: QUESTION, answer: TRANSLATED, language: 'zh', translated: 'yes' }),
    );
    // Translated for reading (prompts/translate-message.md), not rewritten as the search rewrites questions.
    const [asked, ...again] = llm.chatRequests().filter((r) => r.messages.some((m) => m.content.includes(ANSWER)));
    expect(again).toEqual([]);
    expect(asked!.messages[0]!.content).toContain('You translate messages that members');
    expect(asked!.messages[0]!.content).not.toContain('search engine');
  });
});
