import { Composer } from 'grammy';
import { PROFILE_START } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { languageKeyboard } from '../keyboards.ts';
import { escapeHtml } from '../render/html.ts';
import { sendStory } from './story.ts';
import { OPEN_QUESTION_LINK } from '../open-question-sender.ts';
import { enterAnswering } from './answer-open-question.ts';
import { replyGroupHelp } from './help.ts';

/** Deep link payload that opens one experience: t.me/<bot>?start=exp_<externalId>. */
const EXPERIENCE_LINK = /^exp_([A-Za-z0-9_-]{1,60})$/;

/** /start: greeting, how it works, language choice and the optional profile (in a group, what the bot does there); or a deep link. */
export function startFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('start', async (ctx) => {
    const answering = OPEN_QUESTION_LINK.exec(ctx.match.trim());
    if (answering && ctx.chat.type === 'private') return enterAnswering(ctx, Number(answering[1]));
    const link = EXPERIENCE_LINK.exec(ctx.match.trim());
    if (link) {
      const experience = await deps.app.experiences.getByExternalId(link[1]!);
      if (experience?.status === 'published') return void (await sendStory(ctx, deps, experience));
      await ctx.reply(ctx.t('bot-story-not-found'));
      return;
    }
    // The greeting's language buttons and profile are one member's, for a private chat.
    if (ctx.chat.type !== 'private') return replyGroupHelp(ctx, deps);
    const name = escapeHtml(ctx.from?.first_name ?? '');
    await ctx.reply(`${ctx.t('bot-start-greeting', { name })}\n\n${ctx.t('bot-start-howto')}`, { parse_mode: 'HTML' });
    const keyboard = languageKeyboard(ctx.t).row().text(ctx.t('bot-button-profile'), PROFILE_START.encode({}));
    await ctx.reply(ctx.t('bot-start-choose'), { reply_markup: keyboard });
  });
  return composer;
}
