import { Composer } from 'grammy';
import type { Audio, Voice } from 'grammy/types';
import type { Recording } from '../../answering/voice-question.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { previewInChat } from '../answer-preview.ts';
import { whileTyping } from './typing.ts';

/** Telegram lets a bot download files up to 20 MB. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
/** A download of a recording this short takes well under this. */
const DOWNLOAD_TIMEOUT_MS = 20_000;
const DEFAULT_API_ROOT = 'https://api.telegram.org';

/**
 * A voice note or audio file in a private chat is a spoken question: the voice use case
 * transcribes it (when a transcription model is configured), the member sees what was heard,
 * and it is answered as if typed (through the outbox, like any answer). Replying `/ask` to a
 * recording in a group is for when the bot answers in groups.
 */
export function voiceFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const apiRoot = deps.telegramApiRoot ?? DEFAULT_API_ROOT;

  composer.chatType('private').on(['message:voice', 'message:audio'], async (ctx, next) => {
    const member = ctx.member;
    const voicing = deps.app.askingByVoice;
    if (!member) return next();
    if (!voicing) return ctx.reply(ctx.t('voice-typed-only'));
    const media: Voice | Audio = ctx.message.voice ?? ctx.message.audio!;
    const outcome = await voicing.ask(
      {
        member,
        chatId: ctx.chat.id,
        memberLanguage: ctx.locale,
        messageId: ctx.message.message_id,
        durationSeconds: media.duration,
        recording: () => download(ctx, apiRoot, media, ctx.message.voice ? 'voice' : 'audio'),
      },
      {
        heard: async (transcript) => void (await ctx.reply(ctx.t('voice-heard', { transcript }), { reply_parameters: { message_id: ctx.message.message_id } })),
        whileWorking: (work) => whileTyping(ctx, work),
        preview: previewInChat(ctx, ctx.message.message_id),
      },
    );
    ctx.log.info({ handler: 'voice', outcome: outcome.kind, seconds: media.duration }, 'voice question handled');
    switch (outcome.kind) {
      case 'typed-only':
        return void (await ctx.reply(ctx.t('voice-typed-only')));
      case 'too-long':
        return void (await ctx.reply(ctx.t('voice-too-long', { seconds: outcome.seconds, max: outcome.maxSeconds })));
      case 'not-heard':
        return void (await ctx.reply(ctx.t('voice-not-heard')));
      case 'transcription-failed':
        ctx.log.warn({ reason: outcome.reason }, 'voice question not transcribed');
        return void (await ctx.reply(ctx.t('voice-failed')));
      case 'rate-limited':
        if (outcome.notify) await ctx.reply(ctx.t('bot-rate-limited', { seconds: outcome.retryAfterSeconds, limit: outcome.limit }));
        return;
      case 'heard': {
        const { asked } = outcome;
        if (asked.kind === 'too-long') await ctx.reply(ctx.t('bot-too-long', { max: asked.max, length: asked.length }));
        else if (asked.kind === 'rate-limited') {
          if (asked.notify) await ctx.reply(ctx.t('bot-rate-limited', { seconds: asked.retryAfterSeconds, limit: asked.limit }));
        } else ctx.log.info({ question_id: asked.questionId, abstained: asked.answer.abstained }, 'voice question answered; the answer is queued for delivery');
      }
    }
  });
  return composer;
}

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
