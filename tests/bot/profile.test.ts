import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/text/language.ts';
import { anExperience } from '../helpers/experiences.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest, type TestMember } from '../helpers/telegram.ts';

// The same story told by two kinds of firm: the search finds them equally good, so the
// member's profile decides which comes first.
const STORY = {
  problem: 'Online buyers returned carpets because colours looked different from the photos.',
  solution: 'We added daylight photos and close-up videos of the carpet knots.',
};
const CARPETS_IR = anExperience({
  id: 'carpets-ir',
  language: 'en',
  country: 'IR',
  industry: 'handicrafts',
  translations: {},
  title: 'Handmade carpets sold online with fewer returns: a Tabriz workshop',
  ...STORY,
});
const CARPETS_CN = anExperience({
  id: 'carpets-cn',
  language: 'en',
  country: 'CN',
  industry: 'textiles',
  translations: {},
  title: 'Handmade carpets sold online with fewer returns: a Hangzhou importer',
  ...STORY,
});
const QUESTION = 'selling handmade carpets online, buyers return them because of colours in photos';

let tg: TelegramTest;
beforeAll(async () => {
  tg = await TelegramTest.start({ experiences: [CARPETS_IR, CARPETS_CN, ...unrelatedExperiences()] });
});
afterAll(() => tg?.stop());

/** Fills in /profile with the buttons: no company, then country and industry. */
async function setProfile(member: TestMember, language: Language, country: 'IR' | 'CN', industry: string): Promise<void> {
  await member.says('/profile');
  await member.presses(tg.text(language, 'bot-button-skip'));
  await member.presses(tg.text(language, `country-${country}`));
  const [saved] = await member.presses(tg.text(language, `industry-${industry}`));
  expect(saved!.text).toContain(tg.plainText(language, 'industry-' + industry));
}

/** Which of the two carpet experiences the answer names first. */
function firstCarpet(answer: string): string {
  const ir = answer.indexOf(CARPETS_IR.title);
  const cn = answer.indexOf(CARPETS_CN.title);
  expect(ir).toBeGreaterThanOrEqual(0);
  expect(cn).toBeGreaterThanOrEqual(0);
  return ir < cn ? 'carpets-ir' : 'carpets-cn';
}

describe('the profile ranks experiences of similar firms first', () => {
  it.each([
    ['fa', 'IR', 'handicrafts', 'carpets-ir'],
    ['fa', 'CN', 'textiles', 'carpets-cn'],
    ['zh', 'IR', 'handicrafts', 'carpets-ir'],
    ['zh', 'CN', 'textiles', 'carpets-cn'],
    ['en', 'IR', 'handicrafts', 'carpets-ir'],
    ['en', 'CN', 'textiles', 'carpets-cn'],
  ] as const)('in %s, a firm from %s in %s gets %s first', async (language, country, industry, expected) => {
    const member = tg.member({ language_code: language });
    await setProfile(member, language, country, industry);
    const [answer] = await member.says(QUESTION);
    expect(firstCarpet(answer!.text)).toBe(expected);
  });
});
