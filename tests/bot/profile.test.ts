import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/text/language.ts';
import { toTraditional } from '../../src/text/chinese-convert.ts';
import { anExperience } from '../helpers/experiences.ts';
import { testDatabases } from '../helpers/db.ts';
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

describe.each(testDatabases())('a second /profile on $name', (database) => {
  let own: TelegramTest;
  beforeAll(async () => {
    own = await TelegramTest.start({ openDb: database.open });
  });
  afterAll(() => own?.stop());

  it.each(['fa', 'zh', 'en'] as const)('in %s shows what is saved first and asks again only when the member chooses to change it', async (language) => {
    const member = own.member({ language_code: language });
    await member.says('/profile');
    await member.says('Negin Pars');
    await member.presses(own.text(language, 'country-IR'));
    await member.presses(own.text(language, 'industry-food'));

    const [shown] = await member.says('/profile');
    expect(shown!.text).toBe(
      own.plainText(language, 'bot-profile-current', {
        company: 'Negin Pars',
        country: own.plainText(language, 'country-IR'),
        industry: own.plainText(language, 'industry-food'),
      }),
    );
    expect(shown!.buttons).toEqual([own.text(language, 'bot-button-profile-change')]);

    const [asked] = await member.presses(own.text(language, 'bot-button-profile-change'));
    expect(asked!.text).toBe(own.plainText(language, 'bot-profile-ask-company'));
    await member.presses(own.text(language, 'bot-button-skip'));
    await member.presses(own.text(language, 'country-CN'));
    await member.presses(own.text(language, 'industry-textiles'));
    const [again] = await member.says('/profile');
    expect(again!.text).toBe(
      own.plainText(language, 'bot-profile-current', {
        company: own.plainText(language, 'bot-profile-none'),
        country: own.plainText(language, 'country-CN'),
        industry: own.plainText(language, 'industry-textiles'),
      }),
    );
  });

  it.each(['fa', 'zh', 'en'] as const)('in %s, changing one answer keeps the others with a press each, without typing them again', async (language) => {
    const member = own.member({ language_code: language });
    await member.says('/profile');
    await member.says('Negin Pars Trading');
    await member.presses(own.text(language, 'country-IR'));
    await member.presses(own.text(language, 'industry-food'));
    await member.says('/profile');

    const [company] = await member.presses(own.text(language, 'bot-button-profile-change'));
    const keepCompany = own.text(language, 'bot-button-profile-keep', { value: 'Negin Pars Trading' });
    expect(company!.buttons).toEqual([own.text(language, 'bot-button-skip'), keepCompany]);
    const [country] = await member.presses(keepCompany);
    expect(country!.buttons).toContain(own.text(language, 'bot-button-profile-keep', { value: own.plainText(language, 'country-IR') }));
    const [industry] = await member.presses(own.text(language, 'country-CN'));
    const keepIndustry = own.text(language, 'bot-button-profile-keep', { value: own.plainText(language, 'industry-food') });
    expect(industry!.buttons.at(-1)).toBe(keepIndustry);
    await member.presses(keepIndustry);
    const [again] = await member.says('/profile');
    expect(again!.text).toBe(
      own.plainText(language, 'bot-profile-current', {
        company: 'Negin Pars Trading',
        country: own.plainText(language, 'country-CN'),
        industry: own.plainText(language, 'industry-food'),
      }),
    );
  });

  it.each([
    ['en', 'china', 'CN'],
    ['fa', 'ایران', 'IR'],
    ['zh', '中國', 'CN'],
    ['zh', 'Iran', 'IR'],
  ] as const)('in %s, takes the country typed by its name (%s) as its button would', async (language, typed, code) => {
    const member = own.member({ language_code: language });
    await member.says('/profile');
    await member.presses(own.text(language, 'bot-button-skip'));
    const [industry] = await member.says(typed);
    expect(industry!.text).toBe(own.plainText(language, 'bot-profile-ask-industry'));
    await member.presses(own.text(language, 'industry-food'));
    expect((await own.app.community.members.getByTelegramId(member.user.id))!.country).toBe(code);
    // Anything else is still asked again (in the characters the member has now written Chinese in).
    const words = (key: string) => (typed === '中國' ? toTraditional(own.plainText(language, key)) : own.plainText(language, key));
    await member.says('/profile');
    await member.presses(words('bot-button-profile-change'));
    await member.presses(words('bot-button-skip'));
    expect((await member.says('Shanghai')).map((r) => r.text)).toEqual([words('bot-profile-country-invalid')]);
  });

  it('asks at once a member who has saved no profile', async () => {
    const member = own.member({ language_code: 'en' });
    const [asked] = await member.says('/profile');
    expect(asked!.text).toBe(own.plainText('en', 'bot-profile-ask-company'));
  });

  it.each([
    ['fa', 'ترخیص از گمرک بندرعباس چقدر طول میکشه؟'],
    ['zh', '伊朗清关要多久？'],
    ['en', 'how long does clearance take at bandar abbas?'],
  ] as const)('in %s does not save a question typed while it waits for the company name as the name', async (language, question) => {
    const member = own.member({ language_code: language });
    await member.says('/profile');
    const [told] = await member.says(question);
    expect(told!.text).toBe(own.plainText(language, 'bot-profile-company-question'));
    const [country] = await member.says('Negin Pars');
    expect(country!.text).toBe(own.plainText(language, 'bot-profile-ask-country'));
    await member.presses(own.text(language, 'country-IR'));
    await member.presses(own.text(language, 'industry-food'));
    const [shown] = await member.says('/profile');
    expect(shown!.text).toContain('Negin Pars');
    expect(shown!.text).not.toContain(question);
  });
});
