import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTraditional } from '../../src/text/chinese-convert.ts';
import { anExperience } from '../helpers/experiences.ts';
import { testDatabases } from '../helpers/db.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest, type TestMember } from '../helpers/telegram.ts';

// Members greet the bot, thank it and send stray numbers: none of it is a question to search,
// to tell "nothing answers this" about, or to put to the community.
const PAYMENT = anExperience({ id: 'exp-small-talk-pay' });
const GROUP = -1_009_999_000_123;

describe.each(testDatabases())('on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: [PAYMENT, ...unrelatedExperiences()], env: { ALLOWED_CHAT_IDS: String(GROUP) } });
  });
  afterAll(() => tg?.stop());

  const questionsOf = async (member: TestMember) =>
    (
      await tg.db.query<{ n: number }>('SELECT count(*)::int AS n FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1', [
        member.user.id,
      ])
    )[0]!.n;

  it.each([
    { said: 'سلام!', telegram: 'en', language: 'fa', what: 'greeting' },
    { said: 'salam', telegram: 'en', language: 'fa', what: 'greeting' },
    { said: 'Thank you 🙏', telegram: 'fa', language: 'fa', what: 'thanks' },
    { said: '你好', telegram: 'en', language: 'zh', what: 'greeting' },
    { said: 'hi', telegram: 'zh', language: 'zh', what: 'greeting' },
    { said: '12', telegram: 'en', language: 'en', what: 'no-words' },
    { said: 'ok', telegram: 'en', language: 'en', what: 'ok' },
    { said: 'Great!', telegram: 'fa', language: 'fa', what: 'ok' },
    { said: 'باشه', telegram: 'en', language: 'fa', what: 'ok' },
    { said: 'bashe', telegram: 'en', language: 'fa', what: 'ok' },
    { said: '好的', telegram: 'en', language: 'zh', what: 'ok' },
    { said: '好的，谢谢！', telegram: 'en', language: 'zh', what: 'thanks' },
    { said: 'Hello, good morning', telegram: 'en', language: 'en', what: 'greeting' },
    { said: 'how are you?', telegram: 'en', language: 'en', what: 'greeting' },
    { said: 'salam khubi?', telegram: 'en', language: 'fa', what: 'greeting' },
    { said: '你好，在吗？', telegram: 'en', language: 'zh', what: 'greeting' },
    { said: 'Thank you so much!', telegram: 'en', language: 'en', what: 'thanks' },
    { said: 'خیلی ممنون از لطفتون', telegram: 'en', language: 'fa', what: 'thanks' },
    { said: '非常感谢你的帮助', telegram: 'en', language: 'zh', what: 'thanks' },
    { said: 'That is great', telegram: 'en', language: 'en', what: 'ok' },
    { said: 'Yes please', telegram: 'en', language: 'en', what: 'yes' },
    { said: 'بله', telegram: 'en', language: 'fa', what: 'yes' },
    { said: '要', telegram: 'en', language: 'zh', what: 'yes' },
  ] as const)('"$said" gets a $what in $language, not "nothing answers this", and is not logged as a question', async ({ said, telegram, language, what }) => {
    const member = tg.member({ language_code: telegram });
    const replies = await member.says(said);
    expect(replies.map((r) => r.text)).toEqual([tg.plainText(language, `bot-small-talk-${what}`)]);
    expect(replies[0]!.buttons).toEqual([]);
    expect(await questionsOf(member)).toBe(0);
  });

  it('thanks written in traditional characters, in reply to an answer, are answered in traditional characters', async () => {
    const member = tg.member({ language_code: 'zh' });
    const [answer] = await member.says('怎麼通過換匯所向中國供應商付款？');
    const [reply] = await member.says('謝謝！', { replyTo: answer!.message });
    expect(reply!.text).toBe(toTraditional(tg.plainText('zh', 'bot-small-talk-thanks')));
    expect(await questionsOf(member)).toBe(1);
  });

  it('a greeting before a question is a question', async () => {
    const member = tg.member({ language_code: 'fa' });
    const [answer] = await member.says('سلام، چطور از طریق صرافی به تأمین‌کننده چینی پرداخت کنم؟');
    expect(answer!.text).toContain(PAYMENT.title);
  });

  it('in a group, "/ask thanks" is answered in a line, with nothing put to the community', async () => {
    const member = tg.member({ language_code: 'en' }).inGroup(tg.group({ id: GROUP }));
    expect((await member.says('/ask thanks!')).map((r) => r.text)).toEqual([tg.plainText('en', 'bot-small-talk-thanks')]);
  });
});
