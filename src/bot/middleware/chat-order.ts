import type { Context, NextFunction } from 'grammy';

export interface ChatOrderOptions {
  /** Updates with the same key run one after another; undefined: no order to keep. */
  key: (ctx: Context) => string | undefined;
  /** Longest an update waits for the one before it in its chat. */
  maxWaitMs: number;
  /** The update must wait for an earlier one of its chat (it has been taken, and stands in line). */
  onQueued?: (ctx: Context) => void;
  /** The earlier update was still running after `maxWaitMs`; this one goes ahead of it. */
  onOvertaking?: (ctx: Context) => void;
}

/**
 * Updates of one chat run one after another (the runner fetches concurrently; conversations and
 * sessions need the order), like the runner's sequentialize — except that an update waits for
 * the one before it at most `maxWaitMs`: a question stuck on a stalled service must not hold the
 * member's next message (/help, /cancel) for longer than a question may take.
 */
export function inChatOrder(options: ChatOrderOptions) {
  const lines = new Map<string, { done: Promise<void> }>();
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const key = options.key(ctx);
    if (key === undefined) return next();
    const before = lines.get(key);
    let finish!: () => void;
    const mine = { done: new Promise<void>((resolve) => (finish = resolve)) };
    lines.set(key, mine);
    try {
      if (before) {
        options.onQueued?.(ctx);
        let timer: NodeJS.Timeout | undefined;
        const overtaking = await Promise.race([
          before.done.then(() => false),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), options.maxWaitMs))),
        ]);
        clearTimeout(timer);
        if (overtaking) options.onOvertaking?.(ctx);
      }
      await next();
    } finally {
      finish();
      if (lines.get(key) === mine) lines.delete(key);
    }
  };
}
