import type { Api } from 'grammy';
import type { App } from '../app.ts';
import { ANSWER_DELIVERY } from '../answering/ask-question.ts';
import type { Queryable } from '../db/db.ts';
import { OUTBOUND_MESSAGE } from '../jobs/notify.ts';
import { REVIEW_CARD } from '../jobs/review-cards.ts';
import { createJobRunner } from '../jobs/runner.ts';
import { createAnswerSender } from './answer-sender.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createSendBudget } from './send-budget.ts';
import { createReviewCardSender } from './review-card-sender.ts';
import { createOpenQuestionSender } from './open-question-sender.ts';
import { COMMUNITY_ANSWER, OPEN_QUESTION_SETTLED, OPEN_QUESTION_POST } from '../jobs/open-question-posts.ts';
import { INTRODUCTION_MESSAGE } from '../jobs/introduction-messages.ts';
import { createIntroductionSender } from './introduction-sender.ts';
import { SAVED_MESSAGE_CONSENT } from '../jobs/saved-messages.ts';
import { createSavedMessageSender } from './saved-message-sender.ts';

// Messages wait at most this long for an idle sender of another process; this process's own
// are sent at once (the app's outboxQueued signal wakes its senders).
const OUTBOX_POLL_MS = 1_000;
// Renewed while a message is being sent (the API client gives up on a call after 30 s): the
// messages a sender on another machine held when it died are sent by another within 15 s.
const OUTBOX_LEASE_MS = 15_000;
// A send Telegram failed (5xx, network) is tried again soon: the member is waiting.
const SEND_BACKOFF = { baseMs: 1_000, maxMs: 10_000 };

export interface RunningSenders {
  /** Stops taking messages; resolves when the ones in hand are done. */
  stop(): Promise<void>;
}

/**
 * The outbox's senders of this process: answers (answer-sender.ts), their delay notices, the
 * domain's notifications (outbox-sender.ts) and the staff chat's review cards (review-card-sender.ts), through `api`, within the sending budget every
 * process shares (Telegram's 30 a second unless `messagesPerSecond` says otherwise, e.g. for a
 * Bot API server without Telegram's limits). Run by `start` and `worker` with a bot token, and
 * by the console chat against its emulator.
 */
export function startSenders(
  app: Pick<App, 'db' | 'logger' | 'translator' | 'outboxQueued' | 'config' | 'experiences'> & {
    community: Pick<App['community'], 'curation' | 'openQuestions' | 'openQuestionIn' | 'introductions' | 'savedMessages'>;
  },
  api: Api,
  options: { messagesPerSecond?: number; concurrency?: number } = {},
): RunningSenders {
  const { db, logger, translator } = app;
  const budget = createSendBudget(db, options.messagesPerSecond);
  const giveUpAfterMs = app.config.deliveryGiveUpAfterMs;
  const handlers = {
    ...createOutboxSender({ db, api, translator, budget, giveUpAfterMs }),
    ...createAnswerSender({ db, api, translator, budget, giveUpAfterMs, lateNoticeAfterMs: app.config.answerLateNoticeAfterMs, logger }),
    ...createReviewCardSender({ db, api, translator, budget, curation: app.community.curation }),
    ...createOpenQuestionSender({ db, api, translator, budget, openQuestions: app.community.openQuestions, openQuestionIn: app.community.openQuestionIn }),
    ...createIntroductionSender({ db, api, translator, budget, introductions: app.community.introductions, experiences: app.experiences }),
    ...createSavedMessageSender({ db, api, translator, budget, savedMessages: app.community.savedMessages }),
  };
  return createJobRunner({
    db,
    logger,
    handlers,
    concurrency: options.concurrency ?? 2,
    pollMs: OUTBOX_POLL_MS,
    leaseMs: OUTBOX_LEASE_MS,
    backoff: SEND_BACKOFF,
    wakeOn: (wake) => app.outboxQueued.subscribe(wake),
  }).start();
}

/**
 * Resolves once the outbox holds no answer, notification or review card due within `dueWithinMs` (default:
 * due now), or after `timeoutMs`: what the bot owes has been sent, e.g. before a console chat
 * says goodbye.
 */
export async function outboxSent(db: Queryable, options: { dueWithinMs?: number; timeoutMs: number }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const [row] = await db.query<{ owed: number }>(
      `SELECT count(*)::int AS owed FROM jobs
       WHERE kind = ANY($1::text[]) AND done_at IS NULL AND failed_at IS NULL AND run_at <= now() + make_interval(secs => $2::float8 / 1000)`,
      [
        [
          ANSWER_DELIVERY,
          OUTBOUND_MESSAGE,
          REVIEW_CARD,
          OPEN_QUESTION_POST,
          COMMUNITY_ANSWER,
          OPEN_QUESTION_SETTLED,
          INTRODUCTION_MESSAGE,
          SAVED_MESSAGE_CONSENT,
        ],
        options.dueWithinMs ?? 0,
      ],
    );
    if (row!.owed === 0 || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
