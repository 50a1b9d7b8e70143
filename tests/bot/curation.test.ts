import { afterAll, beforeAll, describe, expect, it as anyIt } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { REVIEW } from '../../src/bot/callbacks.ts';
import { readAuditLog } from '../../src/knowledge/experiences/audit.ts';
import type { Language } from '../../src/text/language.ts';
import { testDatabases } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { plain, TelegramTest, type TestGroup, type TestMember } from '../helpers/telegram.ts';
import { logCollector, pressForged } from '../redteam/support.ts';

// A file's tests follow on from each other, even in the databases' suites that run side by side below.
const it = anyIt.sequential;

// The first group the emulator makes: the staff chat (checked below).
const STAFF_CHAT_ID = -1_000_000_000_001;
const ADMIN = 900_001;
const CURATORS = { fa: 900_002, zh: 900_003, en: 900_004 } as const;
const NAMES = { fa: 'Parisa', zh: 'Li Wei', en: 'Sam' } as const;

const BASE = anExperience({ id: 'kb-exchange-house' });
const OTHER = anExperience({
  id: 'kb-customs',
  title: 'ترخیص کالا از گمرک بندرعباس',
  translations: {
    en: {
      title: 'Clearing goods at Bandar Abbas customs',
      problem: 'Our container waited at customs for weeks.',
      solution: 'A licensed broker filed the papers before arrival.',
    },
  },
});

/** A contribution as a member writes it in /share. */
const STORIES = {
  fa: {
    title: 'ثبت برند در چین پیش از نمایشگاه',
    problem: 'یک شرکت چینی نام تجاری ما را پیش از ما در چین ثبت کرده بود و محموله‌مان متوقف شد.',
    solution: 'با یک وکیل چینی اعتراض ثبت کردیم و نام را به خط چینی هم ثبت کردیم. شش ماه طول کشید اما برند برگشت.',
  },
  zh: {
    title: '在伊朗注册食品出口商',
    problem: '我们的食品在伊朗港口被扣，因为出口商没有在伊朗食品药品管理局登记。',
    solution: '我们请了当地代理提交卫生证书和工厂审核资料。两个月后拿到登记号，货物放行。',
  },
  en: {
    title: 'Paying a Chinese supplier with a letter of credit from a Dubai bank',
    problem: 'Our bank could not wire money to the supplier in China, and the order was stuck.',
    solution: 'We opened a letter of credit through a bank in Dubai. The supplier was paid in yuan once the documents were presented.',
  },
} as const;

// Each database's run has its own bot and database: the two run side by side.
describe.concurrent.each(testDatabases())('center staff curate in Telegram, on $name', ({ open }) => {
  let tg: TelegramTest;
  let staffChat: TestGroup;
  let other: App;
  const logs = logCollector();
  const admin = () => tg.member({ id: ADMIN, first_name: 'Ada', language_code: 'en' });
  const curator = (language: Language) => tg.member({ id: CURATORS[language], first_name: NAMES[language], language_code: language });
  const inStaffChat = (m: TestMember) => m.inGroup(staffChat);
  const fa = () => tg.member({ id: 700_001, first_name: 'Maryam', language_code: 'fa' });
  const zh = () => tg.member({ id: 700_002, first_name: 'Zhang', language_code: 'zh' });
  const en = () => tg.member({ id: 700_003, first_name: 'John', language_code: 'en' });

  // The harness runs the outbox's senders, review cards included: wait for what is due to go out.
  const runJobs = () => tg.outboxSent();
  const status = async (id: number) => (await tg.app.experiences.getById(id))!.status;
  const cardOf = (title: string) =>
    staffChat.chat &&
    tg.emulator.state
      .messages(STAFF_CHAT_ID)
      .filter((m) => m.from === 'bot' && plain(m.text).includes(title))
      .at(0);
  const lastPrivate = (m: TestMember) => m.history.at(-1)!.text;
  /** The member starts the bot and picks their language (notifications follow the language chosen). */
  const speaks = async (member: TestMember) => {
    await member.says('/start');
    await member.says('/language');
    await member.presses(tg.text(member.user.language_code as Language, `bot-language-name-${member.user.language_code}`));
  };
  /** A contribution made through the same use case /share calls. */
  const contribute = async (member: TestMember, story: { title: string; problem: string; solution: string }) => {
    await speaks(member);
    const m = (await tg.app.community.members.getByTelegramId(member.user.id))!;
    const { experienceId } = await tg.app.community.submitContribution({ member: m, draft: { ...story, industry: 'food', tags: [] }, fallbackLanguage: 'en' });
    await runJobs();
    return experienceId;
  };

  beforeAll(async () => {
    tg = await TelegramTest.start({
      openDb: open,
      experiences: [BASE, OTHER],
      env: { ADMIN_IDS: String(ADMIN), STAFF_CHAT_ID: String(STAFF_CHAT_ID), LOG_LEVEL: 'info' },
      logDestination: logs.stream,
      // Telegram allows a bot about one message a second in a group; the emulator does not care.
      bot: { throttle: false },
    });
    staffChat = tg.group({ title: 'SME Bridge staff' });
    expect(staffChat.id).toBe(STAFF_CHAT_ID);
    // What `sme-bridge start` does first.
    await tg.app.community.staff.applyAdminIds(tg.app.config.adminTelegramIds);
    // Another process on the same database, with a search index of its own.
    other = await createApp(tg.app.config, { db: tg.db, logger: tg.app.logger });
    await other.loadSearchIndex();
  });
  afterAll(async () => {
    await other?.close();
    await tg?.stop();
  });

  it('an admin from ADMIN_IDS makes curators, by id and by replying to them; others cannot', async () => {
    await admin().says('/start');
    for (const language of ['fa', 'zh'] as const) {
      await curator(language).says('/start');
      expect(await admin().says(`/staff add ${CURATORS[language]}`)).toMatchObject([
        { text: tg.text('en', 'curation-staff-added', { name: NAMES[language] }) },
      ]);
    }
    // Sam has never written to the bot: a reply to his message in the staff chat names him.
    const [said] = await inStaffChat(curator('en')).says('Hello, I join the review team.');
    void said;
    const samMessage = tg.emulator.state
      .messages(STAFF_CHAT_ID)
      .filter((m) => m.from === CURATORS.en)
      .at(-1)!;
    await inStaffChat(admin()).says('/staff add', { replyTo: { message: samMessage, text: samMessage.text, buttons: [] } });
    expect(inStaffChat(admin()).history.at(-1)!.text).toBe(tg.text('en', 'curation-staff-added', { name: 'Sam' }));
    await curator('en').says('/start');

    const list = (await admin().says('/staff'))[0]!.text;
    for (const name of ['Ada', ...Object.values(NAMES)]) expect(list).toContain(name);
    expect(list).toContain(tg.text('en', 'curation-role-admin'));

    // A curator is not an admin: nothing changes.
    expect(await curator('fa').says(`/staff add ${fa().user.id}`)).toMatchObject([{ text: tg.text('fa', 'curation-admin-only') }]);
    expect(await curator('zh').says(`/staff remove ${CURATORS.en}`)).toMatchObject([{ text: tg.text('zh', 'curation-admin-only') }]);
    expect((await tg.app.community.members.getByTelegramId(CURATORS.en))!.role).toBe('curator');
    // And an admin is not removed with /staff.
    expect((await admin().says(`/staff remove ${ADMIN}`))[0]!.text).toBe(tg.text('en', 'curation-staff-target-admin', { name: 'Ada' }));
  });

  it('/share → a card in the staff chat → Approve → the contributor is told, and the next question, in any process, finds it', async () => {
    const maryam = fa();
    await speaks(maryam);
    await maryam.says('/share');
    await maryam.says(STORIES.fa.title);
    await maryam.says(STORIES.fa.problem);
    await maryam.says(STORIES.fa.solution);
    await maryam.presses(tg.text('fa', 'share-skip'));
    await maryam.presses(tg.text('fa', 'share-industry-food'));
    await maryam.presses(tg.text('fa', 'share-skip'));
    // No profile yet: the company's country, then whether readers see who shared it.
    await maryam.presses(tg.text('fa', 'country-IR'));
    await maryam.presses(tg.text('fa', 'share-button-named'));
    await maryam.presses(tg.text('fa', 'share-button-submit'));
    await runJobs();

    const card = cardOf(STORIES.fa.title)!;
    expect(card).toBeDefined();
    const text = plain(card.text);
    for (const part of Object.values(STORIES.fa)) expect(text).toContain(part);
    expect(text).toContain('Maryam');
    expect(text).toContain(tg.text('en', 'curation-card-similar'));
    // The staff chat reads English; each button is a choice of the four.
    expect((card.reply_markup?.inline_keyboard ?? []).flat().map((b) => plain(b.text))).toEqual(
      ['approve', 'edit', 'merge', 'reject'].map((a) => tg.text('en', `curation-button-${a}`)),
    );
    const id = REVIEW.decode((card.reply_markup!.inline_keyboard[0]![0] as { callback_data: string }).callback_data)!.experienceId;
    expect(await tg.app.retriever.search({ text: STORIES.fa.problem, language: 'fa' })).not.toMatchObject({ hits: [{ experienceId: id }] });

    const parisa = inStaffChat(curator('fa'));
    await parisa.presses(tg.text('en', 'curation-button-approve'));
    expect(parisa.toasts).toEqual([tg.plainText('fa', 'curation-approved')]);
    expect(await status(id)).toBe('published');
    const stored = await tg.db.query<{ verified_on: string; reviewer: string }>(
      'SELECT verified_on::text AS verified_on, (SELECT telegram_id::text FROM members WHERE id = reviewed_by) AS reviewer FROM experiences WHERE id = $1',
      [id],
    );
    expect(stored).toEqual([{ verified_on: new Date().toISOString().slice(0, 10), reviewer: String(CURATORS.fa) }]);

    // The card, edited in place: the outcome, who and when; no buttons left.
    const edited = tg.emulator.state.messages(STAFF_CHAT_ID).find((m) => m.message_id === card.message_id)!;
    expect(plain(edited.text)).toContain(`${tg.plainText('en', 'curation-outcome-published')} by Parisa`);
    expect(edited.reply_markup?.inline_keyboard.flat() ?? []).toEqual([]);

    await runJobs();
    const externalId = (await tg.app.experiences.getById(id))!.externalId;
    const notice = lastPrivate(maryam);
    expect(notice).toBe(
      tg.text('fa', 'curation-approved-notice', { title: STORIES.fa.title, link: `https://t.me/${tg.bot.botInfo.username}?start=exp_${externalId}` }),
    );

    // The next question finds it, here and in another process on the same database.
    const [answer] = await zh().says('一家中国公司抢注了我们的品牌，货物被扣，怎么办？ برند ما را در چین ثبت کرده بودند');
    expect(answer!.text).toContain(STORIES.fa.title);
    expect((await other.retriever.search({ text: STORIES.fa.problem, language: 'fa' })).hits[0]?.experienceId).toBe(id);

    // The deep link opens it.
    const [story] = await zh().says(`/start exp_${externalId}`);
    expect(story!.text).toContain(STORIES.fa.title);
  });

  it.each(['fa', 'zh', 'en'] as const)(
    'a curator reading %s rejects with a reason from the list; the contributor is told in their language',
    async (language) => {
      const zhang = zh();
      const id = await contribute(zhang, { ...STORIES.zh, title: `${STORIES.zh.title} ${language}` });
      const card = cardOf(`${STORIES.zh.title} ${language}`)!;
      const reviewer = inStaffChat(curator(language));
      await reviewer.presses(REVIEW.encode({ action: 'reject', experienceId: id }));
      const ask = reviewer.lastReply!;
      expect(ask.text).toBe(tg.text(language, 'curation-reject-ask', { title: `${STORIES.zh.title} ${language}` }));
      expect(ask.buttons).toContain(tg.text(language, 'curation-reason-duplicate'));
      await reviewer.presses(tg.text(language, 'curation-reason-unclear'));
      expect(reviewer.toasts).toEqual([tg.plainText(language, 'curation-rejected')]);
      expect(await status(id)).toBe('rejected');
      const edited = tg.emulator.state.messages(STAFF_CHAT_ID).find((m) => m.message_id === card.message_id)!;
      expect(plain(edited.text)).toContain(`${tg.plainText('en', 'curation-outcome-rejected')} by ${NAMES[language]}`);

      await runJobs();
      expect(lastPrivate(zhang)).toBe(tg.text('zh', 'curation-rejected-notice', { title: `${STORIES.zh.title} ${language}`, reason: 'unclear', text: '' }));
      // /my says why too, in the contributor's language, whatever language the curator read.
      const [mine] = await zhang.says('/my');
      const why = tg.text('zh', 'my-rejected-reason', { status: tg.text('zh', 'my-status-rejected'), reason: tg.text('zh', 'curation-reason-unclear') });
      expect(mine!.text).toContain(why);
      expect(mine!.text).not.toContain('unclear');
    },
  );

  it('a typed rejection reason reaches the contributor as written', async () => {
    const john = en();
    const id = await contribute(john, STORIES.en);
    const sam = inStaffChat(curator('en'));
    await sam.presses(REVIEW.encode({ action: 'reject', experienceId: id }));
    await sam.presses(tg.text('en', 'curation-reason-other'));
    expect(sam.lastReply!.text).toBe(tg.text('en', 'curation-reason-type'));
    const reason = 'Please name the Dubai bank and what the letter of credit cost.';
    expect((await sam.says(reason)).at(-1)!.text).toBe(tg.plainText('en', 'curation-rejected'));
    expect(await status(id)).toBe('rejected');
    await runJobs();
    expect(lastPrivate(john)).toBe(tg.text('en', 'curation-rejected-notice', { title: STORIES.en.title, reason: 'other', text: reason }));
    const [mine] = await john.says('/my');
    expect(mine!.text).toContain(tg.text('en', 'my-rejected-reason', { status: tg.text('en', 'my-status-rejected'), reason }));
    await john.presses(STORIES.en.title.slice(0, 20));
    expect(john.lastReply!.text.split('\n')[0]).toBe(tg.text('en', 'my-rejected-reason', { status: tg.text('en', 'my-status-rejected'), reason }));
  });

  it('Edit continues in the private chat: a field of a version, and a missing language version added (by a person)', async () => {
    const id = await contribute(fa(), { ...STORIES.fa, title: 'ثبت برند پیش از نمایشگاه کانتون' });
    const parisa = curator('fa');
    const parisaInStaffChat = inStaffChat(parisa);
    await parisaInStaffChat.presses(REVIEW.encode({ action: 'edit', experienceId: id }));
    expect(parisaInStaffChat.toasts).toEqual([tg.plainText('fa', 'curation-edit-in-private')]);
    expect(lastPrivate(parisa)).toBe(tg.text('fa', 'curation-edit-choose-language', { title: 'ثبت برند پیش از نمایشگاه کانتون' }));

    // The Persian title, corrected.
    await parisa.presses(tg.text('fa', 'bot-language-name-fa'));
    await parisa.presses(tg.text('fa', 'share-field-title'));
    await parisa.says('ثبت نام تجاری در چین پیش از نمایشگاه کانتون');
    expect(parisa.replies.map((r) => r.text)).toContain(tg.plainText('fa', 'curation-edit-saved'));
    await parisa.presses(tg.text('fa', 'curation-edit-done'));
    expect(parisa.lastReply!.text).toBe(tg.plainText('fa', 'curation-edit-finished'));

    // The Chinese version, added.
    await inStaffChat(parisa).presses(REVIEW.encode({ action: 'edit', experienceId: id }));
    await parisa.presses(tg.text('fa', 'curation-edit-language-missing', { language: tg.text('fa', 'bot-language-name-zh') }));
    await parisa.says('展会前在中国注册商标');
    await parisa.says('一家中国公司抢先注册了我们的品牌，货物被扣。');
    await parisa.says('我们请中国律师提出异议，并注册了中文商标。六个月后品牌回来了。');
    await parisa.presses(tg.text('fa', 'curation-edit-skip'));
    expect(parisa.lastReply!.text).toBe(tg.plainText('fa', 'curation-edit-saved'));

    const experience = (await tg.app.experiences.getById(id))!;
    expect(experience.texts.fa!.title).toBe('ثبت نام تجاری در چین پیش از نمایشگاه کانتون');
    expect(experience.texts.zh).toMatchObject({ title: '展会前在中国注册商标', origin: 'human', isOriginal: false });
    expect(experience.status).toBe('pending');
    // The card in the staff chat shows the new text, still waiting for a decision.
    const card = tg.emulator.state.messages(STAFF_CHAT_ID).find((m) => plain(m.text).includes('ثبت نام تجاری در چین پیش از نمایشگاه کانتون'))!;
    expect(plain(card.text)).toContain('展会前在中国注册商标');
    expect(card.reply_markup?.inline_keyboard.flat()).toHaveLength(4);

    // /cancel leaves an edit, and nothing is saved.
    await inStaffChat(parisa).presses(REVIEW.encode({ action: 'edit', experienceId: id }));
    await parisa.presses(tg.text('fa', 'bot-language-name-zh'));
    await parisa.presses(tg.text('fa', 'share-field-problem'));
    expect(await parisa.says('/cancel')).toMatchObject([{ text: tg.plainText('fa', 'curation-cancelled') }]);
    expect((await tg.app.experiences.getById(id))!.texts.zh!.problem).toBe('一家中国公司抢先注册了我们的品牌，货物被扣。');
  });

  it('Merge offers the similar experiences; the contribution is appended to the chosen one and archived', async () => {
    const john = en();
    const story = {
      title: 'Paying a Chinese supplier through an exchange house in Dubai',
      problem: 'Our bank could not wire money to China for our supplier.',
      solution: 'We paid in yuan through a licensed exchange house in Dubai. Keep every receipt for customs.',
    };
    const id = await contribute(john, story);
    const sam = inStaffChat(curator('en'));
    await sam.presses(REVIEW.encode({ action: 'merge', experienceId: id }));
    expect(sam.lastReply!.text).toBe(tg.text('en', 'curation-merge-ask', { title: story.title }));
    expect(sam.lastReply!.buttons[1]).toBe(tg.text('en', 'curation-merge-append', { index: 1 }));
    await sam.presses(tg.text('en', 'curation-merge-append', { index: 1 }));
    expect(sam.toasts).toEqual([tg.plainText('en', 'curation-merged')]);

    expect(await status(id)).toBe('archived');
    const target = (await tg.app.experiences.getByExternalId(BASE.id))!;
    expect(target.texts.en!.solution).toBe(`${BASE.translations!.en!.solution}\n\n${story.solution}`);
    expect(target.texts.en!.origin).toBe('human');
    await runJobs();
    expect(lastPrivate(john)).toContain(`?start=exp_${BASE.id}`);
  });

  it('two curators at once: one decision, the other is told who decided first', async () => {
    const id = await contribute(zh(), { ...STORIES.zh, title: '两位审核员同时审核' });
    // Li Wei opens it in his private chat; Parisa has it in the staff chat.
    const liWei = curator('zh');
    for (let shown = 0; !liWei.lastReply?.text.includes('两位审核员同时审核'); shown++) {
      expect(shown).toBeLessThan(10);
      await liWei.says('/review');
    }
    const parisa = inStaffChat(curator('fa'));
    await Promise.all([
      parisa.presses(REVIEW.encode({ action: 'approve', experienceId: id })),
      liWei.presses(REVIEW.encode({ action: 'approve', experienceId: id })),
    ]);
    const toasts = [...parisa.toasts, ...liWei.toasts];
    const approved = [tg.plainText('fa', 'curation-approved'), tg.plainText('zh', 'curation-approved')];
    expect(toasts.filter((t) => approved.includes(t))).toHaveLength(1);
    const loser = approved.indexOf(parisa.toasts[0]!) >= 0 ? liWei : parisa;
    const winner = loser === liWei ? NAMES.fa : NAMES.zh;
    expect(loser.toasts[0]).toContain(winner);
    expect((await readAuditLog(tg.db)).filter((e) => e.subject === `experience:${id}`)).toHaveLength(1);
    // Both cards show the outcome.
    expect(plain(liWei.history.find((r) => r.text.includes('两位审核员同时审核'))!.message.text)).toContain(winner);
  });

  it('a member pressing Approve with copied callback data is refused, logged, and nothing changes', async () => {
    const zhang = zh();
    const id = await contribute(zhang, { ...STORIES.zh, title: '复制的按钮' });
    const before = (await readAuditLog(tg.db)).length;
    const warned = logs.lines.length;
    expect(await pressForged(tg, zhang, REVIEW.encode({ action: 'approve', experienceId: id }))).toEqual([tg.plainText('zh', 'curation-not-staff')]);
    expect(await pressForged(tg, zhang, REVIEW.encode({ action: 'reject', experienceId: id }))).toEqual([tg.plainText('zh', 'curation-not-staff')]);
    // Data that does not decode.
    expect(await pressForged(tg, zhang, `rv:approve:${id}x`)).toEqual([tg.plainText('zh', 'bot-button-invalid')]);
    expect(await status(id)).toBe('pending');
    expect(await readAuditLog(tg.db)).toHaveLength(before);
    const refusals = logs.lines
      .slice(warned)
      .filter((l) => l.level === 40)
      .map((l) => l.msg);
    expect(refusals).toEqual([
      'a review decision by someone not staff now was refused',
      'a staff action by someone not staff now was refused',
      'a button press with callback data we do not know was refused',
    ]);
    // The member is no staff for /review either.
    expect(await zhang.says('/review')).toMatchObject([{ text: tg.plainText('zh', 'curation-not-staff') }]);
  });

  it('a curator removed from the staff: their old card buttons no longer work', async () => {
    const id = await contribute(en(), { ...STORIES.en, title: 'A card Sam can no longer decide' });
    expect(await admin().says(`/staff remove ${CURATORS.en}`)).toMatchObject([{ text: tg.text('en', 'curation-staff-removed', { name: 'Sam' }) }]);
    const sam = inStaffChat(curator('en'));
    await sam.presses(REVIEW.encode({ action: 'approve', experienceId: id }));
    expect(sam.toasts).toEqual([tg.plainText('en', 'curation-not-staff')]);
    await sam.presses(REVIEW.encode({ action: 'reject', experienceId: id }));
    expect(sam.toasts).toEqual([tg.plainText('en', 'curation-not-staff')]);
    expect(await status(id)).toBe('pending');
  });

  it('/review shows the oldest pending contribution with no card in the chat, imports included; /review missing lists languages to add', async () => {
    await tg.app.experiences.upsertRecords([anExperience({ id: 'kb-imported-pending', title: 'واردات چای از چین' })], { status: 'pending' });
    const liWei = curator('zh');
    const seen: string[] = [];
    const waiting = async () => (await tg.db.query<{ n: number }>("SELECT count(*)::int AS n FROM experiences WHERE status = 'pending'"))[0]!.n;
    for (;;) {
      const [reply] = await liWei.says('/review');
      // Every one shown here: the rest wait with their cards above.
      if (reply!.text === tg.plainText('zh', 'curation-review-none-new', { count: await waiting() })) break;
      seen.push(reply!.text);
      expect(seen.length).toBeLessThan(10);
    }
    expect(seen.some((t) => t.includes('واردات چای از چین'))).toBe(true);
    // Each pending one once, oldest first.
    const pending = await tg.db.query<{ n: number }>("SELECT count(*)::int AS n FROM experiences WHERE status = 'pending'");
    expect(seen.length).toBeLessThanOrEqual(pending[0]!.n);

    const [missing] = await liWei.says('/review missing');
    expect(missing!.text).toContain(tg.text('zh', 'curation-missing-header', { total: 3 }));
    expect(missing!.text).toContain(OTHER.title);
    expect(missing!.text).toContain(STORIES.fa.title);
    expect(missing!.text).toContain('两位审核员同时审核');
    expect(missing!.text).not.toContain(BASE.title);

    // Numbered in the reader's digits, as its buttons are.
    const [persian] = await curator('fa').says('/review missing');
    expect(persian!.text).toContain(`۱. ${OTHER.title}`);
    expect(persian!.buttons).toContain(tg.text('fa', 'curation-missing-edit', { index: 1 }));

    // Adding the missing Chinese version of the first is an edit.
    await liWei.presses(tg.text('zh', 'curation-missing-edit', { index: 1 }));
    expect(liWei.lastReply!.text).toBe(tg.text('zh', 'curation-edit-choose-language', { title: OTHER.title }));
    await liWei.presses(tg.text('zh', 'curation-edit-language-missing', { language: tg.text('zh', 'bot-language-name-zh') }));
    await liWei.says('在伊朗阿巴斯港海关为集装箱清关');
    await liWei.says('我们的集装箱在阿巴斯港海关等了好几个星期，一直没有放行。');
    await liWei.says('持牌报关行在货到之前就递交了文件，货物两天放行。');
    await liWei.presses(tg.text('zh', 'curation-edit-skip'));
    expect(liWei.lastReply!.text).toBe(tg.plainText('zh', 'curation-edit-saved'));
    expect((await tg.app.experiences.getByExternalId(OTHER.id))!.texts.zh).toMatchObject({ title: '在伊朗阿巴斯港海关为集装箱清关', origin: 'human' });
    expect((await tg.app.retriever.search({ text: '阿巴斯港 清关 集装箱', language: 'zh' })).hits[0]?.externalId).toBe(OTHER.id);
  });

  it('the audit log holds every staff action taken, and nothing else', async () => {
    const entries = (await readAuditLog(tg.db)).map(
      (e) => `${e.actorTelegramId ?? 'system'} ${e.action} ${String(e.after?.status ?? e.after?.role ?? e.after?.language ?? '')}`,
    );
    expect(entries).toEqual([
      'system member.set-role admin',
      `${ADMIN} member.set-role curator`,
      `${ADMIN} member.set-role curator`,
      `${ADMIN} member.set-role curator`,
      `${CURATORS.fa} experience.publish published`,
      `${CURATORS.fa} experience.reject rejected`,
      `${CURATORS.zh} experience.reject rejected`,
      `${CURATORS.en} experience.reject rejected`,
      `${CURATORS.en} experience.reject rejected`,
      `${CURATORS.fa} experience.edit fa`,
      `${CURATORS.fa} experience.edit zh`,
      `${CURATORS.en} experience.merge archived`,
      expect.stringMatching(new RegExp(`^(${CURATORS.fa}|${CURATORS.zh}) experience.publish published$`)),
      `${ADMIN} member.set-role member`,
      `${CURATORS.zh} experience.edit zh`,
    ]);
  });
});
