import { Composer } from 'grammy';
import type { Audio, Message, Voice } from 'grammy/types';
import type { AnswerPreview } from '../../answering/ask-question.ts';
import type { Recording, VoiceQuestion } from '../../answering/voice-question.ts';
import type { TranslationArgs } from '../../i18n.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { previewInChat } from '../answer-preview.ts';
import { whileTyping } from './typing.ts';
import { smallTalkReply } from '../render/small-talk.ts';

/** Telegram lets a bot download files up to 20 MB. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
/** A download of a recording this short takes well under this. */
const DOWNLOAD_TIMEOUT_MS = 20_000;
const DEFAULT_API_ROOT = 'https://api.telegram.org';

/** A recording a message carries: a voice note or an audio file. */
export interface CarriedRecording {
  media: Voice | Audio;
  kind: 'voice' | 'audio';
}

/** The voice note or audio file of `message`, if it is one. */
export function recordingOf(message: Pick<Message, 'voice' | 'audio'> | undefined): CarriedRecording | undefined {
  if (message?.voice) return { media: message.voice, kind: 'voice' };
  if (message?.audio) return { media: message.audio, kind: 'audio' };
  return undefined;
}

/** Where a spoken question was asked and how the bot speaks there. */
export interface SpokenQuestion {
  recorded: CarriedRecording;
  question: Omit<VoiceQuestion, 'durationSeconds' | 'recording'>;
  /** The bot's own words in this chat. */
  t: (key: string, args?: TranslationArgs) => string;
  /** Options of every reply: in a group, a reply to the asking message. */
  replyOptions: { reply_parameters?: { message_id: number; allow_sending_without_reply?: boolean } };
  preview?: AnswerPreview;
}

/**
 * Asks a recording as a question through the voice use case and says what came of it: what was
 * heard (then the answer comes through the outbox), or why it was not asked. Used for a voice
 * note in a private chat and for `/ask` replying to one in a group (see groups.ts).
 */
export async function askRecording(ctx: BotContext, deps: BotDeps, spoken: SpokenQuestion): Promise<void> {
  const { recorded, t, replyOptions } = spoken;
  const voicing = deps.app.askingByVoice;
  if (!voicing) return void (await ctx.reply(t('voice-typed-only'), replyOptions));
  const apiRoot = deps.telegramApiRoot ?? DEFAULT_API_ROOT;
  const outcome = await voicing.ask(
    { ...spoken.question, durationSeconds: recorded.media.duration, recording: () => download(ctx, apiRoot, recorded.media, recorded.kind) },
    {
      // What was heard replies to the question's message, so the answer below it is read with it.
      heard: async (transcript) => void (await ctx.reply(t('voice-heard', { transcript }), { ...replyOptions, ...replyTo(spoken.question.messageId) })),
      whileWorking: (work) => whileTyping(ctx, work),
      ...(spoken.preview ? { preview: spoken.preview } : {}),
    },
  );
  ctx.log.info({ handler: 'voice', outcome: outcome.kind, seconds: recorded.media.duration }, 'voice question handled');
  switch (outcome.kind) {
    case 'typed-only':
      return void (await ctx.reply(t('voice-typed-only'), replyOptions));
    case 'too-long':
      return void (await ctx.reply(t('voice-too-long', { seconds: outcome.seconds, max: outcome.maxSeconds }), replyOptions));
    case 'not-heard':
      return void (await ctx.reply(t('voice-not-heard'), replyOptions));
    case 'transcription-failed':
      ctx.log.warn({ reason: outcome.reason }, 'voice question not transcribed');
      return void (await ctx.reply(t('voice-failed'), replyOptions));
    case 'rate-limited':
      if (outcome.notify) await ctx.reply(t('bot-rate-limited', { seconds: outcome.retryAfterSeconds, limit: outcome.limit }), replyOptions);
      return;
    case 'heard': {
      const { asked } = outcome;
      if (asked.kind === 'too-long') await ctx.reply(t('bot-too-long', { max: asked.max, length: asked.length }), replyOptions);
      else if (asked.kind === 'rate-limited') {
        if (asked.notify) await ctx.reply(t('bot-rate-limited', { seconds: asked.retryAfterSeconds, limit: asked.limit }), replyOptions);
      } else if (asked.kind === 'small-talk') await ctx.reply(smallTalkReply(deps.app.translator, asked), replyOptions);
      else ctx.log.info({ question_id: asked.questionId, abstained: asked.answer.abstained }, 'voice question answered; the answer is queued for delivery');
    }
  }
}

/**
 * A voice note or audio file in a private chat is a spoken question: the voice use case
 * transcribes it (when a transcription model is configured), the member sees what was heard,
 * and it is answered as if typed (through the outbox, like any answer). In a group, a recording
 * is a question only when `/ask` replies to it (groups.ts); plain voice messages there are left alone.
 */
export function voiceFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType('private').on(['message:voice', 'message:audio'], async (ctx, next) => {
    const member = ctx.member;
    if (!member) return next();
    await askRecording(ctx, deps, {
      recorded: recordingOf(ctx.message)!,
      question: { member, chatId: ctx.chat.id, memberLanguage: ctx.locale, messageId: ctx.message.message_id },
      t: (key, args) => ctx.t(key, args),
      replyOptions: {},
      preview: previewInChat(ctx, ctx.message.message_id),
    });
  });
  return composer;
}

const replyTo = (messageId: number | undefined) =>
  messageId === undefined ? {} : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };

/** The recording's bytes through getFile and Telegram's file server. */
async function download(ctx: BotContext, apiRoot: string, media: Voice | Audio, kind: 'voice' | 'audio'): Promise<Recording> {
  if ((media.file_size ?? 0) > MAX_DOWNLOAD_BYTES) throw new Error(`the ${kind} file is ${media.file_size} bytes, over Telegram's download limit`);
  const file = await ctx.api.getFile(media.file_id);
  if (!file.file_path) throw new Error('getFile returned no file_path');
  const response = await fetch(`${apiRoot}/file/bot${ctx.api.token}/${file.file_path}`, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`downloading the ${kind} file failed with HTTP ${response.status}`);
  const data = new Uint8Array(await response.arrayBuffer());
  // Telegram's voice notes are Ogg/Opus saved as .oga, an extension transcription servers do not take.
  const extension = kind === 'voice' ? 'ogg' : (/\.(\w+)$/.exec((media as Audio).file_name ?? file.file_path)?.[1] ?? 'mp3');
  return { data, filename: `${kind}.${extension}`, mimeType: media.mime_type ?? (kind === 'voice' ? 'audio/ogg' : 'audio/mpeg') };
}
