import { afterAll, beforeAll, describe, expect, it as anyIt } from 'vitest';
import { testDatabases } from '../helpers/db.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { carriesContactOf, TelegramTest, withLanguageHint, type Reply, type TestGroup, type TestMember } from '../helpers/telegram.ts';

// A file's tests follow on from each other, even in the databases' suites that run side by side below.
const it = anyIt.sequential;

// The community loop as the center lives it: a Persian member, a Chinese member, an English
// member, a curator and an admin of the bot, the staff chat and a members' forum group, all at
// once. Each step is checked as its people see it: their language, their chat, their topic.

const STAFF_CHAT_ID = -1_000_000_000_301;
const FORUM_ID = -1_000_000_000_302;
const ADMIN = 930_001;
const CURATOR = 930_002;
const GROUP_LIMIT = 3;

const RAIL = {
  zh: '经哈萨克斯坦的铁路运输要多久？',
  en: 'How long does rail freight through Kazakhstan take?',
  title: { zh: '经哈萨克斯坦铁路运输', en: 'Rail freight through Kazakhstan' },
};
const DYEING = {
  fa: { question: 'رنگرزی پنبه بدون رنگ‌پریدگی چطور ممکن است؟', title: 'رنگرزی پنبه بدون رنگ‌پریدگی' },
  zh: { question: '棉布染色怎么才能不褪色？', title: '棉布染色不褪色' },
};

const QUESTION = 'چطور می‌توانم برای محصولات لبنی مجوز صادرات به چین بگیرم؟';
const ANSWER = '我们请了当地代理向海关总署提交注册资料，工厂审核通过后三个月拿到了注册号，之后每批乳制品都顺利出口。';
const ZHANG_COMPANY = '宁波港通贸易';
/** Zhang's company as Maryam and John read it: in Latin letters, with the stored name beside it. */
const ZHANG_COMPANY_READ = `Ningbo Gangtong Trading (${ZHANG_COMPANY})`;
/** What Sara writes on Zhang's card: without a model the bot has Maryam's question in Persian only, so his Chinese contribution waits for its problem. */
const DAIRY = { title: '乳制品对华出口许可证和注册', problem: '我们想把伊朗乳制品出口到中国，不知道怎样办理出口许可证和工厂注册。' };
const SAVED = {
  fa: 'ما پول تأمین‌کننده را از طریق یک صرافی در ارومچی به حساب یوانی او فرستادیم و رسید بانکی را همان روز گرفتیم.',
  en: 'Our rail wagons via Almaty took eighteen days door to door, half the time the sea freight took us last year.',
};
const SAVED_PROBLEM = 'How do I pay a Chinese supplier without a letter of credit?';
const ENGLISH_QUESTION = 'How do we get an export license for our dairy products to China?';
const GROUP_QUESTION = 'مجوز صادرات محصولات لبنی به چین را چطور بگیریم؟';
const JOHN_REASON = 'We import Iranian dairy into Shanghai and want a partner who knows the registration.';
const MARYAM_REASON = 'می‌خواهیم پنیر صادر کنیم و به راهنمایی برای ثبت کارخانه نیاز داریم.';

// Each database's run has its own bot and database: the two run side by side.
describe.concurrent.each(testDatabases())('the community, several people at once, on $name', ({ open }) => {
  let tg: TelegramTest;
  let staffChat: TestGroup;
  let forum: TestGroup;
  let maryam: TestMember;
  let zhang: TestMember;
  let john: TestMember;
  let sara: TestMember;
  let ada: TestMember;

  beforeAll(async () => {
    tg = await TelegramTest.start({
      openDb: open,
      // A base of some size, as the bot meets it (with two or three experiences the search refuses
      // answers across languages); without its dairy story, so nobody has answered Maryam yet.
      experiences: unrelatedExperiences().filter((e) => e.industry !== 'food'),
      env: {
        STAFF_CHAT_ID: String(STAFF_CHAT_ID),
        COMMUNITY_CHAT_IDS: String(FORUM_ID),
        ALLOWED_CHAT_IDS: String(FORUM_ID),
        ADMIN_IDS: String(ADMIN),
        GROUP_RATE_LIMIT_PER_MINUTE: String(GROUP_LIMIT),
      },
      bot: { throttle: false },
    });
    staffChat = tg.group({ id: STAFF_CHAT_ID, title: 'SME Bridge staff' });
    forum = tg.group({ id: FORUM_ID, title: 'Iran–China SMEs', forum: true });
    // What `sme-bridge start` does first.
    await tg.app.community.staff.applyAdminIds(tg.app.config.adminTelegramIds);
    maryam = tg.member({ first_name: 'Maryam', username: 'maryam_saffron', language_code: 'fa' });
    zhang = tg.member({ first_name: 'Zhang', username: 'zhang_ningbo', language_code: 'zh' });
    john = tg.member({ first_name: 'John', username: 'john_trader', language_code: 'en' });
    sara = tg.member({ id: CURATOR, first_name: 'Sara', language_code: 'en' });
    ada = tg.member({ id: ADMIN, first_name: 'Ada', language_code: 'en' });
  });
  afterAll(async () => {
    await tg?.stop();
  });

  it('a Persian question nobody could answer reaches the staff chat and the Chinese-speaking forum; the Chinese member answers from its link; 👍 settles it', async () => {
    for (const person of [maryam, zhang, john, sara, ada]) await person.says('/start');
    expect((await ada.says(`/staff add ${CURATOR}`)).map((r) => r.text)).toEqual([tg.text('en', 'curation-staff-added', { name: 'Sara' })]);

    // Zhang runs the forum: its admins choose Chinese for the bot's own words there.
    const zhangInForum = zhang.inGroup(forum);
    tg.emulator.state.directory.setStatus(FORUM_ID, zhang.user.id, 'administrator');
    const [settings] = await zhangInForum.says('/settings');
    await zhangInForum.presses(tg.text('zh', 'bot-language-name-zh'), { under: settings });
    expect(forum.botMessages.find((m) => m.message.message_id === settings!.message.message_id)!.text).toBe(
      tg.text('zh', 'group-settings-title', { language: tg.text('zh', 'bot-language-name-zh'), answering: tg.text('zh', 'group-settings-on') }),
    );

    // Maryam asks what nobody has written about yet; John chats in the forum's Logistics topic meanwhile.
    const [nothing, ...more] = await maryam.says(QUESTION);
    expect(more).toEqual([]);
    expect(nothing!.text).toContain(tg.text('fa', 'bot-abstained-offer'));
    expect(nothing!.buttons).toEqual([tg.text('fa', 'bot-button-ask-community')]);
    const johnInLogistics = john.inGroup(forum, { topic: 'Logistics' });
    expect(await johnInLogistics.says('Anyone shipping by rail through Kazakhstan this month?')).toEqual([]);
    expect((await maryam.presses(tg.text('fa', 'bot-button-ask-community'))).map((r) => r.text)).toEqual([tg.text('fa', 'bot-community-opened')]);

    // Zhang, meanwhile, fills in his profile and lets members ask to be introduced.
    await zhang.says('/profile');
    await zhang.says(ZHANG_COMPANY);
    await zhang.presses(tg.text('zh', 'country-CN'));
    expect((await zhang.presses(tg.text('zh', 'industry-logistics'))).at(-1)!.text).toBe(tg.text('zh', 'intro-consent-off'));
    expect((await zhang.presses(tg.text('zh', 'intro-consent-button-on'))).map((r) => r.text)).toEqual([tg.text('zh', 'intro-consent-on')]);

    // Posted without Maryam's name: in English in the staff chat, in Chinese in the forum (its General topic), her words as she wrote them.
    await tg.outboxSent();
    const staffPost = staffChat.botMessages.find((m) => m.text.includes(QUESTION))!;
    expect(staffPost.text).toBe(withLanguageHint(tg, tg.text('en', 'community-question-post', { question: QUESTION, language: 'fa' })));
    expect(staffPost.buttons).toEqual([tg.text('en', 'community-button-can-answer')]);
    const forumPost = forum.botMessages.find((m) => m.text.includes(QUESTION))!;
    expect(forumPost.text).toBe(tg.text('zh', 'community-question-post', { question: QUESTION, language: 'fa' }));
    expect(forumPost.buttons).toEqual([tg.text('zh', 'community-button-can-answer')]);
    expect(forumPost.message.message_thread_id).toBeUndefined();
    for (const post of [staffPost, forumPost]) expect(post.text).not.toContain('Maryam');
    expect(johnInLogistics.history).toEqual([]);

    // Zhang answers from the forum's link: a private chat shows the question and takes his answer.
    expect((await zhangInForum.opensLink(forumPost, tg.text('zh', 'community-button-can-answer'))).map((r) => r.text)).toEqual([
      tg.text('zh', 'community-answer-prompt', { question: QUESTION }),
    ]);
    // John opens the same link, then thinks better of it: his /cancel sends nothing.
    expect((await johnInLogistics.opensLink(forumPost, tg.text('zh', 'community-button-can-answer'))).map((r) => r.text)).toEqual([
      tg.text('en', 'community-answer-prompt', { question: QUESTION }),
    ]);
    const [askNamed] = await zhang.says(ANSWER);
    expect(askNamed!.buttons).toEqual([
      tg.text('zh', 'community-answer-button-named', { who: `Zhang · ${ZHANG_COMPANY}` }),
      tg.text('zh', 'community-answer-button-anonymous'),
    ]);
    expect((await john.says('/cancel')).map((r) => r.text)).toEqual([tg.text('en', 'community-answer-cancelled')]);
    expect((await zhang.presses(tg.text('zh', 'community-answer-button-named', { who: `Zhang · ${ZHANG_COMPANY}` }))).map((r) => r.text)).toEqual([
      tg.text('zh', 'community-answer-sent'),
    ]);

    // Maryam reads it in Persian: no model, so as written, saying it is Chinese, and by whom, as Zhang agreed.
    await tg.outboxSent();
    const received = maryam.history.at(-1)!;
    expect(received.text).toBe(
      tg.text('fa', 'community-answer-received-named', {
        question: QUESTION,
        answer: ANSWER,
        language: 'zh',
        translated: 'no',
        who: `Zhang · ${ZHANG_COMPANY_READ}`,
      }),
    );
    expect(received.buttons).toEqual([tg.text('fa', 'bot-button-helpful'), tg.text('fa', 'bot-button-not-helpful')]);
    expect(carriesContactOf(received, zhang)).toBe(false);
    // Its review card waits in the staff chat, credited to Zhang.
    const card = staffChat.botMessages.find((m) => m.text.includes(ANSWER))!;
    expect(card.text).toContain(tg.text('en', 'curation-status-pending'));
    // All in Chinese, Zhang's language: Maryam's Persian question is shown for reference, and the problem is left to the curator.
    expect(card.text).toContain(tg.text('en', 'curation-card-asked', { language: tg.text('en', 'bot-language-name-fa'), question: QUESTION }));
    expect(card.text).toContain(tg.text('en', 'curation-warning-problem-missing'));
    expect(card.text).toContain(`👤 Zhang, ${ZHANG_COMPANY} · ${tg.text('en', 'country-CN')}`);
    expect(card.buttons).toEqual(['approve', 'edit', 'merge', 'reject'].map((a) => tg.text('en', `curation-button-${a}`)));

    // Maryam's 👍 settles it: both posts say so, in their chat's language, and their link is gone.
    await maryam.presses(tg.text('fa', 'bot-button-helpful'));
    expect(maryam.toasts).toEqual([tg.text('fa', 'community-answer-feedback-thanks')]);
    await tg.outboxSent();
    const settled = (post: Reply, group: TestGroup) => group.botMessages.find((m) => m.message.message_id === post.message.message_id)!;
    expect(settled(staffPost, staffChat).text).toBe(withLanguageHint(tg, tg.text('en', 'community-question-answered', { question: QUESTION, language: 'fa' })));
    expect(settled(forumPost, forum).text).toBe(tg.text('zh', 'community-question-answered', { question: QUESTION, language: 'fa' }));
    expect(settled(forumPost, forum).buttons).toEqual([]);
    expect(settled(staffPost, staffChat).buttons).toEqual([]);
  });

  it('the curator approves the answer on its card while keeping two forum messages with /save: Maryam consents with her name, John refuses', async () => {
    const card = staffChat.botMessages.find((m) => m.text.includes(ANSWER))!;
    const saraInPayments = sara.inGroup(forum, { topic: 'Payments' });
    const maryamInPayments = maryam.inGroup(forum, { topic: 'Payments' });
    const johnInPayments = john.inGroup(forum, { topic: 'Payments' });
    expect(await maryamInPayments.says(SAVED.fa)).toEqual([]);
    const maryamsMessage = forum.lastMessage;
    expect(await johnInPayments.says(SAVED.en)).toEqual([]);
    const johnsMessage = forum.lastMessage;

    // Sara keeps both, answered in the forum's language (Chinese), in the topic, as a reply to her /save.
    for (const [message, command] of [
      [maryamsMessage, `/save ${SAVED_PROBLEM}`],
      [johnsMessage, '/save'],
    ] as const) {
      const [done, ...more] = await saraInPayments.says(command, { replyTo: message });
      expect(more).toEqual([]);
      expect(done!.text).toBe(tg.text('zh', 'save-done-asked'));
      expect(done!.message.message_thread_id).toBe(saraInPayments.threadId);
      expect(done!.message.reply_to_message_id).toBe(saraInPayments.lastUpdate!.message!.message_id);
    }
    await tg.outboxSent();
    // Each author is asked privately, in their language; nothing reaches the staff before they answer.
    const askMaryam = maryam.history.at(-1)!;
    expect(askMaryam.text).toBe(tg.text('fa', 'save-consent-question', { group: forum.chat.title!, text: SAVED.fa, days: 7 }));
    expect(askMaryam.buttons).toEqual([
      tg.text('fa', 'save-consent-button-named', { who: 'Maryam' }),
      tg.text('fa', 'save-consent-button-anonymous'),
      tg.text('fa', 'save-consent-button-declined'),
    ]);
    expect(john.history.at(-1)!.text).toBe(tg.text('en', 'save-consent-question', { group: forum.chat.title!, text: SAVED.en, days: 7 }));
    expect(staffChat.botMessages.filter((m) => m.text.includes(SAVED.fa) || m.text.includes(SAVED.en))).toEqual([]);

    // John says no: nothing is kept, nothing goes to review, and /my has nothing of his.
    expect((await john.presses(tg.text('en', 'save-consent-button-declined'))).map((r) => r.text)).toEqual([tg.text('en', 'save-consent-declined')]);
    expect((await john.says('/my')).map((r) => r.text)).toEqual([tg.text('en', 'my-empty')]);

    // Sara cannot approve Zhang's answer before its problem is written: she writes it, and a title, in Chinese with ✏️ Edit.
    const saraInStaffChat = sara.inGroup(staffChat);
    await saraInStaffChat.presses(tg.text('en', 'curation-button-approve'), { under: card });
    expect(saraInStaffChat.toasts).toEqual([tg.text('en', 'curation-problem-missing')]);
    await saraInStaffChat.presses(tg.text('en', 'curation-button-edit'), { under: card });
    await sara.presses(tg.text('en', 'bot-language-name-zh'));
    for (const field of ['problem', 'title'] as const) {
      await sara.presses(tg.text('en', `share-field-${field}`));
      expect((await sara.says(DAIRY[field])).map((r) => r.text)).toContain(tg.plainText('en', 'curation-edit-saved'));
    }
    await sara.presses(tg.text('en', 'curation-edit-done'));
    await tg.outboxSent();
    const written = staffChat.botMessages.find((m) => m.message.message_id === card.message.message_id)!;
    expect(written.text).toContain(DAIRY.problem);
    expect(written.text).not.toContain(tg.text('en', 'curation-warning-problem-missing'));
    // Approved: the card says so, and Zhang hears in Chinese, with its link.
    await saraInStaffChat.presses(tg.text('en', 'curation-button-approve'), { under: card });
    expect(saraInStaffChat.toasts).toEqual([tg.plainText('en', 'curation-approved')]);
    const decided = staffChat.botMessages.find((m) => m.message.message_id === card.message.message_id)!;
    expect(decided.text).toContain(`${tg.plainText('en', 'curation-outcome-published')} by Sara`);
    expect(decided.buttons).toEqual([]);
    await tg.outboxSent();
    const [published] = await tg.db.query<{ external_id: string; status: string }>(
      `SELECT e.external_id, e.status FROM experiences e JOIN members m ON m.id = e.contributor_member_id WHERE m.telegram_id = $1`,
      [zhang.user.id],
    );
    expect(published!.status).toBe('published');
    expect(zhang.history.at(-1)!.text).toBe(
      tg.text('zh', 'curation-approved-notice', {
        title: DAIRY.title,
        link: `https://t.me/${tg.emulator.botInfo.username}?start=exp_${published!.external_id}`,
      }),
    );

    // Maryam says yes, with her name: her message goes to review, credited to her, with Sara's problem.
    expect((await maryam.presses(tg.text('fa', 'save-consent-button-named', { who: 'Maryam' }))).map((r) => r.text)).toEqual([
      tg.text('fa', 'save-consent-named'),
    ]);
    await tg.outboxSent();
    const [savedCard, ...moreCards] = staffChat.botMessages.filter((m) => m.text.includes(SAVED.fa));
    expect(moreCards).toEqual([]);
    expect(savedCard!.text).toContain(SAVED_PROBLEM);
    expect(savedCard!.text).toContain('👤 Maryam');
    expect(savedCard!.text).toContain(tg.text('en', 'curation-status-pending'));
    expect((await maryam.says('/my'))[0]!.text).toContain(tg.text('fa', 'my-status-pending'));
    expect(staffChat.botMessages.filter((m) => m.text.includes(SAVED.en))).toEqual([]);
    expect(await tg.db.query(`SELECT 1 FROM experience_texts WHERE solution = $1`, [SAVED.en])).toEqual([]);
    // The topic heard only Sara's two confirmations.
    expect(saraInPayments.history.map((r) => r.text)).toEqual([tg.text('zh', 'save-done-asked'), tg.text('zh', 'save-done-asked')]);
  });

  it('the English member’s next question finds the new experience; he and Maryam ask to meet its author, who accepts him and declines her', async () => {
    const [answer] = await john.says(ENGLISH_QUESTION);
    expect(answer!.text).toContain(DAIRY.title);
    expect(answer!.text).toContain(ANSWER);
    // Zhang's company, named in Latin letters for an English reader.
    expect(answer!.text).toContain(`Ningbo Gangtong Trading, ${tg.text('en', 'country-CN')}`);
    const [johnsStory] = await john.presses('📖');
    expect(johnsStory!.text).toContain(ANSWER);
    expect(johnsStory!.buttons).toEqual([tg.text('en', 'intro-button')]);
    const [askWhy] = await john.presses(tg.text('en', 'intro-button'));
    expect(askWhy!.text).toBe(tg.text('en', 'intro-ask-reason', { title: DAIRY.title, max: 300 }));

    // Maryam, meanwhile, asks her question again: now the base answers it, and she too asks to meet its author.
    const [again] = await maryam.says(QUESTION);
    expect(again!.text).toContain(ANSWER);
    await maryam.presses('📖');
    await maryam.presses(tg.text('fa', 'intro-button'));
    expect((await john.says(JOHN_REASON)).map((r) => r.text)).toEqual([tg.text('en', 'intro-sent')]);
    expect((await maryam.says(MARYAM_REASON)).map((r) => r.text)).toEqual([tg.text('fa', 'intro-sent')]);

    // Zhang is asked twice, in Chinese, each with who asks and why; no contact yet either way.
    await tg.outboxSent();
    const requests = zhang.history.filter((m) => m.buttons.includes(tg.text('zh', 'intro-button-accept')));
    expect(requests.map((r) => r.text)).toEqual([
      tg.text('zh', 'intro-message-request', { title: DAIRY.title, who: 'John', reason: JOHN_REASON }),
      tg.text('zh', 'intro-message-request', { title: DAIRY.title, who: 'Maryam', reason: MARYAM_REASON }),
    ]);
    const [fromJohn, fromMaryam] = requests as [Reply, Reply];
    for (const request of requests) expect(request.buttons).toEqual([tg.text('zh', 'intro-button-accept'), tg.text('zh', 'intro-button-decline')]);
    expect(zhang.history.filter((m) => carriesContactOf(m, john) || carriesContactOf(m, maryam))).toEqual([]);

    // He answers the later one first: Maryam is declined, kindly, in Persian.
    expect((await zhang.presses(tg.text('zh', 'intro-button-decline'), { under: fromMaryam })).at(-1)!.text).toBe(tg.text('zh', 'intro-you-declined'));
    await tg.outboxSent();
    expect(maryam.history.at(-1)!.text).toBe(tg.text('fa', 'intro-message-declined', { title: DAIRY.title }));
    // John is accepted: each gets the other's contact and a line about them, in their own language.
    const toZhang = (await zhang.presses(tg.text('zh', 'intro-button-accept'), { under: fromJohn })).at(-1)!;
    expect(toZhang.text).toBe(
      tg.text('zh', 'intro-message-contact-to-contributor', { who: 'John', title: DAIRY.title, reason: JOHN_REASON, contact: `John (@${john.user.username})` }),
    );
    expect(carriesContactOf(toZhang, john)).toBe(true);
    await tg.outboxSent();
    const toJohn = john.history.at(-1)!;
    expect(toJohn.text).toBe(
      tg.text('en', 'intro-message-contact-to-asker', {
        who: `Zhang · ${ZHANG_COMPANY_READ} · ${tg.text('en', 'country-CN')}`,
        title: DAIRY.title,
        contact: `Zhang (@${zhang.user.username})`,
      }),
    );
    expect(carriesContactOf(toJohn, zhang)).toBe(true);
    // Every message Maryam ever got from the bot, in private or in the forum: Zhang's name as he chose, never his contact; and hers never reached him.
    expect(maryam.history.length).toBeGreaterThan(5);
    expect([...maryam.history, ...forum.botMessages].filter((m) => carriesContactOf(m, zhang))).toEqual([]);
    expect(zhang.history.filter((m) => carriesContactOf(m, maryam))).toEqual([]);
  });

  it('in the forum, /ask, a mention and a reply are answered in their topics and languages, plain talk is left alone; a group not enabled is left; another group meets its limit', async () => {
    const bot = `@${tg.emulator.botInfo.username}`;
    const maryamInCustoms = maryam.inGroup(forum, { topic: 'Customs' });
    const johnInCustoms = john.inGroup(forum, { topic: 'Customs' });
    const zhangInLogistics = zhang.inGroup(forum, { topic: 'Logistics' });
    const johnInLogistics = john.inGroup(forum, { topic: 'Logistics' });

    const [inPersian, ...more] = await maryamInCustoms.says(`/ask ${GROUP_QUESTION}`);
    expect(more).toEqual([]);
    // In Persian, the question's language, although the forum's own words are Chinese.
    expect(inPersian!.text.startsWith(tg.text('fa', 'answer-offline-intro'))).toBe(true);
    expect(inPersian!.text).toContain(DAIRY.title);
    expect(inPersian!.text).toContain(ANSWER);
    expect(inPersian!.message.message_thread_id).toBe(maryamInCustoms.threadId);
    expect(inPersian!.message.reply_to_message_id).toBe(maryamInCustoms.lastUpdate!.message!.message_id);

    // Reza adds the bot to his textile traders' group, which nobody enabled: one line, in his language, and it leaves.
    const reza = tg.member({ first_name: 'Reza', language_code: 'fa' });
    const textiles = tg.group({ title: 'Iran–China textile traders' });
    const botStatus = () => tg.emulator.state.directory.status(textiles.id, tg.emulator.botInfo.id);
    tg.emulator.state.removeBot(textiles.chat, reza.user);
    await tg.handled(tg.emulator.state.addBot(textiles.chat, reza.user).update_id);
    expect(textiles.botMessages.map((m) => m.text)).toEqual([tg.plainText('fa', 'group-not-enabled', { chatId: String(textiles.id) })]);
    expect(textiles.botMessages[0]!.text.split('\n')).toHaveLength(1);
    expect(botStatus()).toBe('left');
    // What it said works: Ada, an admin of the bot, adds it back; that enables the group, and the bot stays, silent.
    await tg.handled(tg.emulator.state.addBot(textiles.chat, ada.user).update_id);
    expect(botStatus()).toBe('member');
    expect(textiles.botMessages).toHaveLength(1);

    // The textile traders ask away, up to the group's limit; then the bot says once when it can answer again.
    const traders = [reza, tg.member({ language_code: 'zh' })].map((m) => m.inGroup(textiles));
    for (let i = 0; i < GROUP_LIMIT; i++) {
      const language = (['fa', 'zh'] as const)[i % 2]!;
      expect((await traders[i % 2]!.says(`/ask ${DYEING[language].question}`))[0]!.text).toContain(DYEING[language].title);
    }
    const [limited, ...alsoSaid] = await traders[1]!.says(`/ask ${DYEING.zh.question}`);
    expect(limited!.message.reply_to_message_id).toBe(traders[1]!.lastUpdate!.message!.message_id);
    expect(alsoSaid).toEqual([]);
    const seconds = Number(/(\d+)/.exec(limited!.text.replace(String(GROUP_LIMIT), ''))?.[1]);
    expect(limited!.text).toBe(tg.text('zh', 'group-rate-limited', { limit: GROUP_LIMIT, seconds }));

    // The forum keeps its own count: Zhang's mention is answered in Chinese in Logistics, John's reply to it in English.
    const [inChinese] = await zhangInLogistics.says(`${bot} ${RAIL.zh}`);
    expect(inChinese!.text.startsWith(tg.text('zh', 'answer-offline-intro'))).toBe(true);
    expect(inChinese!.text).toContain(RAIL.title.zh);
    expect(inChinese!.message.message_thread_id).toBe(zhangInLogistics.threadId);
    const [inEnglish] = await johnInLogistics.says(RAIL.en, { replyTo: inChinese });
    expect(inEnglish!.text.startsWith(tg.text('en', 'answer-offline-intro'))).toBe(true);
    expect(inEnglish!.text).toContain(RAIL.title.en);
    expect(inEnglish!.message.message_thread_id).toBe(johnInLogistics.threadId);
    expect(inEnglish!.message.reply_to_message_id).toBe(johnInLogistics.lastUpdate!.message!.message_id);

    // The textile traders' group stays quiet until its minute is over, whoever asks, however.
    expect(await traders[0]!.says(`${bot} ${DYEING.fa.question}`)).toEqual([]);

    // Plain talk in the forum is the members' own: no answer, whoever it replies to, nor a command for another bot.
    expect(await johnInCustoms.says('Thanks, that is very useful!')).toEqual([]);
    expect(await maryamInCustoms.says('خواهش می‌کنم، موفق باشید.', { replyTo: forum.lastMessage })).toEqual([]);
    expect(await johnInCustoms.says(`/ask@some_other_bot ${RAIL.en}`)).toEqual([]);

    // Each topic holds what was said in it, and nothing else.
    expect(maryamInCustoms.history.map((m) => m.message.message_id)).toEqual([inPersian!.message.message_id]);
    expect(zhangInLogistics.history.map((m) => m.message.message_id)).toEqual([inChinese!.message.message_id, inEnglish!.message.message_id]);
  });
});
