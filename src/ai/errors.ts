/** What went wrong talking to the model; callers decide what the user sees from this alone. */
export type AiErrorKind =
  | 'unavailable' // no model configured (offline mode)
  | 'timeout' // OPENAI_TIMEOUT_MS, or the question's budget, ran out
  | 'cancelled' // the process is stopping
  | 'rate_limit' // 429
  | 'server' // 5xx
  | 'connection' // refused, reset, DNS
  | 'refused' // other 4xx: bad key, unknown model, request rejected
  | 'malformed'; // a reply we cannot use: no choices, empty text, not the JSON we asked for

export class AiError extends Error {
  constructor(
    readonly kind: AiErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AiError';
  }
}
