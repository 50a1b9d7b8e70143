import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anExperience } from '../helpers/experiences.ts';
import { unrelatedExperiences } from '../helpers/telegram-kb.ts';
import { TelegramTest } from '../helpers/telegram.ts';

const LANGUAGE_BUTTONS = ['فارسی', '中文', 'English'];

let tg: TelegramTest;
beforeAll(async () => {
  tg = await TelegramTest.start({ experiences: [anExperience({ id: 'exp-deep-1' }), ...unrelatedExperiences()] });
});
afterAll(() => tg?.stop());

const memberRow = (telegramId: number) =>
  tg.db.query<{ language: string | null; company: string | null; country: string | null; industry: string | null }>(
    'SELECT language, company, country, industry FROM members WHERE telegram_id = $1',
    [telegramId],
  );

describe.each(['fa', 'zh', 'en'] as const)('in %s', (language) => {
  it('/start greets by name, explains how to ask, and offers language and profile', async () => {
    const member = tg.member({ language_code: language, first_name: 'Reza' });
    const [greeting, choice] = await member.says('/start');
    expect(greeting!.text).toBe(`${tg.text(language, 'bot-start-greeting', { name: 'Reza' })}\n\n${tg.text(language, 'bot-start-howto')}`);
    expect(choice!.text).toBe(tg.text(language, 'bot-start-choose'));
    expect(choice!.buttons).toEqual([...LANGUAGE_BUTTONS, tg.text(language, 'bot-button-profile')]);
  });

  it('/help and /privacy answer in the member language', async () => {
    const member = tg.member({ language_code: language });
    expect((await member.says('/help'))[0]!.text).toBe(tg.text(language, 'bot-help'));
    expect((await member.says('/privacy'))[0]!.text).toBe(tg.text(language, 'bot-privacy'));
  });

  it('/language stores the choice, which then wins over Telegram’s language', async () => {
    const other = language === 'en' ? 'zh' : 'en';
    const member = tg.member({ language_code: language });
    const [menu] = await member.says('/language');
    expect(menu!.text).toBe(tg.text(language, 'bot-language-choose'));
    await member.presses(`lang:${other}`);
    expect(member.lastReply!.text).toBe(tg.text(other, 'bot-language-set'));
    expect((await memberRow(member.user.id))[0]!.language).toBe(other);
    expect((await member.says('/help'))[0]!.text).toBe(tg.text(other, 'bot-help'));
  });

  it('walks through the optional profile and stores it', async () => {
    const member = tg.member({ language_code: language });
    await member.says('/start');
    const [askCompany] = await member.presses(tg.text(language, 'bot-button-profile'));
    expect(askCompany!.text).toBe(tg.text(language, 'bot-profile-ask-company'));
    const [askCountry] = await member.says('Negin <Pars> & Co');
    expect(askCountry!.text).toBe(tg.text(language, 'bot-profile-ask-country'));
    expect((await member.says('Iran!'))[0]!.text).toBe(tg.text(language, 'bot-profile-country-invalid'));
    const [askIndustry] = await member.says('tr');
    expect(askIndustry!.text).toBe(tg.text(language, 'bot-profile-ask-industry'));
    expect(askIndustry!.buttons).toContain(tg.text(language, 'industry-textiles'));
    const [saved] = await member.presses(tg.text(language, 'industry-textiles'));
    expect(saved!.text).toBe(
      tg.plainText(language, 'bot-profile-saved', {
        company: 'Negin <Pars> & Co',
        country: tg.text(language, 'country-TR'),
        industry: tg.text(language, 'industry-textiles'),
      }),
    );
    expect(await memberRow(member.user.id)).toEqual([{ language: null, company: 'Negin <Pars> & Co', country: 'TR', industry: 'textiles' }]);
  });

  it('a command in the middle of the profile leaves it and runs the command', async () => {
    const member = tg.member({ language_code: language });
    await member.says('/profile');
    await member.presses(tg.text(language, 'bot-button-skip'));
    const [help] = await member.says('/help');
    expect(help!.text).toBe(tg.text(language, 'bot-help'));
    // The profile is over: plain text is a question again.
    const [answer] = await member.says('How do I pay a Chinese supplier?');
    expect(answer!.buttons).toContain(tg.text(language, 'bot-button-ask-community'));
    expect((await memberRow(member.user.id))[0]!.country).toBeNull();
  });

  it('/cancel in the middle of the profile leaves it unchanged and says so', async () => {
    const member = tg.member({ language_code: language });
    await member.says('/profile');
    await member.says('Negin Pars');
    const [cancelled] = await member.says('/cancel');
    expect(cancelled!.text).toBe(tg.text(language, 'bot-profile-cancelled'));
    expect(await memberRow(member.user.id)).toEqual([{ language: null, company: null, country: null, industry: null }]);
    const [nothing] = await member.says('/cancel');
    expect(nothing!.text).toBe(tg.text(language, 'bot-nothing-to-cancel'));
  });

  it('a deep link t.me/<bot>?start=exp_<id> opens that experience', async () => {
    const member = tg.member({ language_code: language });
    const [story] = await member.says('/start exp_exp-deep-1');
    const record = anExperienceText(language);
    expect(story!.text.startsWith(record.title)).toBe(true);
    expect(story!.text).toContain(record.problem);
    const [missing] = await member.says('/start exp_nope');
    expect(missing!.text).toBe(tg.text(language, 'bot-story-not-found'));
  });
});

function anExperienceText(language: 'fa' | 'zh' | 'en') {
  const e = anExperience({ id: 'unused' });
  const text = language === 'fa' ? e : e.translations![language]!;
  // anExperience numbers its titles; the stored one was the first made in this file.
  return { title: text.title.replace(/\d{4}$/, ''), problem: text.problem };
}

it('a member whose Telegram speaks another language gets English; zh-hans gets Chinese', async () => {
  expect((await tg.member({ language_code: 'de' }).says('/help'))[0]!.text).toBe(tg.text('en', 'bot-help'));
  expect((await tg.member({ language_code: 'zh-hans' }).says('/help'))[0]!.text).toBe(tg.text('zh', 'bot-help'));
  expect((await tg.member({}).says('/help'))[0]!.text).toBe(tg.text('en', 'bot-help'));
});
