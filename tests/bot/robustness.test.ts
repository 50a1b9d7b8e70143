import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createAskQuestion } from '../../src/answering/ask-question.ts';
import { anExperience } from '../helpers/experiences.ts';
import { until } from '../helpers/bot-process.ts';
import { testDatabases } from '../helpers/db.ts';
import { toTraditional } from '../../src/text/chinese-convert.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest, type TestMember } from '../helpers/telegram.ts';

const QUESTION = 'How do I pay a Chinese supplier through an exchange house?';
const logLines: Record<string, unknown>[] = [];
const logs = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

// The answering service fails the first time a question containing this word is asked, as a broken index would.
const BOOM = 'kaboom';
function failingOnce(app: App): App {
  const failed = new Set<string>();
  const real = app.answering;
  const answering: App['answering'] = {
    answer: async (q) => {
      if (q.text.includes(BOOM) && !failed.has(q.text)) {
        failed.add(q.text);
        throw new Error('search index unavailable', { cause: new Error('relation "experience_texts" is locked') });
      }
      return real.answer(q);
    },
  };
  // The ask use case is composed with the failing service, as createApp composes it with the real one.
  return {
    ...app,
    answering,
    asking: createAskQuestion({ answering, community: app.community, outbox: app.answerOutbox, limitPerMinute: app.config.rateLimitPerMinute }),
  };
}

describe.each(testDatabases())('on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    logLines.length = 0;
    tg = await TelegramTest.start({
      openDb: database.open,
      env: { RATE_LIMIT_PER_MINUTE: '3', LOG_LEVEL: 'warn' },
      experiences: [anExperience(), ...unrelatedExperiences()],
      patchApp: failingOnce,
      logDestination: logs,
    });
  });
  afterAll(() => tg?.stop());

  /** What the bot logged about a handler failing for this member (named in logs by their log name). */
  const failuresLoggedFor = async (member: TestMember) => {
    const name = await member.logName();
    return logLines.filter((l) => l.msg === 'handler failed' && l.member === name);
  };

  const questionsOf = async (telegramId: number) =>
    Number(
      (
        await tg.db.query<{ n: string }>('SELECT count(*) AS n FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1', [telegramId])
      )[0]!.n,
    );

  describe.each(['fa', 'zh', 'en'] as const)('in %s', (language) => {
    it('answers a replayed update only once', async () => {
      const member = tg.member({ language_code: language });
      await member.says(QUESTION);
      const sent = member.history.length;
      await tg.deliver(member.lastUpdate!);
      expect(member.history).toHaveLength(sent);
      expect(await questionsOf(member.user.id)).toBe(1);
    });

    it('limits questions per member per minute, with a friendly message', async () => {
      const member = tg.member({ language_code: language });
      for (let i = 0; i < 3; i++) await member.says(`${QUESTION} ${i}`);
      const [limited] = await member.says(QUESTION);
      const expected = Array.from({ length: 60 }, (_, s) => tg.text(language, 'bot-rate-limited', { limit: 3, seconds: s + 1 }));
      expect(expected).toContain(limited!.text);
      // One notice per window: a member who keeps sending is not sent one per message.
      for (let i = 0; i < 5; i++) expect(await member.says(`${QUESTION} again ${i}`)).toEqual([]);
      expect(await questionsOf(member.user.id)).toBe(3);
      // Another member is not affected.
      const other = tg.member({ language_code: language });
      expect((await other.says(QUESTION))[0]!.buttons).toContain(tg.text(language, 'bot-button-ask-community'));
    });

    it.each([
      ['photo', { photo: [{ file_id: 'p', file_unique_id: 'p', width: 10, height: 10 }] }],
      ['sticker', { sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 5, height: 5, is_animated: false, is_video: false } }],
      ['document', { document: { file_id: 'd', file_unique_id: 'd', file_name: 'price-list.pdf' } }],
      // A voice note is a question (tests/bot/voice.test.ts).
    ])('answers a %s with what the bot can do', async (_kind, fields) => {
      const member = tg.member({ language_code: language });
      const [reply] = await member.sends(fields);
      expect(reply!.text).toBe(tg.text(language, 'bot-other-input'));
    });

    it('asks to shorten a question over 4,000 characters, and an unknown command gets the command list hint', async () => {
      const member = tg.member({ language_code: language });
      const [reply] = await member.says('x'.repeat(4_001));
      expect(reply!.text).toBe(tg.text(language, 'bot-too-long', { max: 4_000, length: 4_001 }));
      expect((await member.says('/frobnicate'))[0]!.text).toBe(tg.text(language, 'bot-unknown-command'));
      expect(await questionsOf(member.user.id)).toBe(0);
    });

    it('answers a question with control characters in it (a null byte), storing it without them', async () => {
      const member = tg.member({ language_code: language });
      const [answer] = await member.says(`How do I pay\u0000 a Chinese\u001b supplier\u0085 through an exchange house?\u0007`);
      expect(answer!.buttons).toContain(tg.text(language, 'bot-button-helpful'));
      const [row] = await tg.db.query<{ text: string }>('SELECT q.text FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1', [
        member.user.id,
      ]);
      expect(row!.text).toBe('How do I pay a Chinese supplier through an exchange house?');
      // Nothing but control characters is no text at all: the member is told what the bot reads.
      expect((await member.says('\u0000\u0000\u001b'))[0]!.text).toBe(tg.text(language, 'bot-other-input'));
    });

    it('answers and registers a member whose Telegram name holds a null byte, asking with one too', async () => {
      const member = tg.member({ language_code: language, first_name: 'A\u0000li', last_name: 'Ka\u0007rimi' });
      const [answer] = await member.says(`How do I pay\u0000 a Chinese supplier through an exchange house?`);
      expect(answer!.text).not.toBe(tg.text(language, 'bot-error-apology'));
      expect(answer!.buttons).toContain(tg.text(language, 'bot-button-helpful'));
      const [row] = await tg.db.query<{ name: string; text: string }>(
        'SELECT m.name, q.text FROM members m JOIN questions q ON q.member_id = m.id WHERE m.telegram_id = $1',
        [member.user.id],
      );
      expect(row).toEqual({ name: 'Ali Karimi', text: 'How do I pay a Chinese supplier through an exchange house?' });
      // The claim's copy of the update was kept cleaned, and let go once it was answered.
      const [claim] = await tg.db.query<{ unfinished: unknown }>('SELECT unfinished FROM processed_updates WHERE update_id = $1', [
        member.lastUpdate!.update_id,
      ]);
      expect(claim).toEqual({ unfinished: null });
    });

    it('shows HTML in a member name as typed', async () => {
      const member = tg.member({ language_code: language, first_name: '<b>Bob</b> & <i>Co' });
      const [greeting] = await member.says('/start');
      expect(greeting!.text).toContain('<b>Bob</b> & <i>Co');
    });
  });

  describe('when something fails', () => {
    describe.each(['fa', 'zh', 'en'] as const)('in %s', (language) => {
      it('Telegram refusing the answer: the member gets an apology, the error is logged, the bot keeps working', async () => {
        const member = tg.member({ language_code: language });
        tg.emulator.state.failNext('sendMessage', 400, 'Bad Request: message thread not found');
        const logged = logLines.length;
        const [apology, ...more] = await member.says(QUESTION);
        expect(apology!.text).toBe(tg.text(language, 'bot-error-apology'));
        expect(more).toEqual([]);
        // The outbox's sender met the refusal: it logs it with the job, which it keeps as failed.
        const failures = logLines.slice(logged).filter((l) => l.job_kind === 'deliver-answer' && String(l.msg).includes('failed'));
        expect(failures).toHaveLength(1);
        expect(JSON.stringify(failures[0])).toContain('message thread not found');
        expect((await member.says(QUESTION))[0]!.buttons).toContain(tg.text(language, 'bot-button-ask-community'));
      });

      if (language === 'zh')
        it('Telegram refusing the answer to a question in traditional characters: the apology is in them too', async () => {
          const member = tg.member({ language_code: language });
          tg.emulator.state.failNext('sendMessage', 400, 'Bad Request: message thread not found');
          const [apology] = await member.says('怎麼通過換匯所向中國供應商付款？');
          expect(apology!.text).toBe(toTraditional(tg.text('zh', 'bot-error-apology')));
          expect(apology!.text).not.toBe(tg.text('zh', 'bot-error-apology'));
        });

      it('a service throwing: apology, error logged with its cause, next question answered', async () => {
        const member = tg.member({ language_code: language });
        const [apology] = await member.says(`${QUESTION} ${BOOM} ${member.user.id}`);
        expect(apology!.text).toBe(tg.text(language, 'bot-error-apology'));
        const [logged, ...more] = await failuresLoggedFor(member);
        expect(JSON.stringify(logged)).toContain('search index unavailable');
        expect(JSON.stringify(logged?.cause)).toContain('is locked');
        expect(more).toEqual([]);
        expect((await member.says(QUESTION))[0]!.buttons).toContain(tg.text(language, 'bot-button-ask-community'));
      });
    });

    it.each(['fa', 'zh', 'en'] as const)(
      "the database failing before any feature runs (%s): apology in Telegram's language, logged with its cause, next update handled",
      async (language) => {
        const member = tg.member({ language_code: language });
        const logged = logLines.length;
        // A real failure of the first statement every update makes (claiming it), not a fake.
        await tg.db.exec('ALTER TABLE processed_updates RENAME TO processed_updates_away');
        try {
          await member.says(QUESTION);
          // The runner hands such a failure to bot.catch after the update is given up: wait for it.
          await until(() => member.history.length > 0, 10_000, 'the apology');
          expect(member.history.map((r) => r.text)).toEqual([tg.text(language, 'bot-error-apology')]);
        } finally {
          await tg.db.exec('ALTER TABLE processed_updates_away RENAME TO processed_updates');
        }
        const failure = logLines.slice(logged).find((l) => l.msg === 'update failed before reaching a feature');
        expect(JSON.stringify(failure)).toContain('relation \\"processed_updates\\" does not exist');
        expect((await member.says(QUESTION))[0]!.buttons).toContain(tg.text(language, 'bot-button-ask-community'));
      },
    );

    it('Telegram asking to slow down (429 with retry_after): the answer is sent again after the wait, once', async () => {
      const member = tg.member({ language_code: 'en' });
      const logged = logLines.length;
      tg.emulator.state.failNext('sendMessage', 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
      const [answer, ...more] = await member.says(QUESTION);
      expect(answer!.buttons).toContain(tg.text('en', 'bot-button-ask-community'));
      expect(more).toEqual([]);
      const sends = tg.emulator.state.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === member.chatId);
      expect(sends).toHaveLength(2);
      expect(sends[1]!.params.text).toBe(sends[0]!.params.text);
      expect(logLines.slice(logged).filter((l) => l.msg === 'handler failed')).toEqual([]);
    });
  });
});
