import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import type { TranslationArgs } from '../../i18n.ts';
import { onPress } from '../callback-data.ts';
import { SAVED_MESSAGE_CHOICE } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { groupReplyWords } from '../chat-language.ts';
import { languageFromTelegram } from '../i18n.ts';
import { isGroupAdmin } from './groups.ts';

/** A message's words: its text, or a photo's or document's caption. */
const wordsOf = (m: { text?: string; caption?: string }): string | undefined => m.text ?? m.caption;

/**
 * The message a saved message replied to, when Telegram includes it. The Bot API documents that
 * a reply_to_message carries no reply of its own, so normally there is none and the saver's
 * words after /save are the problem; a Bot API server that does nest replies is used as given.
 */
const repliedProblem = (saved: object): string | undefined => {
  const nested = (saved as { reply_to_message?: { text?: string; caption?: string } }).reply_to_message;
  return nested ? wordsOf(nested) : undefined;
};

/**
 * /save in a group, as a reply to a valuable message, by the center's curators or the group's own
 * admins (asked of Telegram at that moment): the message goes to review as a contribution once
 * its author, asked in a private chat, agrees (community/saved-messages.ts). The saver is
 * answered as a reply, in the group's language and topic. The author's buttons are here too.
 */
export function saveFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { community, translator } = deps.app;

  composer.chatType(['group', 'supergroup']).command('save', async (ctx) => {
    const { chat, message, from } = ctx;
    const standing = await community.groups.standing(chat.id);
    if (!standing.allowed) return void ctx.log.debug('a /save in a group the bot does not serve');
    const say = (key: string, args?: TranslationArgs) =>
      ctx.reply(groupReplyWords(translator, standing.language, ctx.t)(key, args), {
        reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
      });
    // In a forum topic a message that replies to nothing replies to the topic's first message.
    const saved: Message | undefined = message.reply_to_message?.forum_topic_created ? undefined : message.reply_to_message;
    if (!saved) return void (await say('save-usage'));
    const answer = wordsOf(saved);
    if (!saved.from || saved.from.is_bot || answer === undefined) return void (await say('save-not-saveable'));
    const typed = ctx.match.trim();
    const problem = repliedProblem(saved) ?? (typed === '' ? undefined : typed);
    const result = await community.savedMessages.save({
      chatId: chat.id,
      messageId: saved.message_id,
      chatTitle: chat.title,
      saverTelegramId: from.id,
      isGroupAdmin: () => isGroupAdmin(ctx, chat.id, from.id),
      authorTelegramId: saved.from.id,
      answer,
      ...(problem !== undefined ? { problem } : {}),
      fallbackLanguage: standing.language ?? languageFromTelegram(saved.from.language_code),
    });
    ctx.log.info({ result: result.kind, ...(result.kind === 'saved' ? { author: result.author } : {}) }, 'a /save in a group');
    if (result.kind === 'forbidden') return void (await say('save-refused'));
    if (result.kind === 'already-saved') return void (await say('save-already'));
    if (result.kind === 'not-kept') {
      const { key, length, min, max } = result.problem;
      return void (await say(key === 'share-too-short' ? 'save-too-short' : 'save-too-long', { length, min, max }));
    }
    await say(result.author === 'asked' ? 'save-done-asked' : 'save-done-anonymous');
  });

  onPress(composer, SAVED_MESSAGE_CHOICE, async (ctx, { saveId, choice }) => {
    const result = await community.savedMessages.decide({ saveId, authorTelegramId: ctx.from.id, choice });
    if (result.kind === 'not-yours') {
      ctx.log.warn({ button: SAVED_MESSAGE_CHOICE.tag }, 'a press on the question about a saved message by someone not its author was refused');
      return void (await ctx.answerCallbackQuery({ text: ctx.t('bot-button-not-yours') }));
    }
    if (result.kind === 'already-decided') return void (await ctx.answerCallbackQuery({ text: ctx.t('save-consent-already') }));
    ctx.log.info({ choice }, "a saved message's author decided");
    await ctx.answerCallbackQuery();
    await ctx
      .editMessageText(ctx.t(`save-consent-${choice}`))
      .catch((e: unknown) => ctx.log.debug({ err: e }, 'the question about a saved message was left as it was'));
  });

  return composer;
}
