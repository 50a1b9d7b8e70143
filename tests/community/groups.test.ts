import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroups, type Groups } from '../../src/community/groups.ts';
import { createStaff } from '../../src/community/staff.ts';
import type { Db } from '../../src/db/db.ts';
import { testDatabases } from '../helpers/db.ts';

const ADMIN = 5_100_001;
const CONFIGURED = -1_005_100_000_001;
const LIMIT = 2;

describe.each(testDatabases())('the groups use cases on $name', ({ open }) => {
  let db: Db;
  let groups: Groups;
  let nextChat = -1_005_200_000_000;
  const chat = () => ({ chatId: nextChat--, kind: 'supergroup' as const, title: 'Importers' });

  beforeAll(async () => {
    db = await open();
    await createStaff(db).applyAdminIds([ADMIN]);
    groups = createGroups(db, { allowedChatIds: [CONFIGURED], limitPerMinute: LIMIT });
  });
  afterAll(() => db?.close());

  it('a group is not served until allowed; ALLOWED_CHAT_IDS ones are, whatever /disallow says', async () => {
    expect(await groups.standing(chat().chatId)).toEqual({ allowed: false, answering: true });
    expect(await groups.admit(chat().chatId)).toEqual({ kind: 'ignored', reason: 'not-allowed' });
    const configured = { chatId: CONFIGURED, kind: 'supergroup' as const };
    expect((await groups.standing(CONFIGURED)).allowed).toBe(true);
    expect(await groups.setAllowed(configured, false, ADMIN)).toEqual({ kind: 'done', allowed: true });
    expect((await groups.standing(CONFIGURED)).allowed).toBe(true);
  });

  it('only an admin of the bot, as the database says at that moment, allows or disallows a group', async () => {
    const group = chat();
    expect(await groups.setAllowed(group, true, 5_100_999)).toEqual({ kind: 'forbidden' });
    expect((await groups.standing(group.chatId)).allowed).toBe(false);
    expect(await groups.setAllowed(group, true, ADMIN)).toEqual({ kind: 'done', allowed: true });
    expect((await groups.standing(group.chatId)).allowed).toBe(true);
    // Dropped from ADMIN_IDS: no longer an admin of the bot.
    await createStaff(db).applyAdminIds([]);
    expect(await groups.setAllowed(group, false, ADMIN)).toEqual({ kind: 'forbidden' });
    await createStaff(db).applyAdminIds([ADMIN]);
    expect(await groups.setAllowed(group, false, ADMIN)).toEqual({ kind: 'done', allowed: false });
    expect((await groups.standing(group.chatId)).allowed).toBe(false);
  });

  it('added by an admin of the bot the group is allowed; added by anyone else it is not', async () => {
    const byAdmin = chat();
    expect(await groups.botAdded(byAdmin, ADMIN)).toEqual({ allowed: true });
    expect((await groups.standing(byAdmin.chatId)).allowed).toBe(true);
    const byStranger = chat();
    expect(await groups.botAdded(byStranger, 5_100_777)).toEqual({ allowed: false });
    expect((await groups.standing(byStranger.chatId)).allowed).toBe(false);
    // Allowed before, it may come back whoever adds it.
    expect(await groups.botAdded(byAdmin, 5_100_777)).toEqual({ allowed: true });
  });

  it('keeps the language and answering switch apart, and allowing keeps the settings', async () => {
    const group = chat();
    await groups.setAllowed(group, true, ADMIN);
    expect(await groups.setLanguage(group, 'zh')).toEqual({ allowed: true, answering: true, language: 'zh' });
    expect(await groups.setAnswering(group, false)).toEqual({ allowed: true, answering: false, language: 'zh' });
    expect(await groups.admit(group.chatId)).toEqual({ kind: 'ignored', reason: 'answering-off' });
    await groups.setAllowed(group, true, ADMIN);
    expect(await groups.setAnswering(group, true)).toEqual({ allowed: true, answering: true, language: 'zh' });
  });

  it('counts questions per group in the database: past the limit, refused, and told once per window', async () => {
    const group = chat();
    const other = chat();
    await groups.setAllowed(group, true, ADMIN);
    await groups.setAllowed(other, true, ADMIN);
    for (let i = 0; i < LIMIT; i++) expect(await groups.admit(group.chatId)).toEqual({ kind: 'go' });
    const first = await groups.admit(group.chatId);
    expect(first).toMatchObject({ kind: 'rate-limited', notify: true });
    expect(await groups.admit(group.chatId)).toMatchObject({ kind: 'rate-limited', notify: false });
    // Another process over the same database shares the count.
    const elsewhere = createGroups(db, { allowedChatIds: [], limitPerMinute: LIMIT });
    expect(await elsewhere.admit(group.chatId)).toMatchObject({ kind: 'rate-limited', notify: false });
    expect(await groups.admit(other.chatId)).toEqual({ kind: 'go' });
  });
});
