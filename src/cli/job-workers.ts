import type { App } from '../app.ts';
import { outboxApi } from '../bot/outbox-sender.ts';
import { startSenders } from '../bot/senders.ts';
import { createDigestSender, REVIEW_DIGEST_SCHEDULE } from '../bot/digest-sender.ts';
import { housekeepingJobs } from '../jobs/housekeeping.ts';
import { createJobRunner } from '../jobs/runner.ts';

export interface RunningJobWorkers {
  /** Stops taking jobs; resolves when the jobs in hand are done. */
  stop(): Promise<void>;
}

// Housekeeping is in no hurry.
const HOUSEKEEPING_POLL_MS = 30_000;
// A new publication's translations may wait a few seconds.
const TRANSLATION_POLL_MS = 5_000;
// The digest is one message a week: a few seconds' wait is nothing.
const DIGEST_POLL_MS = 5_000;
const DIGEST_LEASE_MS = 60_000;

/**
 * The job workers of this process (`start` and `worker`): housekeeping, machine translations
 * and embeddings of new publications when a model is configured, and with a bot token the
 * outbox's senders (answers, notifications, review cards for the staff chat) and the staff's
 * weekly re-verification digest. Without one, the console chat runs its senders against its own
 * emulator (src/console/run-console.ts); a `worker` leaves queued messages to a process that can send.
 */
export function startJobWorkers(app: App, telegram?: { token: string; apiRoot: string }): RunningJobWorkers {
  const { db, logger } = app;
  const upkeep = housekeepingJobs({
    db,
    embedNewTexts: () => app.embedNewTexts(),
    keepUnansweredSavedMessages: () => app.community.savedMessages.keepUnanswered(),
  });
  const housekeeping = createJobRunner({ db, logger, ...upkeep, pollMs: HOUSEKEEPING_POLL_MS });
  const runners = [housekeeping.start()];
  const translation = app.translationJobs();
  if (Object.keys(translation).length > 0) runners.push(createJobRunner({ db, logger, handlers: translation, pollMs: TRANSLATION_POLL_MS }).start());
  if (telegram) {
    const api = outboxApi(telegram.token, telegram.apiRoot);
    runners.push(startSenders(app, api));
    const digest = createDigestSender({
      db,
      api,
      translator: app.translator,
      reverification: app.community.reverification,
      staffChatId: app.config.staffChatId,
      reviewAfterMonths: app.config.reviewAfterMonths,
    });
    runners.push(
      createJobRunner({ db, logger, handlers: digest, schedules: [REVIEW_DIGEST_SCHEDULE], pollMs: DIGEST_POLL_MS, leaseMs: DIGEST_LEASE_MS }).start(),
    );
  }
  return {
    async stop() {
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
}
