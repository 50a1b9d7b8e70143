import type { App } from '../app.ts';
import { createOutboxSender, outboxApi } from '../bot/outbox-sender.ts';
import { createDigestSender, REVIEW_DIGEST_SCHEDULE } from '../bot/digest-sender.ts';
import { housekeepingJobs } from '../jobs/housekeeping.ts';
import { createJobRunner } from '../jobs/runner.ts';

export interface RunningJobWorkers {
  /** Stops taking jobs; resolves when the jobs in hand are done. */
  stop(): Promise<void>;
}

// Messages wait at most this long for an idle sender; housekeeping is in no hurry.
const OUTBOX_POLL_MS = 1_000;
const HOUSEKEEPING_POLL_MS = 30_000;
// A new publication's translations may wait a few seconds.
const TRANSLATION_POLL_MS = 5_000;
// Sending a message takes a moment: a sender that died is replaced after a minute.
const OUTBOX_LEASE_MS = 60_000;

/**
 * The job workers of this process (`start` and `worker`): housekeeping, machine translations
 * and embeddings of new publications when a model is configured, and with a bot token the
 * outbox sender and the staff's weekly re-verification digest. Without one (the console chat) queued messages wait for a process that has it.
 */
export function startJobWorkers(app: App, telegram?: { token: string; apiRoot: string }): RunningJobWorkers {
  const { db, logger } = app;
  const housekeeping = createJobRunner({ db, logger, ...housekeepingJobs({ db, embedNewTexts: () => app.embedNewTexts() }), pollMs: HOUSEKEEPING_POLL_MS });
  const runners = [housekeeping.start()];
  const translation = app.translationJobs();
  if (Object.keys(translation).length > 0) runners.push(createJobRunner({ db, logger, handlers: translation, pollMs: TRANSLATION_POLL_MS }).start());
  if (telegram) {
    const handlers = createOutboxSender({ db, api: outboxApi(telegram.token, telegram.apiRoot), translator: app.translator });
    runners.push(createJobRunner({ db, logger, handlers, concurrency: 2, pollMs: OUTBOX_POLL_MS, leaseMs: OUTBOX_LEASE_MS }).start());
    const digest = createDigestSender({
      db,
      api: outboxApi(telegram.token, telegram.apiRoot),
      translator: app.translator,
      reverification: app.community.reverification,
      staffChatId: app.config.staffChatId,
      reviewAfterMonths: app.config.reviewAfterMonths,
    });
    runners.push(
      createJobRunner({ db, logger, handlers: digest, schedules: [REVIEW_DIGEST_SCHEDULE], pollMs: OUTBOX_POLL_MS, leaseMs: OUTBOX_LEASE_MS }).start(),
    );
  }
  return {
    async stop() {
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
}
