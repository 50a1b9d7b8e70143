import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASK_COMMUNITY, FEEDBACK } from '../../src/bot/callbacks.ts';
import type { Language } from '../../src/text/language.ts';
import { anExperience } from '../helpers/experiences.ts';
import { TelegramTest, type TestMember } from '../helpers/telegram.ts';
import { logCollector, pressForged } from './support.ts';

// Button presses with data a client made up: callback data is only a request, so each press is
// checked for who presses (your own question's 👍/👎 and "ask the community") and for what it
// names (one of the values the bot offered). A forged press gets a short refusal, is logged,
// and changes nothing; the refusal for someone else's question is the same as for an id that
// does not exist, so guessing ids tells nothing.

const QUESTION: Record<Language, string> = {
  fa: 'چطور از راه صرافی به تأمین‌کننده چینی پرداخت کنم؟',
  zh: '怎么通过换汇所向中国供应商付款？',
  en: 'How do I pay a Chinese supplier through an exchange house?',
};
const NO_SUCH_QUESTION = 987_654_321;

const logs = logCollector();
let tg: TelegramTest;
beforeAll(async () => {
  tg = await TelegramTest.start({ experiences: [anExperience()], env: { LOG_LEVEL: 'warn' }, logDestination: logs.stream });
});
afterAll(() => tg?.stop());

const refusalsLogged = () => logs.lines.filter((l) => typeof l.msg === 'string' && l.msg.includes('refused')).length;
const count = async (sql: string, params: unknown[] = []) => Number((await tg.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params))[0]!.n);

/** What a forged press could change: the member row, votes, open questions, experiences, sessions' steps. */
async function snapshot(member: TestMember) {
  return {
    member: await tg.db.query('SELECT language, country, company, industry FROM members WHERE telegram_id = $1', [member.user.id]),
    feedback: await count('feedback'),
    openQuestions: await count('open_questions'),
    experiences: await count('experiences'),
    messages: member.history.length,
  };
}

describe.each(['fa', 'zh', 'en'] as const)('in %s', (language) => {
  let asker: TestMember;
  let questionId: number;
  beforeAll(async () => {
    asker = tg.member({ language_code: language });
    await asker.says(QUESTION[language]);
    const [row] = await tg.db.query<{ id: string }>('SELECT q.id FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1', [
      asker.user.id,
    ]);
    questionId = Number(row!.id);
  });

  /** Another member, in their own chat with an answer of their own on screen. */
  async function stranger(): Promise<TestMember> {
    const member = tg.member({ language_code: language });
    await member.says(QUESTION[language]);
    return member;
  }

  describe('a press on a button of someone else’s question, or of none', () => {
    it.each([
      ['👍 on another member’s answer', () => FEEDBACK.encode({ questionId, helpful: true })],
      ['👎 on another member’s answer', () => FEEDBACK.encode({ questionId, helpful: false })],
      ['"ask the community" for another member’s question', () => ASK_COMMUNITY.encode({ questionId })],
      ['👍 on a question id that does not exist', () => FEEDBACK.encode({ questionId: NO_SUCH_QUESTION, helpful: true })],
      ['"ask the community" for a question id that does not exist', () => ASK_COMMUNITY.encode({ questionId: NO_SUCH_QUESTION })],
    ])('%s: the same short refusal, logged, nothing changed', async (_what, data) => {
      const member = await stranger();
      const before = await snapshot(member);
      const logged = refusalsLogged();
      expect(await pressForged(tg, member, data())).toEqual([tg.text(language, 'bot-button-not-yours')]);
      expect(refusalsLogged()).toBe(logged + 1);
      expect(await snapshot(member)).toEqual(before);
      expect(await count('feedback WHERE question_id = $1', [questionId])).toBe(0);
    });

    it('the asker’s own 👍 is taken (the check refuses others, not owners)', async () => {
      await asker.presses(tg.text(language, 'bot-button-helpful'));
      expect(asker.toasts).toEqual([tg.text(language, 'bot-feedback-thanks')]);
      expect(await count('feedback WHERE question_id = $1', [questionId])).toBe(1);
      await tg.db.query('DELETE FROM feedback WHERE question_id = $1', [questionId]);
    });
  });

  describe('a press naming a value the bot never offered', () => {
    it.each([
      'lang:de',
      'lang:fa:extra',
      'forget:everything',
      'share:industry:weapons',
      'share:edit:everything',
      'share:preview:publish',
      'v9:fb:1:1',
      'fb:1:1\u0000',
      'story:0',
      'story:-1',
      'story:abc',
      'oq:1:1',
      'x'.repeat(64),
    ])('%j is refused as invalid, logged, and changes nothing', async (data) => {
      const member = await stranger();
      const before = await snapshot(member);
      const logged = refusalsLogged();
      expect(await pressForged(tg, member, data)).toEqual([tg.text(language, 'bot-button-invalid')]);
      expect(refusalsLogged()).toBe(logged + 1);
      expect(await snapshot(member)).toEqual(before);
    });
  });

  describe('/profile, with a forged choice pressed at its step', () => {
    it.each([
      ['country', 'profile:country:ZZ'],
      ['country', 'profile:country:ZZ<b>forged'],
      ['country', 'profile:country:XX'],
      ['country', 'profile:country:TR'],
      ['country', 'profile:country:ir'],
      ['industry', 'profile:industry:weapons'],
      ['industry', 'profile:industry:<script>'],
    ] as const)('at the %s step, %j is refused, stored nowhere, and the step still waits for a real choice', async (step, data) => {
      const member = tg.member({ language_code: language });
      await member.says('/profile');
      await member.presses(tg.text(language, 'bot-button-skip'));
      if (step === 'industry') await member.presses(tg.text(language, 'country-CN'));
      const before = await snapshot(member);
      expect(await pressForged(tg, member, data)).toEqual([tg.text(language, 'bot-button-invalid')]);
      expect(await snapshot(member)).toEqual(before);
      // The form goes on from the same step with a real press, and stores only real values.
      if (step === 'country') await member.presses(tg.text(language, 'country-IR'));
      await member.presses(tg.text(language, 'industry-food'));
      const [row] = await tg.db.query<{ country: string; industry: string }>('SELECT country, industry FROM members WHERE telegram_id = $1', [member.user.id]);
      expect(row).toEqual({ country: step === 'country' ? 'IR' : 'CN', industry: 'food' });
    });

    it.each(['ZZ', 'XX', 'EU', 'Z<'])('typing %j as the country is refused with what to type instead', async (typed) => {
      const member = tg.member({ language_code: language });
      await member.says('/profile');
      await member.presses(tg.text(language, 'bot-button-skip'));
      const [reply] = await member.says(typed);
      expect(reply!.text).toBe(tg.text(language, 'bot-profile-country-invalid'));
      const [row] = await tg.db.query<{ country: string | null }>('SELECT country FROM members WHERE telegram_id = $1', [member.user.id]);
      expect(row!.country).toBeNull();
    });
  });
});
