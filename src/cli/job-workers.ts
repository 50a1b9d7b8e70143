import type { App } from '../app.ts';
import { outboxApi } from '../bot/outbox-sender.ts';
import { startSenders } from '../bot/senders.ts';
import { housekeepingJobs } from '../jobs/housekeeping.ts';
import { createJobRunner } from '../jobs/runner.ts';

export interface RunningJobWorkers {
  /** Stops taking jobs; resolves when the jobs in hand are done. */
  stop(): Promise<void>;
}

// Housekeeping is in no hurry.
const HOUSEKEEPING_POLL_MS = 30_000;

/**
 * The job workers of this process (`start` and `worker`): housekeeping, and with a bot token
 * the outbox's senders. Without one, the console chat runs its senders against its own
 * emulator (src/console/run-console.ts); a `worker` leaves queued messages to a process that can send.
 */
export function startJobWorkers(app: App, telegram?: { token: string; apiRoot: string }): RunningJobWorkers {
  const { db, logger } = app;
  const housekeeping = createJobRunner({ db, logger, ...housekeepingJobs({ db, embedNewTexts: () => app.embedNewTexts() }), pollMs: HOUSEKEEPING_POLL_MS });
  const runners = [housekeeping.start()];
  if (telegram) runners.push(startSenders(app, outboxApi(telegram.token, telegram.apiRoot)));
  return {
    async stop() {
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
}
