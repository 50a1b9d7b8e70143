import { z } from 'zod';
import { optionalText, positiveInt } from './values.ts';

/** The OpenAI-compatible model server; without OPENAI_API_KEY the bot answers offline. */
export const modelSettings = {
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url({ error: 'expects an http(s) URL' }).optional()),
  OPENAI_CHAT_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: optionalText,
  OPENAI_TRANSCRIPTION_MODEL: optionalText,
  EMBEDDING_DIMENSIONS: positiveInt(1536),
  OPENAI_TIMEOUT_MS: positiveInt(20_000),
};

type ModelEnv = z.infer<z.ZodObject<typeof modelSettings>>;

export type AiConfig =
  | { mode: 'offline' }
  | {
      mode: 'openai';
      apiKey: string;
      baseURL?: string;
      chatModel: string;
      embeddingModel?: string;
      /** Speech-to-text model for voice questions (`/audio/transcriptions`); unset: voice messages are declined. */
      transcriptionModel?: string;
      dimensions: number;
      timeoutMs: number;
    };

/** Settings that make sense only together. */
export function checkModel(e: ModelEnv, ctx: z.RefinementCtx): void {
  if (e.OPENAI_TRANSCRIPTION_MODEL && !e.OPENAI_API_KEY)
    ctx.addIssue({
      code: 'custom',
      path: ['OPENAI_TRANSCRIPTION_MODEL'],
      message: 'expects OPENAI_API_KEY too: voice questions are transcribed by the model server',
    });
}

export function aiConfig(e: ModelEnv): AiConfig {
  if (!e.OPENAI_API_KEY) return { mode: 'offline' };
  return {
    mode: 'openai',
    apiKey: e.OPENAI_API_KEY,
    ...(e.OPENAI_BASE_URL ? { baseURL: e.OPENAI_BASE_URL } : {}),
    chatModel: e.OPENAI_CHAT_MODEL,
    ...(e.OPENAI_EMBEDDING_MODEL ? { embeddingModel: e.OPENAI_EMBEDDING_MODEL } : {}),
    ...(e.OPENAI_TRANSCRIPTION_MODEL ? { transcriptionModel: e.OPENAI_TRANSCRIPTION_MODEL } : {}),
    dimensions: e.EMBEDDING_DIMENSIONS,
    timeoutMs: e.OPENAI_TIMEOUT_MS,
  };
}
