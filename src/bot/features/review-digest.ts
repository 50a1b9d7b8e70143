import { Composer } from 'grammy';
import { displayText } from '../../answering/display.ts';
import type { ReverifyResult } from '../../community/index.ts';
import { onPress } from '../callback-data.ts';
import { DIGEST_ARCHIVE, DIGEST_PAGE, DIGEST_STILL_TRUE } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { postingLanguage } from '../chat-language.ts';
import { DIGEST_PAGE_SIZE, renderDigest } from '../render/digest.ts';
import { editUnlessUnchanged } from '../telegram-failure.ts';

/**
 * The buttons of the re-verification digest (sent by src/bot/digest-sender.ts): ◀ ▶ pages,
 * ✅ Still true and 🗄 Archive (✏️ Edit is the review cards' edit, src/bot/features/review.ts). Each press is checked against the presser's role in
 * the database now; someone who is not staff is refused, logged, and nothing changes. After a
 * decision the digest is shown again in place, as it now is, in the staff chat's language.
 */
export function reviewDigestFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { community, config, translator, db } = deps.app;
  const { reverification } = community;

  async function refuse(ctx: BotContext, button: string): Promise<void> {
    ctx.log.warn({ button }, 'a press on a digest button by someone who is not staff was refused');
    await ctx.answerCallbackQuery({ text: ctx.t('bot-digest-refused') });
  }

  /** Shows `page` (1-based) of the digest in the message pressed. */
  async function showPage(ctx: BotContext, page: number): Promise<void> {
    const digest = await reverification.digestPage({ page: page - 1, pageSize: DIGEST_PAGE_SIZE, reviewAfterMonths: config.reviewAfterMonths });
    const { language, unchosen } = await postingLanguage(db, ctx.chatId ?? ctx.from!.id);
    const { html, keyboard } = renderDigest(digest, language, translator, config.reviewAfterMonths, { languageHint: unchosen });
    // Two presses showing the same page: Telegram refuses an edit that changes nothing.
    await editUnlessUnchanged(() => ctx.editMessageText(html, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } }));
  }

  async function decided(ctx: BotContext, result: ReverifyResult, doneKey: string, page: number, button: string): Promise<void> {
    if (result.kind === 'forbidden') return refuse(ctx, button);
    if (result.kind === 'not-published') await ctx.answerCallbackQuery({ text: ctx.t('bot-digest-gone') });
    else await ctx.answerCallbackQuery({ text: ctx.t(doneKey, { title: displayText(result.experience, ctx.locale).text.title }) });
    await showPage(ctx, page);
  }

  onPress(composer, DIGEST_PAGE, async (ctx, { page }) => {
    if (!ctx.member || !(await reverification.isStaff(ctx.member.id))) return refuse(ctx, DIGEST_PAGE.tag);
    await ctx.answerCallbackQuery();
    await showPage(ctx, page);
  });

  onPress(composer, DIGEST_STILL_TRUE, async (ctx, { experienceId, page }) => {
    if (!ctx.member) return refuse(ctx, DIGEST_STILL_TRUE.tag);
    await decided(ctx, await reverification.confirmStillTrue(ctx.member.id, experienceId), 'bot-digest-confirmed', page, DIGEST_STILL_TRUE.tag);
  });

  onPress(composer, DIGEST_ARCHIVE, async (ctx, { experienceId, page }) => {
    if (!ctx.member) return refuse(ctx, DIGEST_ARCHIVE.tag);
    await decided(ctx, await reverification.archive(ctx.member.id, experienceId), 'bot-digest-archived', page, DIGEST_ARCHIVE.tag);
  });

  // The curators' edit flow takes over here once it exists; meanwhile, how to edit.

  return composer;
}
