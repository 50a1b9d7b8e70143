import type { Command } from 'commander';
import { createBot } from '../bot/bot.ts';
import { registerCommands } from '../bot/commands.ts';
import { runConsole } from '../bot/console/run-console.ts';
import { startPolling, TelegramRefusedError, type RunningBot } from '../bot/run.ts';
import { startWebhook } from '../web/webhook.ts';
import { UserError, type CliContext } from './context.ts';
import { join } from 'node:path';
import { createFileLogger } from '../log.ts';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function register(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description('Run the bot: long polling with BOT_TOKEN, webhook when WEBHOOK_URL and WEBHOOK_SECRET are set too, or a chat in this terminal without a token.')
    .action(async () => {
      const config = ctx.loadConfig();
      // In the console chat the terminal belongs to the conversation: logs go to a file.
      const logger = config.telegram.mode === 'console' ? createFileLogger(config.logLevel, join(config.dataDir, 'console.log')) : undefined;
      // The bot owns the embedded database, and serves it to the other commands while it runs.
      const app = await ctx.openApp(config, { ...(logger ? { logger } : {}), ownDatabase: true });
      // Not awaited: the bot answers (lexically) while vectors are made for new texts.
      void app.embedNewTexts();
      try {
        const telegram = config.telegram;
        if (telegram.mode === 'console') {
          await runConsole({ app, input: process.stdin, output: process.stdout });
          // After /quit a piped stdin is still open, and an open stdin keeps the process alive.
          process.stdin.destroy();
          return;
        }
        // Loaded before the first update, so no member waits for it.
        await app.loadSearchIndex();
        const bot = createBot(telegram.token, { app }, { apiRoot: telegram.apiRoot });
        await registerCommands(bot.api, app.translator);
        const running: RunningBot =
          telegram.mode === 'webhook'
            ? await startWebhook(bot, { db: app.db, logger: app.logger, url: telegram.url, secret: telegram.secret, port: telegram.port })
            : await startPolling(bot, app.logger);
        const ended = await Promise.race([stopSignal(), running.failed.catch((e: unknown) => e)]);
        if (ended instanceof Error) {
          // A refused token was logged where it was seen.
          if (!(ended instanceof TelegramRefusedError)) app.logger.fatal({ err: ended }, ended.message);
          await running.stop();
          throw new UserError(ended instanceof TelegramRefusedError ? ended.message : `${ended.message}. The bot has stopped.`, 1);
        }
        app.logger.info({ signal: ended }, 'stopping: finishing the updates in hand');
        await running.stop();
      } finally {
        // After the bot has stopped, so no handler loses its database half-way.
        await app.close();
      }
    });
}

/** Resolves with the first SIGINT or SIGTERM. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: string) => {
      for (const s of STOP_SIGNALS) process.off(s, onSignal);
      resolve(signal);
    };
    for (const s of STOP_SIGNALS) process.on(s, onSignal);
  });
}
