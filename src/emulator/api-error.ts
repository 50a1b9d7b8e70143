/** A Bot API refusal: becomes `{ ok: false, error_code, description }`. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    description: string,
    /** Telegram's ResponseParameters, e.g. `retry_after` with a 429. */
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}
