import { Worker } from 'node:worker_threads';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { createBot, type CreateBotOptions, type SmeBot } from '../bot.ts';
import type { BotContext, BotDeps } from '../context.ts';
import { createInFlight } from '../middleware/in-flight.ts';
import type { BotWorkerData, FromWorker, ToWorker } from './protocol.ts';

const THREAD = new URL('./thread.mjs', import.meta.url);

/** Threads each running the whole bot over their own connections; see createDistributingBot. */
export interface BotWorkers {
  /** Hands the update to the thread that owns its chat; resolves when that thread is done with it. */
  handle(update: Update, chatKey: number): Promise<void>;
  /** Lets each thread finish what it holds, close its connections and end. */
  stop(): Promise<void>;
  /** Rejects when a thread ends on its own (a crash): its chats can no longer be answered. */
  failed: Promise<never>;
}

export type DistributingBot = SmeBot & { workers: BotWorkers };

export interface DistributingBotOptions {
  config: Config;
  logger: Logger;
  apiRoot?: string;
  botInfo?: UserFromGetMe;
  /** `false`: no throttling, for a Bot API server without Telegram's limits (the emulator). */
  throttle?: false;
}

/**
 * The bot as configured, ready to poll or take webhook calls: spread over worker threads when
 * `config.botWorkers` > 1, otherwise in this thread with its search index loaded first, so no
 * member waits for it (each worker thread loads its own).
 */
export async function createConfiguredBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): Promise<SmeBot & { workers?: BotWorkers }> {
  const { app } = deps;
  if (app.config.botWorkers > 1) {
    return createDistributingBot(token, {
      config: app.config,
      logger: app.logger,
      ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
      ...(options.throttle === false ? { throttle: false as const } : {}),
    });
  }
  await app.loadSearchIndex?.();
  return createBot(token, deps, options);
}

/**
 * The bot spread over `config.botWorkers` threads, for more questions a second than one
 * thread can answer: this thread only fetches updates (or takes webhook calls) and hands each
 * chat's updates, in order, to the one thread that owns the chat; each thread runs the whole
 * bot with its own database connections and search index. Everything shared — sessions,
 * conversation state, rate limits, processed updates — already lives in the database.
 */
export async function createDistributingBot(token: string, options: DistributingBotOptions): Promise<DistributingBot> {
  const inFlight = createInFlight();
  const bot = new Bot<BotContext>(token, { client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) }, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  await bot.init();
  const workers = await startBotWorkers(options.config.botWorkers, {
    config: options.config,
    token,
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    botInfo: bot.botInfo,
    throttle: options.throttle === false ? false : { shareOf: options.config.botWorkers },
  }, options.logger);
  const chatKey = (ctx: Context) => ctx.chatId ?? ctx.from?.id ?? 0;
  bot.use(inFlight.middleware);
  bot.use(sequentialize((ctx: Context) => String(chatKey(ctx))));
  bot.use((ctx) => workers.handle(ctx.update, chatKey(ctx)));
  bot.catch((error) => options.logger.error({ err: error.error, update_id: error.ctx.update.update_id }, 'handing an update to a bot worker failed'));
  return Object.assign(bot, { inFlight, workers });
}

async function startBotWorkers(count: number, data: BotWorkerData, logger: Logger): Promise<BotWorkers> {
  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  // Nobody need listen: workers stopped on purpose never fail.
  failed.catch(() => {});
  const threads = Array.from({ length: count }, () => startThread(data, logger, fail));
  try {
    await Promise.all(threads.map((t) => t.ready));
  } catch (error) {
    await Promise.all(threads.map((t) => t.worker.terminate()));
    throw error;
  }
  return {
    handle(update, chatKey) {
      return threads[Math.abs(chatKey) % threads.length]!.handle(update);
    },
    async stop() {
      await Promise.all(threads.map((t) => t.stop()));
    },
    failed,
  };
}

function startThread(data: BotWorkerData, logger: Logger, fail: (error: Error) => void) {
  const worker = new Worker(THREAD, { workerData: data });
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let onReady!: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (onReady = { resolve, reject }));
  let stopped: (() => void) | undefined;
  let exited = false;

  worker.on('message', (m: FromWorker) => {
    if (m.type === 'ready') onReady.resolve();
    else if (m.type === 'failed') onReady.reject(new Error(`a bot worker could not start: ${m.message}`));
    else if (m.type === 'done') {
      pending.get(m.updateId)?.resolve();
      pending.delete(m.updateId);
    } else stopped?.();
  });
  worker.on('error', (error) => logger.error({ err: error }, 'a bot worker thread crashed'));
  worker.on('exit', (code) => {
    exited = true;
    const gone = new Error(`a bot worker thread ended (exit code ${code}); its chats cannot be answered until the bot is restarted`);
    onReady.reject(gone);
    for (const p of pending.values()) p.reject(gone);
    pending.clear();
    if (stopped) stopped();
    else fail(gone);
  });

  return {
    worker,
    ready,
    handle(update: Update): Promise<void> {
      if (exited) return Promise.reject(new Error('the bot worker thread for this chat has ended'));
      return new Promise<void>((resolve, reject) => {
        pending.set(update.update_id, { resolve, reject });
        worker.postMessage({ type: 'update', update } satisfies ToWorker);
      });
    },
    async stop(): Promise<void> {
      if (exited) return;
      await new Promise<void>((resolve) => {
        stopped = resolve;
        worker.postMessage({ type: 'stop' } satisfies ToWorker);
      });
      await worker.terminate();
    },
  };
}
