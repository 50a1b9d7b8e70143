import type { AiConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { AiError } from './errors.ts';
import { createOpenAiProvider } from './openai.ts';

export interface Embedder {
  /** Rows of other models are ignored, so the model name is stored next to each vector. */
  model: string;
  embed(texts: string[]): Promise<number[][]>;
}

export interface ChatPrompt {
  system: string;
  user: string;
}

export interface AiProvider {
  mode: 'openai' | 'offline';
  embedder?: Embedder;
  /** The model's reply text, never empty; failures are thrown as AiError. */
  chat(prompt: ChatPrompt): Promise<string>;
}

/** An OpenAI-compatible provider when a key is configured, otherwise the offline one. */
export function createAiProvider(config: AiConfig, logger: Logger): AiProvider {
  if (config.mode === 'openai') return createOpenAiProvider(config, logger);
  return createOfflineProvider();
}

/** Offline mode has no model: answers are extractive and retrieval is lexical. */
export function createOfflineProvider(): AiProvider {
  return {
    mode: 'offline',
    chat: () => Promise.reject(new AiError('unavailable', 'no language model is configured (OPENAI_API_KEY is unset)')),
  };
}
