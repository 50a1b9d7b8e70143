import { describe, expect, it } from 'vitest';
import type { ExperienceStatus } from '../../src/knowledge/experiences/experience.ts';
import { linesLaidOutLeftToRight } from '../helpers/bidi.ts';
import { sharedBot } from '../helpers/shared-bot.ts';
import type { TelegramTest, TestMember } from '../helpers/telegram.ts';

// One bot for the file: each test speaks as members of its own, and /my lists only the asker's.
const bot = sharedBot();

async function contribute(test: TelegramTest, m: TestMember, title: string, status: ExperienceStatus): Promise<void> {
  const member = await test.app.community.members.getByTelegramId(m.user.id);
  const e = await test.app.experiences.createContribution({
    memberId: member!.id,
    language: 'en',
    industry: 'logistics',
    tags: [],
    text: { title, problem: 'A problem long enough to be a problem.', solution: 'A solution long enough to be one.' },
    contributor: { name: 'Test' },
  });
  if (status !== 'pending') await test.app.experiences.setStatus(e.id, status);
}

describe('/my', () => {
  it('says there is nothing yet and how to share', async () => {
    const t = bot();
    const m = t.member({ language_code: 'zh' });
    await m.says('/my');
    expect(m.lastReply?.text).toBe(t.text('zh', 'my-empty'));
  });

  it.each(['fa', 'zh', 'en'] as const)('lists the member’s contributions newest first with localized statuses (%s)', async (language) => {
    const t = bot();
    const m = t.member({ language_code: language });
    const other = t.member({ language_code: 'en' });
    await m.says('/start');
    await other.says('/start');
    await contribute(t, m, 'Oldest: published', 'published');
    await contribute(t, other, 'Somebody else’s', 'published');
    await contribute(t, m, 'Middle: rejected', 'rejected');
    await contribute(t, m, 'Newest: pending', 'pending');

    await m.says('/my');
    const text = m.lastReply!.text;
    expect(text.startsWith(t.text(language, 'my-header', { count: 3 }))).toBe(true);
    const order = ['Newest: pending', 'Middle: rejected', 'Oldest: published'].map((title) => text.indexOf(title));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Somebody else’s');
    for (const [title, status] of [
      ['Newest: pending', 'pending'],
      ['Middle: rejected', 'rejected'],
      ['Oldest: published', 'published'],
    ] as const) {
      // In Persian the status line, only a value, starts with a right-to-left mark.
      expect(text).toContain(`${title}\n${language === 'fa' ? '\u200F' : ''}${t.text(language, `my-status-${status}`)}`);
    }
    // Every line, even one that starts with an English title, is laid out right to left in Persian.
    if (language === 'fa') expect(linesLaidOutLeftToRight(m.lastReply!.message.text ?? '')).toEqual([]);
  });

  it('lists a title with <, & and tags in it literally (Telegram would refuse it as HTML)', async () => {
    const t = bot();
    const m = t.member({ language_code: 'en' });
    await m.says('/start');
    const title = 'Fees < 5% & <b>no</b> delays: <script>x()</script> &amp; more';
    await contribute(t, m, title, 'pending');
    await m.says('/my');
    expect(m.lastReply?.text).toBe(`${t.text('en', 'my-header', { count: 1 })}\n\n1. ${title}\n${t.text('en', 'my-status-pending')}`);
  });
});
