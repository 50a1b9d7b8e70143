import { Composer, InlineKeyboard } from 'grammy';
import type { Chat, Message } from 'grammy/types';
import { questionLanguage } from '../../answering/ask-question.ts';
import type { GroupChat, GroupStanding } from '../../community/index.ts';
import type { TranslationArgs } from '../../i18n.ts';
import { LANGUAGES, type Language } from '../../text/language.ts';
import { onPress } from '../callback-data.ts';
import { GROUP_ANSWERING, GROUP_LANGUAGE } from '../callbacks.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { groupReplyWords } from '../chat-language.ts';
import { languageFromTelegram } from '../i18n.ts';
import { whileTyping } from './typing.ts';
import { smallTalkReply } from '../render/small-talk.ts';
import { askRecording, recordingOf, type CarriedRecording } from './voice.ts';

type GroupLike = Chat.GroupChat | Chat.SupergroupChat;

const isGroup = (chat: Chat): chat is GroupLike => chat.type === 'group' || chat.type === 'supergroup';
const groupChat = (chat: GroupLike): GroupChat => ({ chatId: chat.id, kind: chat.type, title: chat.title });
const present = (status: string) => ['member', 'administrator', 'creator', 'restricted'].includes(status);

/** Whether this user administers the chat right now, as Telegram says (never remembered). */
export async function isGroupAdmin(ctx: BotContext, chatId: number, userId: number): Promise<boolean> {
  const member = await ctx.api.getChatMember(chatId, userId);
  return member.status === 'administrator' || member.status === 'creator';
}

/**
 * The bot in members' group chats. It speaks only when addressed — `/ask <question>`, a
 * message that mentions it, a reply to one of its messages — so it works with BotFather's
 * privacy mode on; everything else is left to the group. Groups must be allowed (see
 * community/groups.ts); added to another one, it says how to enable it and leaves. A group's
 * own admins, checked with Telegram at the moment they act, run /settings.
 */
export function groupsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const { community, asking, translator } = deps.app;
  const { groups } = community;

  /** The bot's own words in a group: in the language its admins chose, else the sender's. */
  const say = (ctx: BotContext, standing: GroupStanding, key: string, args?: TranslationArgs) =>
    groupReplyWords(translator, standing.language, ctx.t)(key, args);

  composer.on('my_chat_member', async (ctx, next) => {
    const { chat, from, old_chat_member: was, new_chat_member: now } = ctx.myChatMember;
    if (!isGroup(chat) || !present(now.status) || present(was.status)) return next();
    const { allowed } = await groups.botAdded(groupChat(chat), from.is_bot ? undefined : from.id);
    ctx.log.info({ allowed }, allowed ? 'added to an allowed group' : 'added to a group that is not enabled; leaving');
    if (allowed) return;
    const language = (await groups.standing(chat.id)).language ?? languageFromTelegram(from.language_code);
    // Said before leaving; the leave is attempted whether or not Telegram took the message.
    await ctx
      .reply(translator.t(language, 'group-not-enabled', { chatId: String(chat.id) }))
      .catch((e: unknown) => ctx.log.warn({ err: e }, 'could not say why the bot leaves'));
    await ctx.leaveChat();
  });

  const inGroups = composer.chatType(['group', 'supergroup']);

  for (const [command, allow] of [
    ['allow', true],
    ['disallow', false],
  ] as const) {
    inGroups.command(command, async (ctx) => {
      const result = await groups.setAllowed(groupChat(ctx.chat), allow, ctx.from.id);
      const standing = await groups.standing(ctx.chat.id);
      if (result.kind === 'forbidden') {
        ctx.log.info({ command }, 'a group allow/disallow by someone who is not an admin of the bot was refused');
        await ctx.reply(say(ctx, standing, 'group-allow-refused'), { reply_parameters: { message_id: ctx.message.message_id } });
        return;
      }
      ctx.log.info({ command, allowed: result.allowed }, 'group enabled or disabled by an admin of the bot');
      await ctx.reply(say(ctx, standing, result.allowed ? 'group-allowed' : 'group-disallowed'));
    });
  }

  function settingsView(ctx: BotContext, standing: GroupStanding) {
    const t = (key: string, args?: TranslationArgs) => say(ctx, standing, key, args);
    // Unchosen, the staff chat's review cards are in English: its admins are told so.
    const auto = ctx.chat?.id === deps.app.config.staffChatId ? 'group-settings-language-auto-staff' : 'group-settings-language-auto';
    const text = t('group-settings-title', {
      language: standing.language ? t(`bot-language-name-${standing.language}`) : t(auto),
      answering: t(standing.answering ? 'group-settings-on' : 'group-settings-off'),
    });
    const keyboard = new InlineKeyboard();
    for (const language of LANGUAGES) keyboard.text(t(`bot-language-name-${language}`), GROUP_LANGUAGE.encode({ language }));
    keyboard.row().text(t(standing.answering ? 'group-settings-turn-off' : 'group-settings-turn-on'), GROUP_ANSWERING.encode({ on: !standing.answering }));
    return { text, keyboard };
  }

  inGroups.command('settings', async (ctx) => {
    const standing = await groups.standing(ctx.chat.id);
    if (!(await isGroupAdmin(ctx, ctx.chat.id, ctx.from.id))) {
      await ctx.reply(say(ctx, standing, 'group-settings-refused'), { reply_parameters: { message_id: ctx.message.message_id } });
      return;
    }
    const { text, keyboard } = settingsView(ctx, standing);
    await ctx.reply(text, { reply_markup: keyboard });
  });
  composer.chatType('private').command('settings', (ctx) => ctx.reply(ctx.t('group-settings-private-only')));

  async function changeSetting(ctx: BotContext, change: (chat: GroupChat) => Promise<GroupStanding>): Promise<void> {
    const chat = ctx.chat;
    if (!chat || !isGroup(chat) || !ctx.from) return void (await ctx.answerCallbackQuery({ text: ctx.t('bot-button-expired') }));
    if (!(await isGroupAdmin(ctx, chat.id, ctx.from.id))) {
      const standing = await groups.standing(chat.id);
      return void (await ctx.answerCallbackQuery({ text: say(ctx, standing, 'group-settings-refused'), show_alert: true }));
    }
    const standing = await change(groupChat(chat));
    ctx.log.info({ language: standing.language ?? null, answering: standing.answering }, "a group admin changed the group's settings");
    const { text, keyboard } = settingsView(ctx, standing);
    await ctx.editMessageText(text, { reply_markup: keyboard }).catch((e: unknown) => ctx.log.debug({ err: e }, 'settings message left as it was'));
    await ctx.answerCallbackQuery();
  }
  onPress(composer, GROUP_LANGUAGE, (ctx, { language }) => changeSetting(ctx, (chat) => groups.setLanguage(chat, language)));
  onPress(composer, GROUP_ANSWERING, (ctx, { on }) => changeSetting(ctx, (chat) => groups.setAnswering(chat, on)));

  inGroups.command('ask', (ctx) => {
    const question = ctx.match.trim();
    // `/ask` alone, replying to a voice note or audio file: the recording is the question.
    const recorded = question === '' ? recordingOf(ctx.message.reply_to_message) : undefined;
    return recorded ? answerRecording(ctx, recorded, ctx.message) : answer(ctx, question, ctx.message);
  });

  inGroups.on('message:text', async (ctx, next) => {
    const { message } = ctx;
    // A bot's username is letters, digits and underscores: nothing to escape.
    const mention = new RegExp(`@${ctx.me.username}(?![A-Za-z0-9_])`, 'gi');
    const mentioned = message.text.match(mention) !== null;
    const repliesToBot = message.reply_to_message?.from?.id === ctx.me.id;
    if (message.text.startsWith('/') || (!mentioned && !repliesToBot)) {
      ctx.log.debug('a group message not addressed to the bot');
      return next();
    }
    await answer(
      ctx,
      message.text
        .replace(mention, '')
        .replace(/[ \t]{2,}/g, ' ')
        .trim(),
      message,
    );
  });

  const replyTo = (message: Message) => ({ reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } });

  /**
   * Whether the group may put this question to the bot now; says once when the group's limit is
   * reached. An `/ask` (addressed to the bot by name) where it does not answer is told where it
   * does, rather than met with silence: a group whose admins switched answering off, the staff chat.
   */
  async function admitted(ctx: BotContext, standing: GroupStanding, message: Message): Promise<boolean> {
    const admitted = await groups.admit(message.chat.id);
    if (admitted.kind === 'ignored') {
      ctx.log.debug({ reason: admitted.reason }, 'a question in a group the bot does not answer in');
      const asked = (message.text ?? '').startsWith('/');
      const staffChat = message.chat.id === deps.app.config.staffChatId;
      if (asked && (admitted.reason === 'answering-off' || staffChat)) {
        const key = admitted.reason === 'answering-off' ? 'group-answering-off' : 'group-ask-staff-chat';
        await ctx.reply(say(ctx, standing, key, { bot: `@${ctx.me.username}` }), replyTo(message));
      }
      return false;
    }
    if (admitted.kind === 'rate-limited') {
      ctx.log.info({ hits: admitted.limit.hits, notified: admitted.notify }, 'group rate limited');
      if (admitted.notify) {
        await ctx.reply(
          say(ctx, standing, 'group-rate-limited', { seconds: admitted.limit.retryAfterSeconds, limit: deps.app.config.groupRateLimitPerMinute }),
          replyTo(message),
        );
      }
      return false;
    }
    return true;
  }

  /** `/ask` replying to a recording: transcribed and answered like a typed question, in its topic; the bot's own words in the group's language. */
  async function answerRecording(ctx: BotContext, recorded: CarriedRecording, message: Message): Promise<void> {
    const standing = await groups.standing(message.chat.id);
    if (!(await admitted(ctx, standing, message))) return;
    await askRecording(ctx, deps, {
      recorded,
      question: {
        member: ctx.member,
        chatId: message.chat.id,
        // As for a typed question in a group: answered in the language of what was said.
        memberLanguage: 'en',
        messageId: message.message_id,
        ...(message.is_topic_message && message.message_thread_id !== undefined ? { threadId: message.message_thread_id } : {}),
      },
      t: (key, args) => say(ctx, standing, key, args),
      replyOptions: replyTo(message),
    });
  }

  /** A question addressed to the bot in a group: answered as a reply, in its topic and its language, through the ask use case. */
  async function answer(ctx: BotContext, text: string, message: Message): Promise<void> {
    const replyHere = replyTo(message);
    const standing = await groups.standing(message.chat.id);
    // An empty /ask is no question: told how to ask, not counted against the group.
    if (text === '') {
      if (standing.allowed && standing.answering) await ctx.reply(say(ctx, standing, 'group-ask-empty'), replyHere);
      return;
    }
    if (!(await admitted(ctx, standing, message))) return;
    const chatId = message.chat.id;
    const replied = message.reply_to_message;
    const language: Language = questionLanguage(text, 'en');
    const outcome = await asking.ask(
      {
        member: ctx.member,
        chatId,
        text,
        memberLanguage: language,
        messageId: message.message_id,
        ...(message.is_topic_message && message.message_thread_id !== undefined ? { threadId: message.message_thread_id } : {}),
        ...(replied && replied.from?.id === ctx.me.id ? { repliesTo: { messageId: replied.message_id } } : {}),
      },
      { whileAnswering: (work) => whileTyping(ctx, work), ...(ctx.handledUpdate ? { handledUpdate: ctx.handledUpdate } : {}) },
    );
    if (outcome.kind === 'too-long')
      return void (await ctx.reply(translator.t(language, 'bot-too-long', { max: outcome.max, length: outcome.length }), replyHere));
    if (outcome.kind === 'rate-limited') {
      ctx.log.info({ hits: outcome.hits, notified: outcome.notify }, 'member rate limited in a group');
      if (outcome.notify) await ctx.reply(translator.t(language, 'bot-rate-limited', { seconds: outcome.retryAfterSeconds, limit: outcome.limit }), replyHere);
      return;
    }
    if (outcome.kind === 'small-talk') return void (await ctx.reply(smallTalkReply(translator, outcome), replyHere));
    ctx.log.info(
      { handler: 'group-ask', question_id: outcome.questionId, abstained: outcome.answer.abstained, latency_ms: Math.round(outcome.latencyMs) },
      'group question answered; the answer is queued for delivery',
    );
  }

  return composer;
}
