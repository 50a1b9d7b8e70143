import { createConversation, type Conversation } from '@grammyjs/conversations';
import { Composer, InlineKeyboard, type Context } from 'grammy';
import type { Language } from '../../text/language.ts';
import { INDUSTRIES } from '../../knowledge/experiences/experience.ts';
import { onPress } from '../callback-data.ts';
import { PROFILE_CHANGE, PROFILE_COMPANY, PROFILE_COUNTRIES, PROFILE_COUNTRY, PROFILE_INDUSTRY, PROFILE_KEEP, PROFILE_START } from '../callbacks.ts';
import type { Member } from '../../community/members.ts';
import { endsAsQuestion, isValidProfileValue } from '../../community/profile.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { countryName, industryName } from '../../answering/display.ts';
import { consentMessage } from './introductions.ts';
import { replyScript, wordsFor } from '../i18n.ts';
import { inScript } from '../../text/chinese-convert.ts';
import { clip } from '../render/html.ts';
import { typedCountry } from '../typed-country.ts';

export const PROFILE_CONVERSATION = 'profile';

/** Persisted with the conversation's replay state, so plain JSON. */
interface ProfileArgs {
  locale: Language;
  script?: 'traditional';
  memberId: number;
  /** The profile as saved, when the member chose to change it: each step then offers to keep its value. */
  saved?: Partial<Record<Step, string>>;
}

type Step = 'company' | 'country' | 'industry';
// A company's name on a button: what a phone shows of it.
const KEEP_CLIP = 30;
type Answer = { value: string | null } | { halt: true } | { cancelled: true };

/**
 * The optional profile (company, country, industry): it ranks experiences of similar firms
 * first. Replayed from the start on each update (conversations v2), so writes go through
 * conversation.external. /cancel at any step leaves the profile unchanged and says so; any
 * other command leaves it and runs that command.
 */
function profileConversation(deps: BotDeps) {
  return async function profile(conversation: Conversation<BotContext, Context>, ctx: Context, args: ProfileArgs): Promise<void> {
    const t = wordsFor(deps.app.translator, args.locale, args.script);
    const countryLabel = (code: string) => inScript(args.script, countryName(deps.app.translator, args.locale, code));
    const industryLabel = (slug: string) => inScript(args.script, industryName(deps.app.translator, args.locale, slug));
    const before = args.saved ?? {};
    const savedLabel: Record<Step, (value: string) => string> = { company: (v) => clip(v, KEEP_CLIP), country: countryLabel, industry: industryLabel };
    // Changing one answer should not mean typing the others again: a saved value is kept with one press.
    const withKeep = (keyboard: InlineKeyboard, step: Step) => {
      const value = before[step];
      return value ? keyboard.row().text(t('bot-button-profile-keep', { value: savedLabel[step](value) }), PROFILE_KEEP.encode({ step })) : keyboard;
    };
    const skipCompany = () => withKeep(new InlineKeyboard().text(t('bot-button-skip'), PROFILE_COMPANY.encode({ skip: '-' })), 'company');

    const leave = async (answer: Answer) => {
      if (!('cancelled' in answer)) return conversation.halt({ next: true });
      await ctx.reply(t('bot-profile-cancelled'));
      return conversation.halt();
    };

    const ask = async (step: Step, accept: (c: Context) => string | null | undefined, invalidKey: (c: Context) => string): Promise<Answer> => {
      for (;;) {
        const c = await conversation.wait();
        const data = c.callbackQuery?.data;
        if (data !== undefined) {
          await c.answerCallbackQuery();
          const pressed = PROFILE_KEEP.decode(data)?.step === step ? (before[step] ?? null) : pressedChoice(step, data);
          if (pressed !== undefined) return { value: pressed };
          continue; // a button of another message
        }
        const command = /^\/(\w+)/.exec(c.message?.text ?? '')?.[1];
        if (command === 'cancel') return { cancelled: true };
        if (command) return { halt: true };
        const value = accept(c);
        if (value !== undefined) return { value };
        if (c.message) await c.reply(t(invalidKey(c)));
      }
    };

    await ctx.reply(t('bot-profile-ask-company'), { reply_markup: skipCompany() });
    const company = await ask(
      'company',
      (c) => companyName(c.message?.text),
      (c) => (endsAsQuestion(c.message?.text ?? '') ? 'bot-profile-company-question' : 'bot-profile-company-invalid'),
    );
    if (!('value' in company)) return leave(company);

    const countries = new InlineKeyboard();
    for (const code of PROFILE_COUNTRIES) countries.text(countryLabel(code), PROFILE_COUNTRY.encode({ country: code }));
    countries.row().text(t('bot-button-skip'), PROFILE_COUNTRY.encode({ country: null }));
    await ctx.reply(t('bot-profile-ask-country'), { reply_markup: withKeep(countries, 'country') });
    const country = await ask(
      'country',
      (c) => (c.message?.text === undefined ? undefined : typedCountry(deps.app.translator, c.message.text)),
      () => 'bot-profile-country-invalid',
    );
    if (!('value' in country)) return leave(country);

    const industries = new InlineKeyboard();
    INDUSTRIES.forEach((slug, i) => {
      industries.text(industryLabel(slug), PROFILE_INDUSTRY.encode({ industry: slug }));
      if (i % 2 === 1) industries.row();
    });
    industries.row().text(t('bot-button-skip'), PROFILE_INDUSTRY.encode({ industry: null }));
    await ctx.reply(t('bot-profile-ask-industry'), { reply_markup: withKeep(industries, 'industry') });
    const industry = await ask(
      'industry',
      () => undefined,
      () => 'bot-profile-industry-invalid',
    );
    if (!('value' in industry)) return leave(industry);

    const saved = await conversation.external(() =>
      deps.app.community.saveProfile(args.memberId, { company: company.value, country: country.value, industry: industry.value }),
    );
    if (saved.kind === 'invalid') return void (await ctx.reply(t(`bot-profile-${saved.field}-invalid`)));
    const none = t('bot-profile-none');
    await ctx.reply(
      t('bot-profile-saved', {
        company: company.value ?? none,
        country: country.value ? countryName(deps.app.translator, args.locale, country.value) : none,
        industry: industry.value ? industryName(deps.app.translator, args.locale, industry.value) : none,
      }),
    );
    // Whether members who read one's experiences may ask to be introduced: off until turned on here.
    const consent = consentMessage(t, saved.member.consentIntroductions);
    await ctx.reply(consent.text, { reply_markup: consent.keyboard });
  };
}

/** The value a press on one of `step`'s buttons chose (null: skipped); undefined for any other button. */
function pressedChoice(step: Step, data: string): string | null | undefined {
  if (step === 'company') return PROFILE_COMPANY.decode(data) ? null : undefined;
  if (step === 'country') return PROFILE_COUNTRY.decode(data)?.country;
  return PROFILE_INDUSTRY.decode(data)?.industry;
}

function companyName(text: string | undefined): string | undefined {
  const v = text?.trim();
  return v !== undefined && isValidProfileValue('company', v) ? v : undefined;
}

/**
 * /profile, and the button under /start's greeting: a member with a profile sees it first, with
 * a button to change it (asked again from the first step); one without is asked at once.
 */
export function profileFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(createConversation<BotContext, Context>(profileConversation(deps), { id: PROFILE_CONVERSATION }));
  const enter = async (ctx: BotContext, next: () => Promise<void>, change: boolean) => {
    // In the middle of another conversation (/share): let that one say it is busy.
    if (Object.keys(ctx.conversation.active()).some((id) => id !== PROFILE_CONVERSATION)) return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    if (ctx.chat?.type !== 'private') return void (await ctx.reply(ctx.t('bot-profile-private-only')));
    const member = ctx.member;
    if (!member) return;
    await ctx.conversation.exit(PROFILE_CONVERSATION);
    if (!change && (member.company || member.country || member.industry)) return showProfile(ctx, deps, member);
    const saved = Object.fromEntries((['company', 'country', 'industry'] as const).flatMap((step) => (member[step] ? [[step, member[step]]] : [])));
    const args: ProfileArgs = { locale: ctx.locale, memberId: member.id, ...replyScript(ctx), ...(change ? { saved } : {}) };
    await ctx.conversation.enter(PROFILE_CONVERSATION, args);
  };
  composer.command('profile', (ctx, next) => enter(ctx, next, false));
  onPress(composer, PROFILE_START, (ctx, _start, next) => enter(ctx, next, false));
  onPress(composer, PROFILE_CHANGE, (ctx, _change, next) => enter(ctx, next, true));
  return composer;
}

/** The profile as saved, worded as when it was saved, and the button to change it. */
async function showProfile(ctx: BotContext, deps: BotDeps, member: Member): Promise<void> {
  const none = ctx.t('bot-profile-none');
  const text = ctx.t('bot-profile-current', {
    company: member.company ?? none,
    country: member.country ? countryName(deps.app.translator, ctx.locale, member.country) : none,
    industry: member.industry ? industryName(deps.app.translator, ctx.locale, member.industry) : none,
  });
  await ctx.reply(text, { reply_markup: new InlineKeyboard().text(ctx.t('bot-button-profile-change'), PROFILE_CHANGE.encode({})) });
}
