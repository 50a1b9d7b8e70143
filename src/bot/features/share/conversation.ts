import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import type { Language } from '../../../text/language.ts';
import type { TranslationArgs } from '../../../i18n.ts';
import { INDUSTRIES } from '../../../knowledge/experiences/experience.ts';
import type { CallbackCodec } from '../../callback-data.ts';
import { isOurButton, SHARE_BUTTONS, SHARE_EDIT, SHARE_INDUSTRY, SHARE_PREVIEW, SHARE_SKIP } from '../../callbacks.ts';
import type { BotContext, BotDeps } from '../../context.ts';
import { clip, escapeHtml } from '../../render/html.ts';
import { checkLength, FIELDS, type Field, LIMITS, MAX_TAG_LENGTH, MAX_TAGS, parseTags, type TextField } from './fields.ts';
import { saveContribution, type Draft } from './save.ts';

/** What /share passes when entering; persisted with the conversation, so JSON only. */
export interface ShareArgs {
  locale: Language;
}

export type ShareConversation = Conversation<BotContext, Context>;
type Translate = (key: string, args?: TranslationArgs) => string;

export const SHARE_CONVERSATION = 'share';
// Room left for labels and the title once three long answers are shortened for the preview.
const PREVIEW_CLIP = 1000;
const HTML = { parse_mode: 'HTML' } as const;

const isCommand = (text: string) => /^\/[A-Za-z0-9_]/.test(text);
/** The value of a press on one of `codec`'s buttons; undefined for anything else. */
const pressed = <T>(c: Context, codec: CallbackCodec<T>): T | undefined => {
  const data = c.callbackQuery?.data;
  return data === undefined ? undefined : codec.decode(data);
};
const skipped = (c: Context): Field | undefined => pressed(c, SHARE_SKIP)?.field;

/**
 * The guided contribution. The builder is replayed from the start on every update (that is how
 * conversations v2 persist), so everything with side effects goes through ctx.api or
 * conversation.external. Texts come from the translator in the language fixed at entry,
 * because conversations do not see the outer middleware that negotiates the locale.
 */
export function createShareConversation(deps: BotDeps) {
  return async function share(conversation: ShareConversation, ctx: Context, args: ShareArgs): Promise<void> {
    const t: Translate = (key, a) => deps.app.translator.t(args.locale, key, a);
    const draft: Partial<Draft> = { tags: [] };

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
        // A /share button of an earlier step needs nothing; any other button waits until the end.
        const ours = c.callbackQuery.data !== undefined && isOurButton(c.callbackQuery.data, SHARE_BUTTONS);
        await c.answerCallbackQuery(ours ? {} : { text: t('share-busy') });
        return true;
      }
      const text = c.message?.text;
      if (text === undefined) await c.reply(t('share-text-only'));
      else if (isCommand(text)) await c.reply(t('share-busy'));
      else return false;
      return true;
    };

    const skipButton = (field: Field) => new InlineKeyboard().text(t('share-skip'), SHARE_SKIP.encode({ field }));

    const askText = async (field: TextField): Promise<void> => {
      const optional = field === 'outcome';
      const prompt = (c: Context) => c.reply(t(`share-ask-${field}`, LIMITS[field]), { ...HTML, ...(optional ? { reply_markup: skipButton(field) } : {}) });
      await prompt(ctx);
      for (;;) {
        const c = await nextAnswer();
        if (optional && skipped(c) === field) {
          await c.answerCallbackQuery();
          delete draft[field];
          return;
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
        draft[field] = text;
        return;
      }
    };

    const askIndustry = async (): Promise<void> => {
      const keyboard = new InlineKeyboard();
      INDUSTRIES.forEach((industry, i) => {
        keyboard.text(t(`share-industry-${industry}`), SHARE_INDUSTRY.encode({ industry }));
        if (i % 2 === 1) keyboard.row();
      });
      await ctx.reply(t('share-ask-industry'), { ...HTML, reply_markup: keyboard });
      for (;;) {
        const c = await nextAnswer();
        const chosen = pressed(c, SHARE_INDUSTRY)?.industry;
        if (chosen !== undefined) {
          await c.answerCallbackQuery({ text: t(`share-industry-${chosen}`) });
          draft.industry = chosen;
          return;
        }
        if (!(await deflect(c))) await c.reply(t('share-use-buttons'));
      }
    };

    const askTags = async (): Promise<void> => {
      const prompt = (c: Context) => c.reply(t('share-ask-tags'), { ...HTML, reply_markup: skipButton('tags') });
      await prompt(ctx);
      for (;;) {
        const c = await nextAnswer();
        if (skipped(c) === 'tags') {
          await c.answerCallbackQuery();
          draft.tags = [];
          return;
        }
        if (await deflect(c)) continue;
        const tags = parseTags(c.message!.text!);
        if (!tags) {
          await c.reply(t('share-too-many-tags', { max: MAX_TAGS, maxLength: MAX_TAG_LENGTH }));
          await prompt(c);
          continue;
        }
        draft.tags = tags;
        return;
      }
    };

    const ask = (field: Field) => (field === 'industry' ? askIndustry() : field === 'tags' ? askTags() : askText(field));

    /** Shows the preview; resolves with what the member pressed. */
    const preview = async (): Promise<'submit' | 'edit' | 'cancel'> => {
      const none = t('share-preview-none');
      const body = t('share-preview', {
        title: escapeHtml(draft.title!),
        industry: t(`share-industry-${draft.industry!}`),
        tags: draft.tags!.length > 0 ? escapeHtml(draft.tags!.join(', ')) : none,
        problem: escapeHtml(clip(draft.problem!, PREVIEW_CLIP)),
        solution: escapeHtml(clip(draft.solution!, PREVIEW_CLIP)),
        outcome: draft.outcome ? escapeHtml(clip(draft.outcome, PREVIEW_CLIP)) : none,
      });
      const keyboard = new InlineKeyboard()
        .text(t('share-button-submit'), SHARE_PREVIEW.encode({ action: 'submit' }))
        .row()
        .text(t('share-button-edit'), SHARE_PREVIEW.encode({ action: 'edit' }))
        .text(t('share-button-cancel'), SHARE_PREVIEW.encode({ action: 'cancel' }));
      await ctx.reply(body, { ...HTML, reply_markup: keyboard });
      for (;;) {
        const c = await nextAnswer();
        const action = pressed(c, SHARE_PREVIEW)?.action;
        if (action !== undefined) {
          await c.answerCallbackQuery();
          return action;
        }
        if (!(await deflect(c))) await c.reply(t('share-use-buttons'));
      }
    };

    /** Which field to redo; undefined for "back to the preview". */
    const chooseField = async (): Promise<Field | undefined> => {
      const keyboard = new InlineKeyboard();
      FIELDS.forEach((field, i) => {
        keyboard.text(t(`share-field-${field}`), SHARE_EDIT.encode({ field }));
        if (i % 2 === 1) keyboard.row();
      });
      keyboard.row().text(t('share-button-back'), SHARE_EDIT.encode({ field: 'back' }));
      await ctx.reply(t('share-edit-which'), { reply_markup: keyboard });
      for (;;) {
        const c = await nextAnswer();
        const chosen = pressed(c, SHARE_EDIT)?.field;
        if (chosen !== undefined) {
          await c.answerCallbackQuery();
          return chosen === 'back' ? undefined : chosen;
        }
        if (!(await deflect(c))) await c.reply(t('share-use-buttons'));
      }
    };

    await ctx.reply(t('share-intro'), HTML);
    for (const field of FIELDS) await ask(field);
    for (;;) {
      const action = await preview();
      if (action === 'cancel') {
        await ctx.reply(t('share-cancelled'));
        return;
      }
      if (action === 'edit') {
        const field = await chooseField();
        if (field) await ask(field);
        continue;
      }
      const saved = await conversation.external((outer: BotContext) => saveContribution(deps, outer, draft as Draft, args.locale));
      await ctx.reply(t(saved === 'saved' ? 'share-submitted' : saved === 'not-member' ? 'share-not-member' : 'share-failed'), HTML);
      return;
    }
  };
}
