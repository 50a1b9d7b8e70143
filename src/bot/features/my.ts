import { createConversation, type Conversation } from '@grammyjs/conversations';
import { Composer, InlineKeyboard, type Context } from 'grammy';
import type { Language } from '../../text/language.ts';
import type { Contribution, ContributionEdit, RejectionReason } from '../../community/my-contributions.ts';
import type { Member } from '../../community/members.ts';
import { displayText, itemNumber } from '../../answering/display.ts';
import { onPress } from '../callback-data.ts';
import { MY_EDIT, MY_EDIT_BUTTONS, MY_EDIT_FIELD, MY_EDIT_LANGUAGE, MY_OPEN, MY_RESUBMIT, MY_WITHDRAW } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { clip, escapeHtml, splitMessage } from '../render/html.ts';
import { renderStory } from '../render/story.ts';
import { FIELDS } from './share/fields.ts';
import { fieldSteps, HTML, type Translate } from './share/steps.ts';
import { replyScript, wordsFor } from '../i18n.ts';
import { inScript } from '../../text/chinese-convert.ts';

// Telegram refuses messages over 4,096 characters; titles are ≤ 200, so this many always fit.
const MAX_LISTED = 15;
// A button shows this much of a title; the list above it has the whole title.
const BUTTON_TITLE = 28;
export const MY_EDIT_CONVERSATION = 'contribution-edit';
// A member who walks away mid-edit gets the bot back for questions after this long.
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

/** Persisted with the conversation's replay state, so plain JSON. */
interface EditArgs {
  locale: Language;
  script?: 'traditional';
  experienceId: number;
}

const actorOf = (member: Member) => ({ memberId: member.id, role: member.role });
/** A rejection's reason in the member's language: a reason chosen on the review card by its label, typed words as typed. */
const reasonText = (t: Translate, reason: RejectionReason) => ('key' in reason ? t(`curation-reason-${reason.key}`) : reason.text);

/**
 * A contribution as its owner sees it: where it stands, then the story exactly as readers get it
 * (in the characters the owner writes Chinese in, `script`, as a story opened from an answer is), with what may be done now.
 */
async function showContribution(
  ctx: Context,
  deps: BotDeps,
  reader: { locale: Language; script: 'traditional' | undefined },
  t: Translate,
  { experience, reason }: Contribution,
): Promise<void> {
  const { locale } = reader;
  const status = t(`my-status-${experience.status}`);
  const standing = experience.status === 'rejected' && reason ? t('my-rejected-reason', { status, reason: escapeHtml(reasonText(t, reason)) }) : status;
  const keyboard = new InlineKeyboard();
  if (experience.status === 'pending') {
    keyboard
      .text(t('my-button-edit'), MY_EDIT.encode({ experienceId: experience.id }))
      .text(t('my-button-withdraw'), MY_WITHDRAW.encode({ experienceId: experience.id }));
  } else if (experience.status === 'draft') {
    keyboard.text(t('my-button-resubmit'), MY_RESUBMIT.encode({ experienceId: experience.id }));
  }
  const story = inScript(reader.script, renderStory(experience, locale, t, deps.app.translator));
  const parts = splitMessage(`${standing}\n\n${story}`);
  for (const [i, part] of parts.entries()) {
    await ctx.reply(part, { ...HTML, ...(i === parts.length - 1 && keyboard.inline_keyboard.length > 0 ? { reply_markup: keyboard } : {}) });
  }
}

/**
 * Editing a contribution under review, one field of one language version at a time, with the
 * same questions and rules as /share. The owner and the status are checked again when saving:
 * staff may have decided meanwhile.
 */
function editConversation(deps: BotDeps) {
  const { myContributions } = deps.app.community;
  return async function edit(conversation: Conversation<BotContext, Context>, ctx: Context, args: EditArgs): Promise<void> {
    const t: Translate = wordsFor(deps.app.translator, args.locale, args.script);
    const steps = fieldSteps(conversation, t, MY_EDIT_BUTTONS, 'my-edit-busy');
    const found = await conversation.external(async (outer: BotContext) => {
      const c = outer.member ? await myContributions.get(outer.member.id, args.experienceId) : undefined;
      return c ? { status: c.experience.status, languages: Object.keys(c.experience.texts) as Language[], original: c.experience.language } : undefined;
    });
    if (found?.status !== 'pending') return void (await ctx.reply(t('my-not-editable')));

    let language = found.original;
    if (found.languages.length > 1) {
      const keyboard = new InlineKeyboard();
      for (const l of found.languages) keyboard.text(t(`bot-language-name-${l}`), MY_EDIT_LANGUAGE.encode({ language: l }));
      await ctx.reply(t('my-edit-which-language'), { reply_markup: keyboard });
      const { value, c } = await steps.choose(MY_EDIT_LANGUAGE);
      await c.answerCallbackQuery();
      language = value.language;
    }

    const keyboard = new InlineKeyboard();
    FIELDS.forEach((field, i) => {
      keyboard.text(t(`share-field-${field}`), MY_EDIT_FIELD.encode({ field }));
      if (i % 2 === 1) keyboard.row();
    });
    keyboard.row().text(t('my-button-done'), MY_EDIT_FIELD.encode({ field: 'done' }));
    await ctx.reply(t('my-edit-which'), { reply_markup: keyboard });
    const { value, c } = await steps.choose(MY_EDIT_FIELD);
    await c.answerCallbackQuery();
    const field = value.field;
    if (field === 'done') return void (await ctx.reply(t('my-edit-unchanged')));

    const change: ContributionEdit =
      field === 'industry'
        ? { field, value: await steps.askIndustry(ctx) }
        : field === 'tags'
          ? { field, value: await steps.askTags(ctx) }
          : { field, language, value: await steps.askText(ctx, field) };
    const outcome = await conversation.external(async (outer: BotContext) => {
      if (!outer.member) return { ok: false as const, reason: 'gone' as const };
      try {
        return await myContributions.edit(actorOf(outer.member), args.experienceId, change);
      } catch (e) {
        outer.log.error({ err: e }, 'editing a contribution failed');
        return { ok: false as const, reason: 'failed' as const };
      }
    });
    if (!outcome.ok) return void (await ctx.reply(t(outcome.reason === 'not-now' ? 'my-not-editable' : 'my-edit-failed')));
    await ctx.reply(t('my-edit-saved'));
    await showContribution(ctx, deps, { locale: args.locale, script: args.script }, t, { experience: outcome.experience });
  };
}

/** /my: the member's own contributions, newest first, each with its status; each opens, and while under review can be edited or withdrawn. */
export function myFeature(deps: BotDeps): Composer<BotContext> {
  const { myContributions } = deps.app.community;
  const composer = new Composer<BotContext>();

  // Before the conversation itself, so /cancel reaches us rather than the step waiting for text.
  composer.command('cancel', async (ctx, next) => {
    if (ctx.conversation.active(MY_EDIT_CONVERSATION) === 0) return next();
    await ctx.conversation.exit(MY_EDIT_CONVERSATION);
    await ctx.reply(ctx.t('my-edit-cancelled'));
  });
  // Erasing one's data never waits for an edit to be finished.
  composer.command('forget', async (ctx, next) => {
    if (ctx.conversation.active(MY_EDIT_CONVERSATION) > 0) await ctx.conversation.exit(MY_EDIT_CONVERSATION);
    await next();
  });
  composer.use(createConversation<BotContext, Context>(editConversation(deps), { id: MY_EDIT_CONVERSATION, maxMillisecondsToWait: MAX_WAIT_MS }));

  composer.command('my', async (ctx) => {
    // One's contributions and the reasons given for rejecting them are not for a group to read.
    if (ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('my-private-only')));
    const member = ctx.member;
    if (!member) {
      await ctx.reply(ctx.t('my-not-member'));
      return;
    }
    const mine = await myContributions.list(member.id);
    if (mine.length === 0) {
      await ctx.reply(ctx.t('my-empty'));
      return;
    }
    const listed = mine.slice(0, MAX_LISTED);
    const titleOf = (c: Contribution) => displayText(c.experience, ctx.locale).text.title;
    const lines = listed.map((c, i) => {
      const item = { index: i + 1, title: escapeHtml(clip(titleOf(c), 200)), status: ctx.t(`my-status-${c.experience.status}`) };
      return c.reason ? ctx.t('my-item-with-reason', { ...item, reason: escapeHtml(clip(reasonText(ctx.t, c.reason), 200)) }) : ctx.t('my-item', item);
    });
    const keyboard = new InlineKeyboard();
    // Numbered as in the list above (Persian digits in Persian).
    listed.forEach((c, i) =>
      keyboard.text(`${itemNumber(ctx.locale, i + 1)} ${clip(titleOf(c), BUTTON_TITLE)}`, MY_OPEN.encode({ experienceId: c.experience.id })).row(),
    );
    await ctx.reply([ctx.t('my-header', { count: mine.length }), ...lines].join('\n\n'), { ...HTML, reply_markup: keyboard });
  });

  onPress(composer, MY_OPEN, async (ctx, { experienceId }) => {
    await ctx.answerCallbackQuery();
    const found = ctx.member ? await myContributions.get(ctx.member.id, experienceId) : undefined;
    if (!found) return void (await ctx.reply(ctx.t('my-gone')));
    await showContribution(ctx, deps, { locale: ctx.locale, script: replyScript(ctx).script }, ctx.t, found);
  });

  const move =
    (kind: 'withdraw' | 'resubmit') =>
    async (ctx: BotContext, { experienceId }: { experienceId: number }) => {
      await ctx.answerCallbackQuery();
      if (!ctx.member) return void (await ctx.reply(ctx.t('my-gone')));
      const outcome = await myContributions[kind](actorOf(ctx.member), experienceId);
      if (!outcome.ok) {
        ctx.log.info({ kind, reason: outcome.reason }, 'a contribution was not moved');
        return void (await ctx.reply(ctx.t(outcome.reason === 'not-now' ? 'my-not-editable' : 'my-gone')));
      }
      await ctx.reply(ctx.t(kind === 'withdraw' ? 'my-withdrawn' : 'my-resubmitted'));
    };
  onPress(composer, MY_WITHDRAW, move('withdraw'));
  onPress(composer, MY_RESUBMIT, move('resubmit'));

  onPress(composer, MY_EDIT, async (ctx, { experienceId }, next) => {
    // In the middle of another conversation: let that one say it is busy.
    if (Object.keys(ctx.conversation.active()).length > 0) return next();
    await ctx.answerCallbackQuery();
    if (ctx.chat?.type !== 'private' || !ctx.member) return;
    const args: EditArgs = { locale: ctx.locale, experienceId, ...replyScript(ctx) };
    await ctx.conversation.enter(MY_EDIT_CONVERSATION, args);
  });
  return composer;
}
