import { parentPort, workerData } from 'node:worker_threads';
import { createApp } from '../../app.ts';
import { createBot } from '../bot.ts';
import { waitForHandlers } from '../run.ts';
import type { BotWorkerData, FromWorker, ToWorker } from './protocol.ts';

/** Telegram's published limit on messages a bot sends per second, over all chats. */
const GLOBAL_MESSAGES_PER_SECOND = 30;

const data = workerData as BotWorkerData;
const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);

try {
  // The main thread has migrated and seeded; this thread opens its own connections and index.
  const app = await createApp(data.config, { migrate: false });
  await app.loadSearchIndex();
  const perWorker = data.throttle ? Math.max(1, Math.floor(GLOBAL_MESSAGES_PER_SECOND / data.throttle.shareOf)) : 0;
  const bot = createBot(data.token, { app }, {
    ...(data.apiRoot ? { apiRoot: data.apiRoot } : {}),
    botInfo: data.botInfo,
    throttle: data.throttle
      ? { out: { maxConcurrent: 1, minTime: 0 }, global: { reservoir: perWorker, reservoirRefreshAmount: perWorker, reservoirRefreshInterval: 1000 } }
      : false,
  });
  port.on('message', (m: ToWorker) => {
    if (m.type === 'update') {
      // handleUpdate does not throw for a failing handler (the bot's error boundary and catch
      // apologise and log); "done" is sent whatever happens, or the main thread would wait forever.
      void bot
        .handleUpdate(m.update)
        .catch((error: unknown) => app.logger.error({ err: error, update_id: m.update.update_id }, 'a bot worker failed to handle an update'))
        .finally(() => send({ type: 'done', updateId: m.update.update_id }));
      return;
    }
    void (async () => {
      await waitForHandlers(bot, app.logger);
      await app.close();
      send({ type: 'stopped' });
      port.close();
    })();
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
