import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTraditional } from '../../src/text/chinese-convert.ts';
import { testDatabases } from '../helpers/db.ts';
import { TelegramTest } from '../helpers/telegram.ts';

describe.each(testDatabases())('on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open });
  });
  afterAll(() => tg?.stop());

  it('answers /help, /my (a story opened there too), /profile and /share in traditional characters to a member who writes them, and in simplified ones once they write those', async () => {
    const member = tg.member({ language_code: 'zh' });
    await member.says('謝謝');
    const traditional = (key: string) => toTraditional(tg.text('zh', key));

    const [help] = await member.says('/help');
    expect(help!.text).toBe(traditional('bot-help'));
    expect(help!.text).not.toBe(tg.text('zh', 'bot-help'));
    const [mine] = await member.says('/my');
    expect(mine!.text).toBe(traditional('my-empty'));

    const [company] = await member.says('/profile');
    expect(company!.text).toBe(traditional('bot-profile-ask-company'));
    expect(company!.buttons).toEqual([traditional('bot-button-skip')]);
    const [country] = await member.presses(company!.buttons[0]!);
    expect(country!.text).toBe(traditional('bot-profile-ask-country'));
    expect(country!.buttons).toContain(traditional('country-CN'));
    await member.says('/cancel');

    const [intro] = await member.says('/share');
    expect(intro!.text).toBe(traditional('share-intro'));
    const [cancelled] = await member.says('/cancel');
    expect(cancelled!.text).toBe(traditional('share-cancelled'));

    // A contribution of theirs, its story in the characters they write.
    const stored = await tg.app.community.members.getByTelegramId(member.user.id);
    await tg.app.experiences.createContribution({
      memberId: stored!.id,
      language: 'zh',
      industry: 'logistics',
      tags: [],
      text: { title: '通过换汇所付款', problem: '我们的银行无法直接汇款到中国。', solution: '我们与持牌换汇所签约，用人民币付款。' },
      contributor: { name: '王芳' },
    });
    const [list] = await member.says('/my');
    expect(list!.text.startsWith(toTraditional(tg.text('zh', 'my-header', { count: 1 })))).toBe(true);
    const [story] = await member.presses(list!.buttons[0]!);
    expect(story!.text).toContain(toTraditional(tg.text('zh', 'my-status-pending')));
    expect(story!.text).toContain('我們與持牌換匯所簽約，用人民幣付款。');

    await member.says('谢谢');
    const [again] = await member.says('/help');
    expect(again!.text).toBe(tg.text('zh', 'bot-help'));
  });
});
