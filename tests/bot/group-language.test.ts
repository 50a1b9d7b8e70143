import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/db.ts';
import { TelegramTest, type TestGroup } from '../helpers/telegram.ts';

// The first group the emulator makes, enabled for the bot.
const GROUP_ID = -1_000_000_000_001;

describe.each(testDatabases())("the bot's words in a group, on $name", (database) => {
  let tg: TelegramTest;
  let group: TestGroup;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, env: { ALLOWED_CHAT_IDS: String(GROUP_ID) }, bot: { throttle: false } });
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
});
