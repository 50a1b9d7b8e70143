import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTraditional } from '../../src/text/chinese-convert.ts';
import { testDatabases } from '../helpers/db.ts';
import { plain, TelegramTest } from '../helpers/telegram.ts';

const STAFF_CHAT_ID = -1_000_000_000_001;
const GROUP_ID = -1_000_000_000_002;
const ADMIN = 900_001;
const QUESTION = '有人從伊朗出口過新鮮石榴到中國嗎？海關檢查了什麼？';
const ANSWER = 'Yes: GACC registered our orchard first, and customs checked the phytosanitary certificate at Guangzhou.';

// What the bot sends a member later, outside an update of theirs (a community answer, a review's outcome), in the characters they write Chinese in.
describe.each(testDatabases())('on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({
      openDb: database.open,
      env: { STAFF_CHAT_ID: String(STAFF_CHAT_ID), ALLOWED_CHAT_IDS: String(GROUP_ID), ADMIN_IDS: String(ADMIN) },
      bot: { throttle: false },
    });
    tg.group({ title: 'SME Bridge staff' });
    await tg.app.community.staff.applyAdminIds(tg.app.config.adminTelegramIds);
  });
  afterAll(() => tg?.stop());
  const traditional = (key: string, args?: Record<string, string | number>) => toTraditional(tg.text('zh', key, args));

  it('sends a member who writes traditional characters the community’s answer to their question in them', async () => {
    const asker = tg.member({ language_code: 'zh' });
    await asker.says('/start');
    await asker.says(QUESTION);
    await asker.presses(traditional('bot-button-ask-community'));
    await tg.outboxSent();
    const post = tg.emulator.state.messages(STAFF_CHAT_ID).findLast((m) => m.from === 'bot' && plain(m.text).includes(QUESTION))!;
    const url = (post.reply_markup?.inline_keyboard.flat() as { url?: string }[]).find((b) => b.url)!.url!;

    const answerer = tg.member({ language_code: 'en', first_name: 'Ali' });
    await answerer.says(`/start ${new URL(url).searchParams.get('start')!}`);
    await answerer.says(ANSWER);
    await answerer.presses(tg.text('en', 'country-IR'));
    await answerer.presses(tg.text('en', 'community-answer-button-anonymous'));
    await tg.outboxSent();

    const delivered = asker.history.at(-1)!;
    expect(delivered.text).toBe(traditional('community-answer-received', { question: QUESTION, answer: ANSWER, language: 'en', translated: 'no' }));
    expect(delivered.text).not.toBe(tg.text('zh', 'community-answer-received', { question: QUESTION, answer: ANSWER, language: 'en', translated: 'no' }));
    expect(delivered.buttons).toEqual([traditional('bot-button-helpful'), traditional('bot-button-not-helpful')]);
  });

  it('tells them in traditional characters why their contribution was not published', async () => {
    const member = tg.member({ language_code: 'zh' });
    await member.says('謝謝');
    const stored = await tg.app.community.members.getByTelegramId(member.user.id);
    await tg.app.experiences.createContribution({
      memberId: stored!.id,
      language: 'zh',
      industry: 'logistics',
      tags: [],
      text: { title: '通過換匯所付款', problem: '我們的銀行無法直接匯款到中國的供應商。', solution: '我們與持牌換匯所簽約，用人民幣付款給供應商。' },
      contributor: { name: '王芳' },
    });
    // The community's answer above waits for review too: the card of this contribution is the one rejected.
    const admin = tg.member({ id: ADMIN, language_code: 'en' });
    let card = (await admin.says('/review'))[0]!;
    if (!card.text.includes('通過換匯所付款')) card = (await admin.says('/review'))[0]!;
    expect(card.text).toContain('通過換匯所付款');
    const [reasons] = await admin.presses(tg.text('en', 'curation-button-reject'), { under: card });
    await admin.presses(tg.text('en', 'curation-reason-unclear'), { under: reasons! });
    await tg.outboxSent();

    const notice = member.history.at(-1)!.text;
    expect(notice).toBe(plain(traditional('curation-rejected-notice', { title: '通過換匯所付款', reason: 'unclear', text: '' })));
    expect(notice).toContain('太含糊或太短');
    expect(notice).not.toContain('经验');
  });

  it('takes an answer to a community question, and a request to be introduced, in the characters the member writes', async () => {
    const asker = tg.member({ language_code: 'fa' });
    await asker.says('/start');
    await asker.says('آیا کسی انار تازه از ایران به چین صادر کرده است؟');
    await asker.presses(tg.text('fa', 'bot-button-ask-community'));
    await tg.outboxSent();
    const post = tg.emulator.state.messages(STAFF_CHAT_ID).findLast((m) => m.from === 'bot' && plain(m.text).includes('انار'))!;
    const url = (post.reply_markup?.inline_keyboard.flat() as { url?: string }[]).find((b) => b.url)!.url!;

    const answerer = tg.member({ language_code: 'zh', first_name: 'Lin' });
    await answerer.says('謝謝');
    const [prompt] = await answerer.says(`/start ${new URL(url).searchParams.get('start')!}`);
    expect(prompt!.text).toBe(plain(traditional('community-answer-prompt', { question: 'آیا کسی انار تازه از ایران به چین صادر کرده است؟' })));
    const [country] = await answerer.says('我們在廣州清關時，海關檢查了植物檢疫證書並做了蟲害檢驗。');
    expect(country!.text).toBe(traditional('share-ask-country'));
    expect(country!.buttons).toEqual([traditional('country-IR'), traditional('country-CN')]);
    const [named] = await answerer.presses(traditional('country-CN'));
    expect(named!.text).toBe(traditional('community-answer-ask-named'));
    await answerer.presses(traditional('community-answer-button-named', { who: 'Lin' }));
    expect(answerer.lastReply!.text).toBe(traditional('community-answer-sent'));

    // Introductions: a contributor who agreed to them, a story of theirs, and the same member asking.
    const wei = tg.member({ first_name: 'Wei', language_code: 'zh' });
    await wei.says('/start');
    const weiId = (await tg.app.community.members.getByTelegramId(wei.user.id))!.id;
    await tg.app.community.introductions.setConsent(weiId, true);
    const story = await tg.app.experiences.createContribution({
      memberId: weiId,
      language: 'zh',
      industry: 'logistics',
      tags: [],
      text: {
        title: '宁波港清关：找一家报关行',
        problem: '货物在宁波港清关拖了两周，仓储费用不断增加。',
        solution: '我们找了一家熟悉食品类商品的报关行，三天就放行了。',
      },
      contributor: { name: 'Wei' },
    });
    await tg.app.experiences.setStatus(story.id, 'published');
    await answerer.says(`/start exp_${story.externalId}`);
    const [ask] = await answerer.presses(traditional('intro-button'));
    expect(ask!.text).toBe(plain(traditional('intro-ask-reason', { title: '宁波港清关：找一家报关行', max: 300 })));
    expect(ask!.text).toContain('寧波港清關');
  });

  it('asks a contributor who writes traditional characters, in them, whether to be introduced', async () => {
    const mei = tg.member({ first_name: 'Mei', language_code: 'zh' });
    await mei.says('謝謝');
    const meiId = (await tg.app.community.members.getByTelegramId(mei.user.id))!.id;
    await tg.app.community.introductions.setConsent(meiId, true);
    const story = await tg.app.experiences.createContribution({
      memberId: meiId,
      language: 'zh',
      industry: 'logistics',
      tags: [],
      text: {
        title: '廈門港清關：木架要有IPPC標識',
        problem: '我們從伊朗進口的石材在廈門港被查，因為木架沒有標識。',
        solution: '我們請供應商改用有IPPC標識的熏蒸木架，之後都順利放行。',
      },
      contributor: { name: 'Mei' },
    });
    await tg.app.experiences.setStatus(story.id, 'published');

    const asker = tg.member({ language_code: 'en' });
    await asker.says(`/start exp_${story.externalId}`);
    await asker.presses(tg.text('en', 'intro-button'));
    await asker.says('We import stone through Xiamen and need advice on crates.');
    await tg.outboxSent();
    const request = mei.history.at(-1)!;
    expect(request.text).toContain('有一位會員希望結識您');
    expect(request.buttons).toEqual([traditional('intro-button-accept'), traditional('intro-button-decline')]);
  });

  it('asks the author of a message kept with /save, who writes traditional characters, in them', async () => {
    const group = tg.group({ title: '伊中貿易群' });
    expect(group.id).toBe(GROUP_ID);
    const author = tg.member({ first_name: 'Hui', language_code: 'zh' });
    await author.says('/start');
    const words = '我們用信用證從伊朗進口開心果，要求SGS檢驗證書，貨到港後品質合格，付款順利。';
    await author.inGroup(group).says(words);
    const message = tg.emulator.state.messages(GROUP_ID).at(-1)!;
    const admin = tg.member({ id: ADMIN, language_code: 'en' }).inGroup(group);
    await admin.says('/save', { replyTo: { message, text: plain(message.text), buttons: [] } });
    await tg.outboxSent();
    const asked = author.history.at(-1)!;
    expect(asked.text).toBe(plain(traditional('save-consent-question', { group: '伊中貿易群', text: words, days: 7 })));
    expect(asked.buttons).toContain(traditional('save-consent-button-declined'));
  });
});
