import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKbFile } from '../../src/knowledge/experiences/kb-format.ts';
import { testDatabases } from '../helpers/db.ts';
import { TelegramTest } from '../helpers/telegram.ts';

const DEMO = parseKbFile(readFileSync('assets/demo-kb.jsonl', 'utf8')).records;
const englishTitle = (id: string) => {
  const e = DEMO.find((r) => r.id === id)!;
  return e.language === 'en' ? e.title : e.translations!.en!.title;
};

// The three answers a member can get: an answer, experiences that might be related, or nothing.
describe.each(testDatabases())('answer tiers on $name', (database) => {
  let tg: TelegramTest;
  beforeAll(async () => {
    tg = await TelegramTest.start({ openDb: database.open, experiences: DEMO });
  });
  afterAll(() => tg?.stop());

  it('answers a question the base answers, with the story, 👍/👎 and "ask the community"', async () => {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says('How do I pay a Chinese supplier?');
    expect(answer!.text).toContain(englishTitle('demo-031'));
    expect(answer!.text).not.toContain(tg.text('en', 'answer-related-found'));
    expect(answer!.buttons).toContain(tg.text('en', 'bot-button-helpful'));
    expect(answer!.buttons.at(-1)).toBe(tg.text('en', 'bot-button-ask-community'));
  });

  // Questions near the base that no experience surely answers (the calibration puts them in the middle).
  const UNSURE = {
    fa: 'بیمه کانتینر ریلی چین',
    zh: '中国供应商的产品保修怎么办',
    en: 'who insures goods on the train from China to Iran',
  } as const;

  it.each(['fa', 'zh', 'en'] as const)(
    'in %s, says it has no sure answer and lists experiences that might be related, each opening its story, beside "ask the community"',
    async (language) => {
      const member = tg.member({ language_code: language });
      const [answer] = await member.says(UNSURE[language]);
      expect(answer!.text).toContain(tg.text(language, 'answer-related-found'));
      expect(answer!.text).toContain(tg.text(language, 'bot-related-offer'));
      expect(answer!.text).not.toContain(tg.text(language, 'bot-abstained-offer'));
      const stories = answer!.buttons.filter((b) => b.includes('📖'));
      expect(stories.length).toBeGreaterThanOrEqual(1);
      expect(stories.length).toBeLessThanOrEqual(3);
      // Each listed by title with its country and industry; no vote on what is not an answer.
      expect(answer!.text).toMatch(new RegExp(`(${tg.text(language, 'country-IR')}|${tg.text(language, 'country-CN')}) · `));
      expect(answer!.buttons).not.toContain(tg.text(language, 'bot-button-helpful'));
      expect(answer!.buttons.at(-1)).toBe(tg.text(language, 'bot-button-ask-community'));

      const [story] = await member.presses(stories[0]!);
      expect(story!.text).toContain(tg.text(language, 'bot-story-solution'));

      const [confirmation] = await member.presses(tg.text(language, 'bot-button-ask-community'));
      expect(confirmation!.text).toBe(tg.text(language, 'bot-community-opened'));
    },
  );

  it('says plainly when nothing in the base fits, with only "ask the community"', async () => {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says('What is the capital of France?');
    expect(answer!.text).toContain(tg.text('en', 'answer-nothing-found'));
    expect(answer!.text).toContain(tg.text('en', 'bot-abstained-offer'));
    expect(answer!.buttons).toEqual([tg.text('en', 'bot-button-ask-community')]);
  });

  // "Nothing answers this" was followed by "I could not find an experience that answers this".
  it('says once that nothing answers, then offers to ask the community', async () => {
    const member = tg.member({ language_code: 'en' });
    const [answer] = await member.says('What is the capital of France?');
    expect(answer!.text).toBe(
      'Nothing in the knowledge base answers this yet.\n\nShould I ask the community? Members who faced the same thing can answer, and you will hear back here.',
    );
  });
});
