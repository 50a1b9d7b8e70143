import type { Command } from 'commander';
import type { CliContext } from './context.ts';
import { startJobWorkers } from './job-workers.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description(
      'Run only the background jobs (outbound messages with BOT_TOKEN, housekeeping) until stopped; `start` runs them too. Run several to share the work.',
    )
    .action(async () => {
      const config = ctx.loadConfig();
      const app = await ctx.openApp(config);
      try {
        const telegram = config.telegram.mode === 'console' ? undefined : { token: config.telegram.token, apiRoot: config.telegram.apiRoot };
        if (!telegram) app.logger.warn('no BOT_TOKEN: only housekeeping runs; queued messages wait for a worker with the token');
        const workers = startJobWorkers(app, telegram);
        const signal = await ctx.stopRequested();
        app.logger.info({ signal }, 'stopping: finishing the jobs in hand');
        await workers.stop();
      } finally {
        await app.close();
      }
    });
}
