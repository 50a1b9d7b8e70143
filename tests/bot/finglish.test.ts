import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anExperience } from '../helpers/experiences.ts';
import { testDatabases } from '../helpers/db.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest } from '../helpers/telegram.ts';

const PAYMENT = anExperience({ id: 'exp-pay-finglish' });

describe.each(testDatabases())('Persian typed in Latin letters, on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: [PAYMENT, ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  it.each(['en', 'zh'] as const)('is answered in Persian script from the Persian story, for a member whose Telegram is in %s', async (language_code) => {
    const member = tg.member({ language_code });
    const [answer] = await member.says('chetor be tamin konande chini az tarighe sarafi pool befrestam? bank ma havale nemide');
    expect(answer!.text).toContain(PAYMENT.title);
    expect(answer!.buttons).toContain(tg.text('fa', 'bot-button-helpful'));
    const [row] = await tg.db.query<{ language: string; abstained: boolean }>(
      'SELECT q.language, q.abstained FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1',
      [member.user.id],
    );
    expect(row).toMatchObject({ language: 'fa', abstained: false });
  });

  it('is answered in Persian when only the base tells it is no English ("be" is an English word too)', async () => {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says('pardakht be tamin konande chini');
    expect(answer!.text).toMatch(/[\u0600-\u06FF]/);
    const [row] = await tg.db.query<{ language: string }>('SELECT q.language FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1', [
      member.user.id,
    ]);
    expect(row).toMatchObject({ language: 'fa' });
  });

  it('leaves an English question in English', async () => {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says('How do I pay a Chinese supplier through an exchange house?');
    expect(answer!.text).toContain(PAYMENT.translations!.en!.title);
  });
});
