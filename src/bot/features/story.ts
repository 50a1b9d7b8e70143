import { Composer, InlineKeyboard } from 'grammy';
import type { Experience } from '../../knowledge/experiences/experience.ts';
import { onPress } from '../callback-data.ts';
import { INTRO_ASK, STORY, STORY_FOR } from '../callbacks.ts';
import { inScript } from '../../text/chinese-convert.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { splitMessage } from '../render/html.ts';
import { renderStory } from '../render/story.ts';

/**
 * Sends an experience's full story, split if Telegram's length limit requires. In a private
 * chat, "connect me with this company" goes under it when its contributor takes introductions
 * (never for the contributor themself); in a group nobody is offered one in front of others.
 */
export async function sendStory(ctx: BotContext, deps: BotDeps, experience: Experience, script?: 'traditional'): Promise<number[]> {
  const html = inScript(script, renderStory(experience, ctx.locale, ctx.t, deps.app.translator));
  const parts = splitMessage(html);
  const offered = ctx.chat?.type === 'private' && ctx.member !== undefined && (await deps.app.community.introductions.offered(ctx.member.id, experience.id));
  const keyboard = offered
    ? { reply_markup: new InlineKeyboard().text(inScript(script, ctx.t('intro-button')), INTRO_ASK.encode({ experienceId: experience.id })) }
    : {};
  const sent: number[] = [];
  for (const [i, part] of parts.entries()) sent.push((await ctx.reply(part, { parse_mode: 'HTML', ...(i === parts.length - 1 ? keyboard : {}) })).message_id);
  return sent;
}

/** The "full story" buttons under an answer. */
export function storyFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const open = async (ctx: BotContext, experienceId: number, script?: 'traditional') => {
    const experience = await deps.app.experiences.getById(experienceId);
    await ctx.answerCallbackQuery();
    // Unpublished since the answer was given: the story is no longer shared.
    if (experience?.status !== 'published') {
      await ctx.reply(inScript(script, ctx.t('bot-story-not-found')));
      return;
    }
    const sent = await sendStory(ctx, deps, experience, script);
    // A reply to the story ("how long did that take?") follows up the question it was opened from, as a reply to the answer does.
    const answer = ctx.callbackQuery?.message;
    if (answer && ctx.chat) await deps.app.community.questions.linkAlongside(ctx.chat.id, answer.message_id, sent);
  };
  onPress(composer, STORY, (ctx, { experienceId }) => open(ctx, experienceId));
  onPress(composer, STORY_FOR, (ctx, { experienceId, reader }) => {
    // For this message only: the member's own language setting is not changed by a press.
    ctx.locale = reader === 'zh-hant' ? 'zh' : reader;
    return open(ctx, experienceId, reader === 'zh-hant' ? 'traditional' : undefined);
  });
  return composer;
}
