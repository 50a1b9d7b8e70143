import type { Context, NextFunction } from 'grammy';

/** Counts updates being handled, so a stop can wait until none is left half-done. */
export interface InFlight {
  readonly size: number;
  /** Resolves when no update is being handled, or after `timeoutMs` (false then). */
  idle(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight & { middleware: (ctx: Context, next: NextFunction) => Promise<void> } {
  let size = 0;
  let waiters: (() => void)[] = [];
  return {
    get size() {
      return size;
    },
    async middleware(_ctx, next) {
      size += 1;
      try {
        await next();
      } finally {
        size -= 1;
        if (size === 0) {
          for (const w of waiters) w();
          waiters = [];
        }
      }
    },
    idle(timeoutMs) {
      if (size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
