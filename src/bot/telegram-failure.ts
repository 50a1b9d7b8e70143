import { GrammyError } from 'grammy';
import { GiveUpError, RetryLaterError } from '../jobs/queue.ts';

/** Telegram refused this message itself (400): the same message again would be refused again, but the chat is reachable. */
export class MessageRefusedError extends GiveUpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MessageRefusedError';
  }
}

/** Telegram will not let the bot write to this chat at all: blocked, deleted, or a user who never started the bot. */
export function chatUnreachable(error: unknown): boolean {
  return (
    error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found|user is deactivated/i.test(error.description)))
  );
}

/**
 * What a failed send means for its outbox job: a 429 comes back after Telegram's retry_after
 * (however long, not counted as a failed try); a chat that cannot be reached (blocked, deleted,
 * never started) is given up at once, and so is a message Telegram refuses (400); anything
 * else (5xx, the network) is retried with backoff.
 */
export function telegramFailure(error: unknown): unknown {
  if (!(error instanceof GrammyError)) return error;
  if (error.error_code === 429) {
    const seconds = error.parameters.retry_after ?? 1;
    return new RetryLaterError(seconds * 1000, `Telegram asked to wait ${seconds} s (429)`, { cause: error });
  }
  if (chatUnreachable(error)) return new GiveUpError(error.message, { cause: error });
  if (error.error_code === 400) return new MessageRefusedError(error.message, { cause: error });
  return error;
}

/** Thrown instead of sending once a message has waited longer than DELIVERY_GIVE_UP_AFTER. */
export function tooOld(ageMs: number, giveUpAfterMs: number): GiveUpError | undefined {
  if (ageMs <= giveUpAfterMs) return undefined;
  return new GiveUpError(
    `undelivered ${Math.round(ageMs / 1000)} s after it was queued: given up (DELIVERY_GIVE_UP_AFTER is ${Math.round(giveUpAfterMs / 1000)} s)`,
  );
}

/** Runs an edit; Telegram's refusal of one that changes nothing (a second or stale press) is no failure. */
export async function editUnlessUnchanged(edit: () => Promise<unknown>): Promise<void> {
  try {
    await edit();
  } catch (error) {
    if (!(error instanceof GrammyError && /message is not modified/i.test(error.description))) throw error;
  }
}
