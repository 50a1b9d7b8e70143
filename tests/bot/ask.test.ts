import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/text/language.ts';
import { linesLaidOutLeftToRight } from '../helpers/bidi.ts';
import { anExperience } from '../helpers/experiences.ts';
import { testDatabases } from '../helpers/db.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { toTraditional } from '../../src/text/chinese-convert.ts';
import { TelegramTest } from '../helpers/telegram.ts';

const PAYMENT = anExperience({ id: 'exp-pay-1' });
// Only its original (Chinese) text: a Persian or English reader gets the original with a note.
const MOLDS = anExperience({
  id: 'exp-molds-1',
  language: 'zh',
  country: 'CN',
  industry: 'machinery',
  title: '模具出口伊朗的质量检验',
  problem: '伊朗客户要求出口前做第三方检验，我们不知道找哪家机构。',
  solution: '我们请了有资质的检验机构在工厂验货，并提供英文报告。',
  outcome: '货物一次通关。',
  tags: ['inspection'],
  translations: {},
});

// Persian with an English translation only: a Chinese reader gets the English, said to be a translation.
const WAREHOUSE = anExperience({
  id: 'exp-warehouse-1',
  industry: 'logistics',
  title: 'اجارهٔ انبار در بندر پوتی گرجستان',
  problem: 'کالای ترانزیتی ما در پوتی جایی برای ماندن نداشت.',
  solution: 'یک انبار گمرکی را ماهانه اجاره کردیم.',
  outcome: 'هزینهٔ دموراژ صفر شد.',
  translations: {
    en: {
      title: 'Renting a warehouse in the port of Poti, Georgia',
      problem: 'Our transit goods had nowhere to wait in Poti.',
      solution: 'We rented a bonded warehouse by the month.',
      outcome: 'Demurrage fell to zero.',
    },
  },
});

const QUESTIONS: Record<Language, { about: string; nothing: string }> = {
  fa: { about: 'چطور از طریق صرافی به تأمین‌کننده چینی پرداخت کنم؟', nothing: 'یک شعر خوب دربارهٔ برگ‌های پاییزی پیشنهاد کن' },
  zh: { about: '怎么通过换汇所向中国供应商付款？', nothing: '足球比赛门票多少钱' },
  en: { about: 'How do I pay a Chinese supplier through an exchange house?', nothing: 'Recommend a good poem about autumn leaves' },
};

describe.each(testDatabases())('on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: [PAYMENT, MOLDS, WAREHOUSE, ...unrelatedExperiences()] });
  });
  afterAll(() => tg?.stop());

  it("answers a question typed in Persian in Persian, even when the member's Telegram is in English", async () => {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says(QUESTIONS.fa.about);
    expect(answer!.text).toContain(PAYMENT.title);
    expect(answer!.buttons).toContain(tg.text('fa', 'bot-button-helpful'));
    const [latin] = await member.says(QUESTIONS.en.about);
    expect(latin!.text).toContain(PAYMENT.translations!.en!.title);
  });

  it('numbers the experiences of a Persian answer in Persian digits, as its list of related experiences is numbered', async () => {
    const member = tg.member({ language_code: 'fa' });
    const [answer] = await member.says(QUESTIONS.fa.about);
    expect(answer!.text).toContain(`۱. ${PAYMENT.title}`);
    expect(answer!.text).not.toMatch(/(^|\n)\u200F?1\. /);
  });

  it('answers a question in traditional characters in traditional characters: the quote, the title, the bot words and buttons', async () => {
    const member = tg.member({ language_code: 'zh' });
    const [answer] = await member.says('怎麼通過換匯所向中國供應商付款？');
    expect(answer!.text).toContain(toTraditional(PAYMENT.translations!.zh!.title));
    expect(answer!.text).toContain(toTraditional(tg.text('zh', 'answer-offline-intro')));
    expect(answer!.text).not.toContain(tg.text('zh', 'answer-offline-intro'));
    expect(answer!.buttons).toContain(toTraditional(tg.text('zh', 'bot-button-helpful')));
  });

  it('opens the full story from an answer in traditional characters in traditional characters too', async () => {
    const member = tg.member({ language_code: 'zh' });
    await member.says('怎麼通過換匯所向中國供應商付款？');
    const [story] = await member.presses(toTraditional(tg.text('zh', 'bot-button-story', { title: clipTitle(PAYMENT.translations!.zh!.title) })));
    for (const part of [PAYMENT.translations!.zh!.title, PAYMENT.translations!.zh!.solution]) {
      expect(story!.text).toContain(toTraditional(part));
      expect(story!.text).not.toContain(part);
    }
    expect(story!.text).toContain(toTraditional(tg.text('zh', 'bot-story-solution')));
  });

  it("opens the full story in the answer's language, not the member's Telegram language, and leaves that setting as it was", async () => {
    const member = tg.member({ language_code: 'en' });
    await member.says(QUESTIONS.zh.about);
    const [story] = await member.presses(tg.text('zh', 'bot-button-story', { title: clipTitle(PAYMENT.translations!.zh!.title) }));
    expect(story!.text).toContain(PAYMENT.translations!.zh!.solution);
    expect(story!.text).toContain(tg.text('zh', 'bot-story-solution'));
    const [help] = await member.says('/help');
    expect(help!.text).toContain(
      tg
        .plainText('en', 'bot-help')
        .replace(/<[^>]+>/g, '')
        .split('\n')[0]!,
    );
  });

  describe.each(['fa', 'zh', 'en'] as const)('asking in %s', (language) => {
    const title = language === 'fa' ? PAYMENT.title : PAYMENT.translations![language]!.title;

    it('answers citing the experience by its title in the member language, naming who lived it (company, city, country) and the industry', async () => {
      const member = tg.member({ language_code: language });
      const [answer] = await member.says(QUESTIONS[language].about);
      expect(answer!.text).toContain(title);
      // The Persian company "نگین پارس" of Tehran, in a script each reader reads.
      const who =
        { fa: 'نگین پارس، تهران', zh: 'Negin Pars，德黑兰', en: 'Negin Pars, Tehran' }[language] +
        tg.plainText(language, 'answer-who-separator') +
        tg.text(language, 'country-IR');
      expect(answer!.text).toContain(tg.text(language, 'answer-experience-meta', { who, industry: tg.text(language, 'industry-food') }));
      expect(answer!.message.reply_to_message_id).toBeDefined();
      // Persian lines, the country and industry too (only values), are laid out right to left.
      if (language === 'fa') expect(linesLaidOutLeftToRight(answer!.message.text ?? '')).toEqual([]);
      // Found in the knowledge base at once: no "typing…" flicker before it (Telegram's advice).
      expect(tg.emulator.state.calls.some((c) => c.method === 'sendChatAction' && c.params.chat_id === member.chatId)).toBe(false);
      expect(answer!.buttons).toEqual([
        plainButton(tg.text(language, 'bot-button-story', { title: clipTitle(title) })),
        tg.text(language, 'bot-button-helpful'),
        tg.text(language, 'bot-button-not-helpful'),
        tg.text(language, 'bot-button-ask-community'),
      ]);

      const [row] = await tg.db.query<{ language: string; abstained: boolean; latency_ms: number; cited: string }>(
        `SELECT q.language, q.abstained, q.latency_ms, (SELECT string_agg(e.external_id, ',') FROM answer_citations c JOIN experiences e ON e.id = c.experience_id WHERE c.question_id = q.id) AS cited
         FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1`,
        [member.user.id],
      );
      expect(row).toMatchObject({ language, abstained: false, cited: 'exp-pay-1' });
      expect(row!.latency_ms).toBeGreaterThanOrEqual(0);
    });

    it('opens the full story in the member language from the button under the answer', async () => {
      const member = tg.member({ language_code: language });
      await member.says(QUESTIONS[language].about);
      const [story] = await member.presses(`story:${await idOf('exp-pay-1')}:${language}`);
      const text = language === 'fa' ? PAYMENT : { ...PAYMENT, ...PAYMENT.translations![language]! };
      for (const part of [text.title, text.problem, text.solution, text.outcome!]) expect(story!.text).toContain(part);
      expect(story!.text).toContain(tg.text(language, 'bot-story-solution'));
      expect(story!.text).not.toContain(tg.text(language, 'bot-story-original-note', { language: 'fa' }));
    });

    it('shows the original with a note when the story has no text in the member language', async () => {
      const member = tg.member({ language_code: language });
      await member.says(`/start exp_${MOLDS.id}`);
      const story = member.lastReply!;
      expect(story.text).toContain(MOLDS.title);
      expect(story.text).toContain(MOLDS.solution);
      if (language !== 'zh') expect(story.text).toContain(tg.text(language, 'bot-story-original-note', { language: 'zh' }));
    });

    it('shows a story without the member language in English, the second choice, before its Persian original, and says so', async () => {
      const member = tg.member({ language_code: language });
      await member.says(`/start exp_${WAREHOUSE.id}`);
      const story = member.lastReply!.text;
      const shown = language === 'fa' ? WAREHOUSE : { ...WAREHOUSE, ...WAREHOUSE.translations!.en! };
      expect(story).toContain(shown.title);
      expect(story).toContain(shown.solution);
      if (language === 'zh') expect(story).toContain(tg.text('zh', 'bot-story-translation-note', { language: 'en', original: 'fa' }));
      else expect(story).not.toContain(tg.text(language, 'bot-story-translation-note', { language: 'en', original: 'fa' }));
    });

    it('stores 👍 / 👎 and marks the vote on the answer', async () => {
      const member = tg.member({ language_code: language });
      await member.says(QUESTIONS[language].about);
      await member.presses(tg.text(language, 'bot-button-helpful'));
      expect(member.toasts).toEqual([tg.text(language, 'bot-feedback-thanks')]);
      expect(member.lastReply!.buttons).toContain(`${tg.text(language, 'bot-button-helpful')} ✓`);
      await member.presses(tg.text(language, 'bot-button-not-helpful'));
      const votes = await tg.db.query<{ helpful: boolean }>('SELECT f.helpful FROM feedback f JOIN members m ON m.id = f.member_id WHERE m.telegram_id = $1', [
        member.user.id,
      ]);
      expect(votes).toEqual([{ helpful: false }]);
    });

    it('says plainly when nothing answers, and puts the question to the community on request', async () => {
      const member = tg.member({ language_code: language });
      const [answer] = await member.says(QUESTIONS[language].nothing);
      expect(answer!.text).toContain(tg.text(language, 'answer-nothing-found'));
      expect(answer!.text).toContain(tg.text(language, 'bot-abstained-offer'));
      expect(answer!.buttons).toEqual([tg.text(language, 'bot-button-ask-community')]);

      const [confirmation] = await member.presses(tg.text(language, 'bot-button-ask-community'));
      expect(confirmation!.text).toBe(tg.text(language, 'bot-community-opened'));
      const [again] = await member.presses(tg.text(language, 'bot-button-ask-community'));
      expect(again!.text).toBe(tg.text(language, 'bot-community-already'));
      const open = await tg.db.query<{ text: string; language: string; status: string }>(
        'SELECT o.text, o.language, o.status FROM open_questions o JOIN members m ON m.id = o.member_id WHERE m.telegram_id = $1',
        [member.user.id],
      );
      expect(open).toEqual([{ text: QUESTIONS[language].nothing, language, status: 'open' }]);
    });

    it('treats a reply to an answer as a follow-up of that question', async () => {
      const member = tg.member({ language_code: language });
      const [first] = await member.says(QUESTIONS[language].about);
      const [followUp] = await member.says(language === 'zh' ? '要多久？' : language === 'fa' ? 'چقدر طول می‌کشد؟' : 'How long does it take?', {
        replyTo: first!,
      });
      // The earlier question gives the short follow-up its context, so the same experience comes back.
      expect(followUp!.text).toContain(title);
      const rows = await tg.db.query<{ text: string; follow_up_of: string | null; id: string }>(
        'SELECT q.id, q.text, q.follow_up_of FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1 ORDER BY q.id',
        [member.user.id],
      );
      expect(rows).toHaveLength(2);
      expect(rows[1]!.follow_up_of).toEqual(rows[0]!.id);
    });

    // A member reads the full story, then replies to it: it was a question out of context, answered from anything.
    it('treats a reply to a story opened from an answer as a follow-up of that question', async () => {
      const member = tg.member({ language_code: language });
      await member.says(QUESTIONS[language].about);
      const [story] = await member.presses(member.lastReply!.buttons.find((b) => b.includes('📖'))!);
      expect(story!.text).toContain(title);
      const [followUp] = await member.says(language === 'zh' ? '要多久？' : language === 'fa' ? 'چقدر طول می‌کشد؟' : 'How long does it take?', {
        replyTo: story!,
      });
      expect(followUp!.text).toContain(title);
      const rows = await tg.db.query<{ follow_up_of: string | null; id: string }>(
        'SELECT q.id, q.follow_up_of FROM questions q JOIN members m ON m.id = q.member_id WHERE m.telegram_id = $1 ORDER BY q.id',
        [member.user.id],
      );
      expect(rows[1]!.follow_up_of).toEqual(rows[0]!.id);
    });
  });

  async function idOf(externalId: string): Promise<number> {
    const e = await tg.app.experiences.getByExternalId(externalId);
    return e!.id;
  }

  function clipTitle(title: string): string {
    const chars = [...title];
    return chars.length <= 40 ? title : `${chars.slice(0, 39).join('')}…`;
  }

  const plainButton = (s: string) => s;
});
