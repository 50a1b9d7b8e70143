/** What the rest of the program asks of a language model: chat, and embeddings and transcription where configured. */
export interface Embedder {
  /** Rows of other models are ignored, so the model name is stored next to each vector. */
  model: string;
  embed(texts: string[], options?: CallOptions): Promise<number[][]>;
}

export interface CallOptions {
  /** Ends the call early (the question's budget ran out); the call then fails with AiError('timeout'). */
  signal?: AbortSignal;
  /**
   * Chat only: the reply is streamed, and this is called with the whole text so far each time it
   * grows (not yet checked: see src/answering/model-output.ts). The deadline and result are unchanged.
   */
  onText?: (soFar: string) => void;
}

export interface ChatPrompt {
  system: string;
  user: string;
}

/** A recording as the member sent it: its bytes, a file name whose extension names the format, and its type. */
export interface Recording {
  data: Uint8Array;
  filename: string;
  mimeType: string;
}

/** Speech to text, where a transcription model is configured. */
export interface Transcriber {
  model: string;
  /** What was said, trimmed (empty when nothing was heard); failures are thrown as AiError. */
  transcribe(recording: Recording, options?: CallOptions): Promise<string>;
}

export interface AiProvider {
  mode: 'openai' | 'offline';
  embedder?: Embedder;
  transcriber?: Transcriber;
  /** The model's reply text, never empty; failures are thrown as AiError. */
  chat(prompt: ChatPrompt, options?: CallOptions): Promise<string>;
}
