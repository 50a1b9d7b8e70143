import type { Command } from 'commander';
import { createBot, type SmeBot } from '../bot/bot.ts';
import { registerCommands } from '../bot/commands.ts';
import { consoleConfig } from '../console/console-config.ts';
import { runConsole } from '../console/run-console.ts';
import { keepTakingOverUnfinished, startPolling, TelegramRefusedError, type RunningBot } from '../bot/run.ts';
import { serveHttp } from '../web/serve.ts';
import { UserError, type CliContext } from './context.ts';
import { join } from 'node:path';
import { createAppLogger } from '../app.ts';
import type { Logger } from '../log.ts';
import { startJobWorkers } from './job-workers.ts';

/** A supervisor sends SIGKILL about 10 s after SIGTERM: past this, the process ends itself, saying so. */
const STOP_LIMIT_MS = 9_500;

function exitIfStopHangs(logger: { error(fields: object, message: string): void }): void {
  setTimeout(() => {
    logger.error({ limit_ms: STOP_LIMIT_MS }, 'stopping took too long; exiting now (unsent answers stay in the outbox, unconfirmed updates come again)');
    process.exit(1);
  }, STOP_LIMIT_MS).unref();
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description(
      'Run the bot: long polling with BOT_TOKEN, webhook when WEBHOOK_URL and WEBHOOK_SECRET are set too, or a chat in this terminal without a token.',
    )
    .action(async () => {
      const loaded = ctx.loadConfig();
      // The console's local member is an admin, and its staff chat the emulator's staff group.
      const config = loaded.telegram.mode === 'console' ? consoleConfig(loaded) : loaded;
      // In the console chat the terminal belongs to the conversation: logs go to a file.
      const logger = config.telegram.mode === 'console' ? createAppLogger(config, join(config.dataDir, 'console.log')) : undefined;
      // Aborted by SIGINT/SIGTERM: model calls in flight end at once, and their members get the extractive answer.
      const stopping = new AbortController();
      // The bot owns the embedded database, and serves it to the other commands while it runs.
      const app = await ctx.openApp(config, { ...(logger ? { logger } : {}), ownDatabase: true, stopping: stopping.signal });
      // ADMIN_IDS is the list of admins, applied at every start (see community/staff.ts).
      const admins = await app.community.staff.applyAdminIds(config.adminTelegramIds);
      if (admins.promoted + admins.demoted > 0) app.logger.info(admins, 'admins set from ADMIN_IDS');
      // Vectors for new texts are made by a housekeeping job meanwhile: the bot answers lexically until then.
      const workers = startJobWorkers(app, config.telegram.mode === 'console' ? undefined : config.telegram);
      let http: Awaited<ReturnType<typeof serveHttp>> | undefined;
      try {
        const telegram = config.telegram;
        const port = config.httpPort;
        if (telegram.mode === 'console') {
          if (port !== undefined) http = await serveHttp({ db: app.db, logger: app.logger, port });
          await runConsole({ app, input: ctx.stdin, output: ctx.stdout });
          // After /quit a piped stdin is still open, and an open stdin keeps the process alive.
          ctx.stdin.destroy();
          return;
        }
        // Loaded before the first update, so no member waits for it.
        await app.loadSearchIndex();
        const bot = createBot(telegram.token, { app }, { apiRoot: telegram.apiRoot });
        await registerCommands(bot.api, app.translator, config.staffChatId !== undefined ? { chatId: config.staffChatId, logger: app.logger } : undefined);
        // With a bot token there is always a port (8080 unless PORT says otherwise).
        http = await serveHttp({
          db: app.db,
          logger: app.logger,
          port: port!,
          ...(telegram.mode === 'webhook' ? { webhook: { bot, url: telegram.url, secret: telegram.secret, timeoutMs: telegram.timeoutMs } } : {}),
        });
        const running: RunningBot =
          telegram.mode === 'webhook'
            ? await webhookRunning(bot, http.stop, app.logger)
            : await startPolling(bot, app.logger, { giveUpAfterMs: telegram.giveUpAfterMs });
        const ended = await Promise.race([ctx.stopRequested(), running.failed.catch((e: unknown) => e)]);
        stopping.abort();
        exitIfStopHangs(app.logger);
        if (ended instanceof Error) {
          // A refused token was logged where it was seen.
          if (!(ended instanceof TelegramRefusedError)) app.logger.fatal({ err: ended }, ended.message);
          await running.stop();
          throw new UserError(ended instanceof TelegramRefusedError ? ended.message : `${ended.message}. The bot has stopped.`, 1);
        }
        app.logger.info({ signal: ended }, 'stopping: finishing the updates in hand');
        await running.stop();
      } finally {
        await http?.stop();
        await workers.stop();
        // After the bot has stopped, so no handler loses its database half-way.
        await app.close();
      }
    });
}

/** The webhook server as a running bot: it also takes over what stopped processes left half-handled (polling does so itself). */
async function webhookRunning(bot: SmeBot, stopServer: () => Promise<void>, logger: Logger): Promise<RunningBot> {
  const stopTakingOver = await keepTakingOverUnfinished(bot, logger);
  return {
    failed: new Promise<never>(() => {}),
    async stop() {
      stopTakingOver();
      await stopServer();
    },
  };
}
