/** What the rest of the program asks of a language model: chat, and embeddings where configured. */
export interface Embedder {
  /** Rows of other models are ignored, so the model name is stored next to each vector. */
  model: string;
  embed(texts: string[], options?: CallOptions): Promise<number[][]>;
}

export interface CallOptions {
  /** Ends the call early (the question's budget ran out); the call then fails with AiError('timeout'). */
  signal?: AbortSignal;
}

export interface ChatPrompt {
  system: string;
  user: string;
}

export interface AiProvider {
  mode: 'openai' | 'offline';
  embedder?: Embedder;
  /** The model's reply text, never empty; failures are thrown as AiError. */
  chat(prompt: ChatPrompt, options?: CallOptions): Promise<string>;
}
