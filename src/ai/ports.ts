/** What the rest of the program asks of a language model: chat, and embeddings where configured. */
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
