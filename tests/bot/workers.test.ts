import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { createTestPostgresSchema, postgresUrl } from '../helpers/db.ts';
import { anExperience } from '../helpers/experiences.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest } from '../helpers/telegram.ts';

const PAYMENT = anExperience({ id: 'exp-pay-workers' });
const PAYMENT_EN = PAYMENT.translations!.en!;
const CARPET = anExperience({
  id: 'exp-carpet-workers',
  language: 'en',
  translations: {},
  title: 'Hand-woven carpets to a Shanghai showroom',
  problem: 'The showroom would not pay before delivery.',
  solution: 'A letter of credit confirmed by a Chinese bank.',
});

describe.skipIf(!postgresUrl)('the bot spread over worker threads (BOT_WORKERS=2, PostgreSQL)', () => {
  let tg: TelegramTest;
  beforeAll(async () => {
    const url = await createTestPostgresSchema();
    tg = await TelegramTest.start({
      env: { DATABASE_URL: url, BOT_WORKERS: '2' },
      openDb: async () => {
        const db = await openPostgres(url);
        await migrate(db);
        return db;
      },
      experiences: [PAYMENT, ...unrelatedExperiences()],
    });
  });
  afterAll(() => tg?.stop());

  it('answers members asking at once, each in their chat, with buttons that work', async () => {
    const members = Array.from({ length: 6 }, () => tg.member({ language_code: 'en' }));
    const answers = await Promise.all(members.map((m) => m.says('How do I pay a Chinese supplier through an exchange house?')));
    for (const [answer] of answers) expect(answer!.text).toContain(PAYMENT_EN.title);
    // A button press goes to the thread that answered, and that thread finds the question.
    const [story] = await members[3]!.presses('📖');
    expect(story!.text).toContain(PAYMENT_EN.solution);
  });

  it('finds an experience published after the threads started, from the main thread', async () => {
    const member = tg.member({ language_code: 'en' });
    const before = await member.says('carpets for a Shanghai showroom, paid by letter of credit?');
    expect(before.map((r) => r.text).join('\n')).not.toContain(CARPET.title);
    await tg.app.experiences.upsertRecords([CARPET], { status: 'published' });
    const [after] = await member.says('carpets for a Shanghai showroom, paid by letter of credit?');
    expect(after!.text).toContain(CARPET.title);
  });
});
