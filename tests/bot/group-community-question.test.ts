import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/db.ts';
import { plain, TelegramTest, type TestGroup } from '../helpers/telegram.ts';

const GROUP_ID = -1_000_000_000_001;
const QUESTION = 'How do we export fresh cherries to Urumqi by truck?';
const ANSWER = 'We trucked cherries through Bajgiran and Turkmenistan, with a phytosanitary certificate, in eight days.';

// A question asked in a members' group and put to the community: the answer comes to the asker in private, and the bot says so there.
describe.each(testDatabases())('on $name', (database) => {
  let tg: TelegramTest;
  let group: TestGroup;
  beforeAll(async () => {
    tg = await TelegramTest.start({
      openDb: database.open,
      env: { COMMUNITY_CHAT_IDS: String(GROUP_ID), ALLOWED_CHAT_IDS: String(GROUP_ID) },
      bot: { throttle: false },
    });
    group = tg.group({ title: 'Iran–China SMEs' });
    expect(group.id).toBe(GROUP_ID);
  });
  afterAll(() => tg?.stop());

  it.each(['fa', 'zh', 'en'] as const)('in %s, tells the asker the answer will come in their private chat, where it does', async (language) => {
    const member = tg.member({ language_code: language });
    await member.says('/start');
    const inGroup = member.inGroup(group);
    const [nothing] = await inGroup.says(`/ask ${QUESTION} (${language})`);
    expect(nothing!.text).toContain(tg.text('en', 'bot-abstained-offer-group'));
    expect(nothing!.text).not.toContain(tg.text('en', 'bot-abstained-offer'));
    const [opened] = await inGroup.presses(tg.text('en', 'bot-button-ask-community'));
    expect(opened!.text).toBe(tg.text(language, 'bot-community-opened-group'));
    await tg.outboxSent();

    const post = tg.emulator.state.messages(GROUP_ID).findLast((m) => m.from === 'bot' && plain(m.text).includes(`(${language})`))!;
    const url = (post.reply_markup?.inline_keyboard.flat() as { url?: string }[]).find((b) => b.url)!.url!;
    const answerer = tg.member({ language_code: 'en' });
    await answerer.says(`/start ${new URL(url).searchParams.get('start')!}`);
    await answerer.says(ANSWER);
    await answerer.presses(tg.text('en', 'country-IR'));
    await answerer.presses(tg.text('en', 'community-answer-button-anonymous'));
    await tg.outboxSent();
    expect(member.history.at(-1)!.text).toContain(ANSWER);
  });
});
