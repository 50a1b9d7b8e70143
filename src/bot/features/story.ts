import { Composer } from 'grammy';
import type { Experience } from '../../knowledge/experiences/experience.ts';
import { onPress } from '../callback-data.ts';
import { STORY } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { splitMessage } from '../render/html.ts';
import { renderStory } from '../render/story.ts';

/** Sends an experience's full story, split if Telegram's length limit requires. */
export async function sendStory(ctx: BotContext, deps: BotDeps, experience: Experience): Promise<void> {
  const html = renderStory(experience, ctx.locale, ctx.t, deps.app.translator);
  for (const part of splitMessage(html)) await ctx.reply(part, { parse_mode: 'HTML' });
}

/** The "full story" buttons under an answer. */
export function storyFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onPress(composer, STORY, async (ctx, { experienceId }) => {
    const experience = await deps.app.experiences.getById(experienceId);
    await ctx.answerCallbackQuery();
    // Unpublished since the answer was given: the story is no longer shared.
    if (experience?.status !== 'published') {
      await ctx.reply(ctx.t('bot-story-not-found'));
      return;
    }
    await sendStory(ctx, deps, experience);
  });
  return composer;
}
