import { createConversation } from '@grammyjs/conversations';
import { Composer, InlineKeyboard, type Context } from 'grammy';
import { LANGUAGES } from '../../text/language.ts';
import { onPress } from '../callback-data.ts';
import { REVIEW, REVIEW_EDIT, REVIEW_MERGE, REVIEW_REASON } from '../callbacks.ts';
import { postingLanguage } from '../chat-language.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { clip, escapeHtml } from '../render/html.ts';
import { itemNumber } from '../../answering/display.ts';
import { REJECT_REASONS } from '../../community/curation-decision.ts';
import { alreadyDecided, postCard, takeDecision } from './review/cards.ts';
import { createEditConversation, REVIEW_EDIT_CONVERSATION, type EditArgs } from './review/edit.ts';
import { createReasonConversation, REVIEW_REASON_CONVERSATION, type ReasonArgs } from './review/reason.ts';

const HTML = { parse_mode: 'HTML' } as const;
const TITLE_CLIP = 80;
// A curator who walks away mid-edit gets the bot back after this long.
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;
const CONVERSATIONS = [REVIEW_REASON_CONVERSATION, REVIEW_EDIT_CONVERSATION];

/**
 * Review of contributions by center staff: /review (the next pending contribution without a card
 * in this chat), /review missing, and the card's buttons ✅ ✏️ 🔀 ❌ with their follow-ups. Works
 * in the staff chat and in a staff member's private chat. Every press is decided by the use
 * case, which reads the presser's role from the database then; refusals are logged.
 */
export function reviewFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { curation } = deps.app.community;
  const staffChatId = deps.app.config.staffChatId;
  const inReviewChat = (ctx: BotContext) => ctx.chat?.type === 'private' || (staffChatId !== undefined && ctx.chat?.id === staffChatId);
  const io = (ctx: BotContext) => ({ api: ctx.api, log: ctx.log, botUsername: ctx.me.username, t: ctx.t.bind(ctx) });

  composer.command('cancel', async (ctx, next) => {
    const active = CONVERSATIONS.filter((id) => ctx.conversation.active(id) > 0);
    if (active.length === 0) return next();
    for (const id of active) await ctx.conversation.exit(id);
    await ctx.reply(ctx.t('curation-cancelled'));
  });
  composer.use(createConversation<BotContext, Context>(createReasonConversation(deps), { id: REVIEW_REASON_CONVERSATION, maxMillisecondsToWait: MAX_WAIT_MS }));
  composer.use(createConversation<BotContext, Context>(createEditConversation(deps), { id: REVIEW_EDIT_CONVERSATION, maxMillisecondsToWait: MAX_WAIT_MS }));

  const refuse = async (ctx: BotContext, why: string) => {
    ctx.log.warn({ why }, 'a staff action by someone not staff now was refused');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('curation-not-staff') });
    else await ctx.reply(ctx.t('curation-not-staff'));
  };

  composer.command('review', async (ctx) => {
    if (!inReviewChat(ctx)) {
      await ctx.reply(ctx.t('curation-private-or-staff-chat'));
      return;
    }
    if (ctx.match.trim() === 'missing') {
      const missing = await curation.missingLanguages(ctx.from!.id);
      if (missing.kind === 'forbidden') return refuse(ctx, '/review missing');
      if (missing.items.length === 0) {
        await ctx.reply(ctx.t('curation-missing-none'));
        return;
      }
      const lines = missing.items.map((item) =>
        ctx.t('curation-missing-line', {
          title: escapeHtml(clip(item.title, TITLE_CLIP)),
          externalId: escapeHtml(item.externalId),
          languages: item.missing.map((l) => ctx.t(`bot-language-name-${l}`)).join(', '),
        }),
      );
      // Adding a missing version is an edit: one button per experience listed.
      const keyboard = new InlineKeyboard();
      missing.items.forEach((item, i) => {
        keyboard.text(ctx.t('curation-missing-edit', { index: i + 1 }), REVIEW.encode({ action: 'edit', experienceId: item.experienceId }));
        if (i % 4 === 3) keyboard.row();
      });
      await ctx.reply(
        [ctx.t('curation-missing-header', { total: missing.total }), ...lines.map((line, i) => `${itemNumber(ctx.locale, i + 1)} ${line}`)].join('\n'),
        {
          ...HTML,
          reply_markup: keyboard,
        },
      );
      return;
    }
    const next = await curation.nextForReview(ctx.from!.id, ctx.chat.id);
    if (next.kind === 'forbidden') return refuse(ctx, '/review');
    if (next.kind === 'none') {
      if (next.waiting === 0) return void (await ctx.reply(ctx.t('curation-review-none')));
      // Their cards are further up: the reply quotes the oldest, which Telegram scrolls to when tapped.
      const quote = next.oldestCard !== undefined ? { reply_parameters: { message_id: next.oldestCard, allow_sending_without_reply: true } } : {};
      await ctx.reply(ctx.t('curation-review-none-new', { count: next.waiting }), quote);
      return;
    }
    if (ctx.chat.type === 'private') return void (await postCard(deps, ctx.api, ctx.chat.id, ctx.locale, next.card));
    const { language, unchosen } = await postingLanguage(deps.app.db, ctx.chat.id);
    await postCard(deps, ctx.api, ctx.chat.id, language, next.card, unchosen);
  });

  onPress(composer, REVIEW, async (ctx, { action, experienceId }) => {
    if (action === 'approve') {
      const { say } = await takeDecision(deps, io(ctx), ctx.from.id, experienceId, { kind: 'approve' });
      await ctx.answerCallbackQuery({ text: say });
      return;
    }
    const found = await curation.card(ctx.from.id, experienceId);
    if (found.kind === 'forbidden') return refuse(ctx, action);
    if (found.kind === 'not-found') {
      await ctx.answerCallbackQuery({ text: ctx.t('curation-not-found') });
      return;
    }
    const { card } = found;
    // A published experience may still be edited (a missing language added); decisions need a pending one.
    const editable = action === 'edit' && card.experience.status === 'published';
    if (card.experience.status !== 'pending' && !editable) {
      ctx.log.info({ experienceId, action }, 'a press on the card of a contribution already decided was refused');
      await ctx.answerCallbackQuery({ text: alreadyDecided({ status: card.experience.status, ...(card.decided ? { decision: card.decided } : {}) }, ctx.t) });
      return;
    }
    const title = escapeHtml(clip(card.experience.texts[card.experience.language]?.title ?? '', TITLE_CLIP));
    if (action === 'reject') {
      await ctx.answerCallbackQuery();
      const keyboard = new InlineKeyboard();
      for (const reason of REJECT_REASONS) keyboard.text(ctx.t(`curation-reason-${reason}`), REVIEW_REASON.encode({ experienceId, reason })).row();
      await ctx.reply(ctx.t('curation-reject-ask', { title }), { ...HTML, reply_markup: keyboard });
      return;
    }
    if (action === 'merge') {
      await ctx.answerCallbackQuery();
      if (card.similar.length === 0) {
        await ctx.reply(ctx.t('curation-merge-none'));
        return;
      }
      const language = ctx.t(`bot-language-name-${card.experience.language}`);
      const keyboard = new InlineKeyboard();
      card.similar.forEach((s, i) => {
        keyboard.text(
          ctx.t('curation-merge-version', { index: i + 1, language }),
          REVIEW_MERGE.encode({ experienceId, targetId: s.experienceId, mode: 'version' }),
        );
        keyboard.text(ctx.t('curation-merge-append', { index: i + 1 }), REVIEW_MERGE.encode({ experienceId, targetId: s.experienceId, mode: 'append' })).row();
      });
      await ctx.reply(ctx.t('curation-merge-ask', { title }), { ...HTML, reply_markup: keyboard });
      return;
    }
    // Edit continues in the curator's private chat, whichever chat the card is in.
    const keyboard = new InlineKeyboard();
    for (const language of LANGUAGES) {
      const name = ctx.t(`bot-language-name-${language}`);
      keyboard
        .text(
          card.experience.texts[language] ? name : ctx.t('curation-edit-language-missing', { language: name }),
          REVIEW_EDIT.encode({ experienceId, language }),
        )
        .row();
    }
    try {
      await ctx.api.sendMessage(ctx.from.id, ctx.t('curation-edit-choose-language', { title }), { ...HTML, reply_markup: keyboard });
    } catch (error) {
      ctx.log.warn({ err: error }, 'could not write to a curator in private to edit');
      await ctx.answerCallbackQuery({ text: ctx.t('curation-edit-start-private') });
      return;
    }
    await ctx.answerCallbackQuery(ctx.chat?.type === 'private' ? {} : { text: ctx.t('curation-edit-in-private') });
  });

  // Review is installed before the answering of a community question and the introductions, whose
  // conversations take their chat's presses: entering ours over one of theirs would fail.
  const elsewhereBusy = (ctx: BotContext) => Object.keys(ctx.conversation.active()).some((id) => !CONVERSATIONS.includes(id));

  onPress(composer, REVIEW_REASON, async (ctx, { experienceId, reason }, next) => {
    if (reason === 'other' && elsewhereBusy(ctx)) return next();
    if (reason !== 'other') {
      const { result, say } = await takeDecision(deps, io(ctx), ctx.from.id, experienceId, { kind: 'reject', reason });
      await ctx.answerCallbackQuery({ text: say });
      // The reasons are spent once it is decided; the card itself shows the outcome.
      if (result.kind === 'done') await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } });
      return;
    }
    const found = await curation.card(ctx.from.id, experienceId);
    if (found.kind === 'forbidden') return refuse(ctx, 'reject reason');
    await ctx.answerCallbackQuery();
    const args: ReasonArgs = { locale: ctx.locale, experienceId };
    await ctx.conversation.enter(REVIEW_REASON_CONVERSATION, args);
  });

  onPress(composer, REVIEW_MERGE, async (ctx, { experienceId, targetId, mode }) => {
    const { say } = await takeDecision(deps, io(ctx), ctx.from.id, experienceId, { kind: 'merge', targetId, mode });
    await ctx.answerCallbackQuery({ text: say });
  });

  onPress(composer, REVIEW_EDIT, async (ctx, { experienceId, language }, next) => {
    if (ctx.chat?.type !== 'private') {
      await ctx.answerCallbackQuery();
      return;
    }
    // That conversation says what it waits for (and that /cancel leaves it).
    if (elsewhereBusy(ctx)) return next();
    const found = await curation.card(ctx.from.id, experienceId);
    if (found.kind === 'forbidden') return refuse(ctx, 'edit');
    await ctx.answerCallbackQuery();
    for (const id of CONVERSATIONS) if (ctx.conversation.active(id) > 0) await ctx.conversation.exit(id);
    const args: EditArgs = { locale: ctx.locale, experienceId, language };
    await ctx.conversation.enter(REVIEW_EDIT_CONVERSATION, args);
  });
  return composer;
}
