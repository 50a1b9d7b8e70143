import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import type { TranslationArgs } from '../../../i18n.ts';
import { INDUSTRIES, type Industry } from '../../../knowledge/experiences/experience.ts';
import type { CallbackCodec } from '../../callback-data.ts';
import { isOurButton, PROFILE_COUNTRIES, SHARE_COUNTRY, SHARE_INDUSTRY, SHARE_SKIP } from '../../callbacks.ts';
import type { BotContext } from '../../context.ts';
import { checkLength, type Field, LIMITS, MAX_TAG_LENGTH, MAX_TAGS, parseTags, type TextField } from './fields.ts';

export type Translate = (key: string, args?: TranslationArgs) => string;
export const HTML = { parse_mode: 'HTML' } as const;

const isCommand = (text: string) => /^\/[A-Za-z0-9_]/.test(text);

/** The value of a press on one of `codec`'s buttons; undefined for anything else. */
export const pressed = <T>(c: Context, codec: CallbackCodec<T>): T | undefined => {
  const data = c.callbackQuery?.data;
  return data === undefined ? undefined : codec.decode(data);
};
const skipped = (c: Context): Field | undefined => pressed(c, SHARE_SKIP)?.field;

/**
 * The questions of /share's fields, shared by every conversation that asks a member for them
 * (/share, editing a contribution from /my, answering a community question), so one set of
 * prompts and rules applies.
 * `ours`: the buttons of the calling conversation, whose presses on older messages need nothing;
 * `busyKey`: what a command or another button gets meanwhile.
 */
export function fieldSteps(conversation: Conversation<BotContext, Context>, t: Translate, ours: readonly CallbackCodec<unknown>[], busyKey = 'share-busy') {
  /** The next message or button press; edits, reactions and the like are not answers. */
  const nextAnswer = async (): Promise<Context> => {
    for (;;) {
      const c = await conversation.wait();
      if (c.message || c.callbackQuery) return c;
    }
  };

  /** Handles what is not an answer to this step; true when `c` was such a thing. */
  const deflect = async (c: Context): Promise<boolean> => {
    if (c.callbackQuery) {
      // A button of an earlier step needs nothing; any other button waits until the end.
      const own = c.callbackQuery.data !== undefined && isOurButton(c.callbackQuery.data, ours);
      await c.answerCallbackQuery(own ? {} : { text: t(busyKey) });
      return true;
    }
    const text = c.message?.text;
    if (text === undefined) await c.reply(t('share-text-only'));
    else if (isCommand(text)) await c.reply(t(busyKey));
    else return false;
    return true;
  };

  /** Waits for a press on `codec`'s buttons, telling the member to use them otherwise. */
  const choose = async <T>(
    codec: CallbackCodec<T>,
    typed?: (text: string) => T | undefined,
    invalidKey = 'share-use-buttons',
  ): Promise<{ value: T; c: Context }> => {
    for (;;) {
      const c = await nextAnswer();
      const value = pressed(c, codec);
      if (value !== undefined) return { value, c };
      if (await deflect(c)) continue;
      const fromText = typed?.(c.message!.text!);
      if (fromText !== undefined) return { value: fromText, c };
      await c.reply(t(invalidKey));
    }
  };

  const skipButton = (field: Field) => new InlineKeyboard().text(t('share-skip'), SHARE_SKIP.encode({ field }));

  /** A text field's answer; null when the member skipped the (optional) outcome. */
  const askText = async (ctx: Context, field: TextField): Promise<string | null> => {
    const optional = field === 'outcome';
    const prompt = (c: Context) => c.reply(t(`share-ask-${field}`, LIMITS[field]), { ...HTML, ...(optional ? { reply_markup: skipButton(field) } : {}) });
    await prompt(ctx);
    for (;;) {
      const c = await nextAnswer();
      if (optional && skipped(c) === field) {
        await c.answerCallbackQuery();
        return null;
      }
      if (await deflect(c)) continue;
      // A title is one line; the other answers keep the member's paragraphs.
      const text = field === 'title' ? c.message!.text!.replace(/\s+/g, ' ').trim() : c.message!.text!.trim();
      const problem = checkLength(field, text);
      if (problem) {
        await c.reply(t(problem.key, { length: problem.length, min: problem.min, max: problem.max }));
        await prompt(c);
        continue;
      }
      return text;
    }
  };

  const askIndustry = async (ctx: Context): Promise<Industry> => {
    const keyboard = new InlineKeyboard();
    INDUSTRIES.forEach((industry, i) => {
      keyboard.text(t(`share-industry-${industry}`), SHARE_INDUSTRY.encode({ industry }));
      if (i % 2 === 1) keyboard.row();
    });
    await ctx.reply(t('share-ask-industry'), { ...HTML, reply_markup: keyboard });
    const { value, c } = await choose(SHARE_INDUSTRY);
    await c.answerCallbackQuery({ text: t(`share-industry-${value.industry}`) });
    return value.industry;
  };

  const askTags = async (ctx: Context): Promise<string[]> => {
    const prompt = (c: Context) => c.reply(t('share-ask-tags'), { ...HTML, reply_markup: skipButton('tags') });
    await prompt(ctx);
    for (;;) {
      const c = await nextAnswer();
      if (skipped(c) === 'tags') {
        await c.answerCallbackQuery();
        return [];
      }
      if (await deflect(c)) continue;
      const tags = parseTags(c.message!.text!);
      if (!tags) {
        await c.reply(t('share-too-many-tags', { max: MAX_TAGS, maxLength: MAX_TAG_LENGTH }));
        await prompt(c);
        continue;
      }
      return tags;
    }
  };

  /**
   * Where the company is, for a member whose profile does not say: readers are told it. Iran and
   * China are buttons (`countryName` labels them); any other ISO 3166 code is typed.
   */
  /** `fromText`: the country a typed answer names (typedCountry), undefined when none. */
  const askCountry = async (ctx: Context, countryName: (code: string) => string, fromText: (text: string) => string | undefined): Promise<string> => {
    const keyboard = new InlineKeyboard();
    for (const code of PROFILE_COUNTRIES) keyboard.text(countryName(code), SHARE_COUNTRY.encode({ country: code }));
    await ctx.reply(t('share-ask-country'), { ...HTML, reply_markup: keyboard });
    const typed = (text: string) => {
      const country = fromText(text);
      return country !== undefined ? { country } : undefined;
    };
    const { value, c } = await choose(SHARE_COUNTRY, typed, 'share-country-invalid');
    if (c.callbackQuery) await c.answerCallbackQuery();
    return value.country;
  };

  return { nextAnswer, deflect, choose, askText, askIndustry, askTags, askCountry };
}
