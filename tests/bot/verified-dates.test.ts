import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anExperience } from '../helpers/experiences.ts';
import { testDatabases } from '../helpers/db.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest } from '../helpers/telegram.ts';

const PAYMENT = anExperience({ id: 'exp-pay-verified', verified_on: '2025-03-10' });

// Written out, not computed by the code under test: what a reader of each language expects to read.
const READERS = [
  { language: 'fa', question: 'چطور از طریق صرافی به تأمین‌کننده چینی پرداخت کنم؟', month: 'اسفند ۱۴۰۳', day: '۲۰ اسفند ۱۴۰۳' },
  { language: 'zh', question: '怎么通过换汇所向中国供应商付款？', month: '2025年3月', day: '2025年3月10日' },
  { language: 'en', question: 'How do I pay a Chinese supplier through an exchange house?', month: 'March 2025', day: 'March 10, 2025' },
] as const;

describe.each(testDatabases())('on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: [PAYMENT, ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  it.each(READERS)(
    'says when a story was last verified in the $language reader’s calendar and order, in the answer and the full story',
    async ({ language, question, month, day }) => {
      const member = tg.member({ language_code: language });
      const [answer] = await member.says(question);
      expect(answer!.text).toContain(month);
      const [story] = await member.presses(`story:${(await tg.app.experiences.getByExternalId(PAYMENT.id))!.id}:${language}`);
      expect(story!.text).toContain(day);
      expect(story!.text).not.toContain('2025-03-10');
    },
  );
});
