import type { AiConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { AiError } from './errors.ts';
import { createOpenAiProvider } from './openai.ts';
import type { AiProvider } from './ports.ts';

export type { AiProvider, CallOptions, ChatPrompt, Embedder, Recording, Transcriber } from './ports.ts';

/**
 * An OpenAI-compatible provider when a key is configured, otherwise the offline one. `stopping`
 * aborts every call in flight (the process is stopping: members get the offline answer at once).
 */
export function createAiProvider(config: AiConfig, logger: Logger, options: { stopping?: AbortSignal } = {}): AiProvider {
  if (config.mode === 'openai') return createOpenAiProvider(config, logger, options.stopping);
  return createOfflineProvider();
}

/** Offline mode has no model: answers are extractive and retrieval is lexical. */
export function createOfflineProvider(): AiProvider {
  return {
    mode: 'offline',
    chat: () => Promise.reject(new AiError('unavailable', 'no language model is configured (OPENAI_API_KEY is unset)')),
  };
}
