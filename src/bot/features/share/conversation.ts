import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import type { Language } from '../../../text/language.ts';
import { countryName } from '../../../answering/display.ts';
import { contributionAsStored, type Draft } from '../../../community/contributions.ts';
import { SHARE_BUTTONS, SHARE_EDIT, SHARE_NAMED, SHARE_PREVIEW } from '../../callbacks.ts';
import type { BotContext, BotDeps } from '../../context.ts';
import { escapeHtml, splitMessage } from '../../render/html.ts';
import { renderStory } from '../../render/story.ts';
import { FIELDS, type Field } from './fields.ts';
import { saveContribution } from './save.ts';
import { fieldSteps, HTML, type Translate } from './steps.ts';
import { wordsFor } from '../../i18n.ts';
import { typedCountry } from '../../typed-country.ts';
import { inScript } from '../../../text/chinese-convert.ts';

/** What /share passes when entering; persisted with the conversation, so JSON only. */
export interface ShareArgs {
  locale: Language;
  script?: 'traditional';
}

export type ShareConversation = Conversation<BotContext, Context>;

export const SHARE_CONVERSATION = 'share';

/** What the preview's "edit" offers: the fields, where the company is, and whether to be named. */
type EditChoice = Field | 'country' | 'named';
const EDIT_CHOICES: readonly EditChoice[] = [...FIELDS, 'country', 'named'];

/**
 * The guided contribution. The builder is replayed from the start on every update (that is how
 * conversations v2 persist), so everything with side effects goes through ctx.api or
 * conversation.external. Texts come from the translator in the language fixed at entry,
 * because conversations do not see the outer middleware that negotiates the locale.
 */
export function createShareConversation(deps: BotDeps) {
  const { translator } = deps.app;
  return async function share(conversation: ShareConversation, ctx: Context, args: ShareArgs): Promise<void> {
    const t: Translate = wordsFor(translator, args.locale, args.script);
    const steps = fieldSteps(conversation, t, SHARE_BUTTONS);
    const draft: Partial<Draft> = { tags: [] };
    // The member as the contribution will credit them, read once (a later /profile counts at the next /share).
    const member = await conversation.external((outer: BotContext) => {
      const m = outer.member;
      return { name: m?.name, company: m?.company, country: m?.country, language: m?.language };
    });
    const who = [member.name, member.company].filter(Boolean).join(t('bot-story-who-separator'));

    const ask = async (field: Field): Promise<void> => {
      if (field === 'industry') draft.industry = await steps.askIndustry(ctx);
      else if (field === 'tags') draft.tags = await steps.askTags(ctx);
      else {
        const value = await steps.askText(ctx, field);
        if (value === null) delete draft[field];
        else draft[field] = value;
      }
    };

    // The profile's country is used when there is one.
    const askCountry = async (): Promise<void> => {
      draft.country = await steps.askCountry(
        ctx,
        (code) => inScript(args.script, countryName(translator, args.locale, code)),
        (text) => typedCountry(translator, text),
      );
    };

    // Shown exactly as the story's credit line will read.
    const askNamed = async (): Promise<void> => {
      const keyboard = new InlineKeyboard()
        .text(t('share-button-named'), SHARE_NAMED.encode({ named: true }))
        .row()
        .text(t('share-button-anonymous'), SHARE_NAMED.encode({ named: false }));
      await ctx.reply(t('share-ask-named', { credit: t('bot-story-contributor', { who: escapeHtml(who) }) }), { ...HTML, reply_markup: keyboard });
      const { value, c } = await steps.choose(SHARE_NAMED);
      await c.answerCallbackQuery();
      draft.named = value.named;
    };

    /** Shows the contribution as readers will see it; resolves with what the member pressed. */
    const preview = async (): Promise<'submit' | 'edit' | 'cancel'> => {
      const story = inScript(args.script, renderStory(contributionAsStored(member, draft as Draft, args.locale), args.locale, t, translator));
      const tags = draft.tags!.length > 0 ? `\n\n${t('share-preview-tags', { tags: escapeHtml(draft.tags!.join(', ')) })}` : '';
      const keyboard = new InlineKeyboard()
        .text(t('share-button-submit'), SHARE_PREVIEW.encode({ action: 'submit' }))
        .row()
        .text(t('share-button-edit'), SHARE_PREVIEW.encode({ action: 'edit' }))
        .text(t('share-button-cancel'), SHARE_PREVIEW.encode({ action: 'cancel' }));
      const parts = splitMessage(`${t('share-preview-header')}\n\n${story}${tags}`);
      for (const [i, part] of parts.entries()) await ctx.reply(part, { ...HTML, ...(i === parts.length - 1 ? { reply_markup: keyboard } : {}) });
      const { value, c } = await steps.choose(SHARE_PREVIEW);
      await c.answerCallbackQuery();
      return value.action;
    };

    /** What to redo; undefined for "back to the preview". */
    const chooseField = async (): Promise<EditChoice | undefined> => {
      const keyboard = new InlineKeyboard();
      // Without a name or company there is nothing to show or hide.
      EDIT_CHOICES.filter((field) => field !== 'named' || who !== '').forEach((field, i) => {
        keyboard.text(t(`share-field-${field}`), SHARE_EDIT.encode({ field }));
        if (i % 2 === 1) keyboard.row();
      });
      keyboard.row().text(t('share-button-back'), SHARE_EDIT.encode({ field: 'back' }));
      await ctx.reply(t('share-edit-which'), { reply_markup: keyboard });
      const { value, c } = await steps.choose(SHARE_EDIT);
      await c.answerCallbackQuery();
      return value.field === 'back' ? undefined : value.field;
    };

    await ctx.reply(t('share-intro'), HTML);
    for (const field of FIELDS) await ask(field);
    if (!member.country) await askCountry();
    if (who !== '') await askNamed();
    for (;;) {
      const action = await preview();
      if (action === 'cancel') {
        await ctx.reply(t('share-cancelled'));
        return;
      }
      if (action === 'edit') {
        const field = await chooseField();
        if (field === 'country') await askCountry();
        else if (field === 'named') await askNamed();
        else if (field) await ask(field);
        continue;
      }
      const saved = await conversation.external((outer: BotContext) => saveContribution(deps, outer, draft as Draft, args.locale));
      await ctx.reply(t(saved === 'saved' ? 'share-submitted' : saved === 'not-member' ? 'share-not-member' : 'share-failed'), HTML);
      return;
    }
  };
}
