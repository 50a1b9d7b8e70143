import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTraditional } from '../../src/text/chinese-convert.ts';
import { testDatabases } from '../helpers/db.ts';
import { plain, TelegramTest, type TestGroup } from '../helpers/telegram.ts';

// The first two groups the emulator makes, enabled for the bot.
const GROUP_ID = -1_000_000_000_001;
const SECOND_GROUP_ID = -1_000_000_000_002;

describe.each(testDatabases())("the bot's words in a group, on $name", (database) => {
  let tg: TelegramTest;
  let group: TestGroup;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, env: { ALLOWED_CHAT_IDS: `${GROUP_ID},${SECOND_GROUP_ID}` }, bot: { throttle: false } });
    group = tg.group({ title: 'Iran–China importers' });
    expect(group.id).toBe(GROUP_ID);
  });
  afterAll(() => tg?.stop());

  it("/cancel with nothing under way says so, and /open lists the community's questions, in the sender's language and then in the group's chosen one", async () => {
    const persian = tg.member({ language_code: 'fa' }).inGroup(group);
    expect((await persian.says('/cancel')).map((r) => r.text)).toEqual([tg.text('fa', 'group-nothing-to-cancel')]);
    expect((await persian.says('/open')).map((r) => r.text)).toEqual([tg.text('fa', 'community-open-none')]);

    // The group's admins choose Chinese: every member reads the bot in it there.
    const admin = tg.member({ language_code: 'en' }).inGroup(group);
    tg.emulator.state.directory.setStatus(group.id, admin.user.id, 'administrator');
    await admin.says('/settings');
    await admin.presses('grp:lang:zh');
    expect((await persian.says('/cancel')).map((r) => r.text)).toEqual([tg.text('zh', 'group-nothing-to-cancel')]);
    expect((await persian.says('/open')).map((r) => r.text)).toEqual([tg.text('zh', 'community-open-none')]);
    const [asked] = await tg.db.query<{ id: number }>(
      "INSERT INTO open_questions (text, language) VALUES ('How do I pay a Chinese supplier?', 'en') RETURNING id::float8 AS id",
    );
    const [list] = await persian.says('/open');
    expect(list!.text.startsWith(tg.text('zh', 'community-open-header'))).toBe(true);
    expect(list!.buttons).toEqual([tg.text('zh', 'community-open-answer-button', { id: asked!.id })]);
  });

  it('replies to a member who writes traditional characters in them, while the group has no chosen language', async () => {
    const second = tg.group({ title: '台灣貿易商' });
    expect(second.id).toBe(SECOND_GROUP_ID);
    const member = tg.member({ language_code: 'zh' });
    await member.says('請問怎麼付款給伊朗供應商？');
    const there = member.inGroup(second);
    const traditional = (key: string) => toTraditional(tg.text('zh', key));
    expect((await there.says('/help')).map((r) => r.text)).toEqual([plain(traditional('group-help'))]);
    expect((await there.says('/cancel')).map((r) => r.text)).toEqual([traditional('group-nothing-to-cancel')]);
    // The question the test above put to the community is listed.
    const [list] = await there.says('/open');
    expect(list!.text.startsWith(traditional('community-open-header'))).toBe(true);
    expect(list!.text).not.toContain(tg.text('zh', 'community-open-header'));
  });
});
