import type { Update, UserFromGetMe } from 'grammy/types';
import type { Config } from '../../config.ts';

/** What a bot worker thread is started with. */
export interface BotWorkerData {
  config: Config;
  token: string;
  apiRoot?: string;
  botInfo: UserFromGetMe;
  /** How many workers share Telegram's global sending limit; `false`: no throttling (emulator). */
  throttle: { shareOf: number } | false;
}

export type ToWorker = { type: 'update'; update: Update } | { type: 'stop' };
export type FromWorker = { type: 'ready' } | { type: 'done'; updateId: number } | { type: 'stopped' } | { type: 'failed'; message: string };
