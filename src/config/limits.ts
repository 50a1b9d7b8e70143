import { z } from 'zod';
import { duration, positiveInt } from './values.ts';

/** How many questions, and how long the bot waits for the model and for Telegram. */
export const limitSettings = {
  RATE_LIMIT_PER_MINUTE: positiveInt(10),
  GROUP_RATE_LIMIT_PER_MINUTE: positiveInt(10),
  QUESTION_BUDGET_MS: positiveInt(30_000),
  DELIVERY_GIVE_UP_AFTER: duration('1h'),
  ANSWER_LATE_NOTICE_AFTER: duration('30s'),
  TELEGRAM_MAX_RETRY_WAIT: duration('60s'),
};

type LimitsEnv = z.infer<z.ZodObject<typeof limitSettings>>;

export interface LimitsConfig {
  rateLimitPerMinute: number;
  /** Questions one group may put to the bot per minute (Telegram lets a bot post about 20 messages a minute in a group). */
  groupRateLimitPerMinute: number;
  /** How long a question may take before the extractive answer is sent instead of waiting for the model. */
  questionBudgetMs: number;
  /**
   * How long an answer or notification is retried (429s, Telegram's 5xx, network failures),
   * counted from when it was queued, before the sender gives up on it and keeps it as failed.
   */
  deliveryGiveUpAfterMs: number;
  /** A member whose answer Telegram has not yet taken this long after the question is told it is coming. */
  answerLateNoticeAfterMs: number;
  /**
   * The longest 429 retry_after waited inside a handler's call to Telegram (a reply, an edit);
   * a longer one fails the call at once. Queued sends (answers, notifications) wait out any
   * retry_after in the job queue instead.
   */
  telegramMaxRetryWaitMs: number;
}

export function limitsConfig(e: LimitsEnv): LimitsConfig {
  return {
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    groupRateLimitPerMinute: e.GROUP_RATE_LIMIT_PER_MINUTE,
    questionBudgetMs: e.QUESTION_BUDGET_MS,
    deliveryGiveUpAfterMs: e.DELIVERY_GIVE_UP_AFTER,
    answerLateNoticeAfterMs: e.ANSWER_LATE_NOTICE_AFTER,
    telegramMaxRetryWaitMs: e.TELEGRAM_MAX_RETRY_WAIT,
  };
}
