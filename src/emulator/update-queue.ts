import type { Update } from 'grammy/types';
import { ApiError } from './api-error.ts';
import { parameterList, type Params } from './params.ts';
import type { NewUpdate } from './types.ts';

type Waiter = (updates: Update[]) => void;

/** What Telegram leaves out when a bot names no update kinds (or an empty list). */
const NOT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/**
 * The updates waiting for the bot and how it takes them: long polls held open until one
 * arrives, the update kinds it asked for, and the webhook that rules out getUpdates.
 */
export class UpdateQueue {
  private readonly queue: Update[] = [];
  private readonly waiters = new Set<{ offset: number; limit: number; resolve: Waiter }>();
  private nextUpdateId: number;
  private webhookUrl = '';
  /** The update kinds the bot last asked for (getUpdates or setWebhook); undefined: Telegram's default. */
  private allowedUpdates: Set<string> | undefined;

  constructor(firstUpdateId: number) {
    this.nextUpdateId = firstUpdateId;
  }

  /** Queues an update; an update_id given again is a replay of that update. */
  push(partial: NewUpdate): Update {
    const update = { ...partial, update_id: partial.update_id ?? this.nextUpdateId++ } as Update;
    this.nextUpdateId = Math.max(this.nextUpdateId, update.update_id + 1);
    this.queue.push(update);
    for (const w of this.waiters) {
      const ready = this.pending(w.offset, w.limit);
      if (ready.length > 0) {
        this.waiters.delete(w);
        w.resolve(ready);
      }
    }
    return update;
  }

  /** Long poll: resolves with pending updates now, or when one arrives, or [] after `holdMs`. */
  getUpdates(p: Params, holdMs: number, onClose: (cancel: () => void) => void): Promise<Update[]> {
    if (this.webhookUrl)
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    this.allow(p.allowed_updates);
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    // Updates below the offset are confirmed by the bot and gone for good, as in Telegram.
    if (offset > 0) while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    const ready = this.pending(offset, limit);
    const wait = Math.min(holdMs, Number(p.timeout ?? 0) * 1000);
    if (ready.length > 0 || wait <= 0) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const waiter = { offset, limit, resolve };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve([]);
      }, wait);
      waiter.resolve = (u) => {
        clearTimeout(timer);
        resolve(u);
      };
      this.waiters.add(waiter);
      onClose(() => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      });
    });
  }

  /** Ends every held long poll (shutdown). */
  releaseWaiters(): void {
    for (const w of this.waiters) w.resolve([]);
    this.waiters.clear();
  }

  setWebhook(url: string, allowedUpdates: unknown): void {
    this.webhookUrl = url;
    this.allow(allowedUpdates);
  }

  deleteWebhook(): void {
    this.webhookUrl = '';
  }

  webhookInfo(): { url: string; has_custom_certificate: boolean; pending_update_count: number } {
    return { url: this.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.length };
  }

  /** The update kinds the bot asks for from now on (Telegram keeps the last list given). */
  private allow(kinds: unknown): void {
    if (kinds === undefined) return;
    const given = parameterList(kinds).map(String);
    this.allowedUpdates = given.length > 0 ? new Set(given) : undefined;
  }

  private wanted(update: Update): boolean {
    const kind = Object.keys(update).find((k) => k !== 'update_id') ?? '';
    return this.allowedUpdates ? this.allowedUpdates.has(kind) : !NOT_BY_DEFAULT.has(kind);
  }

  private pending(offset: number, limit: number): Update[] {
    // Telegram never makes the updates a bot did not ask for.
    for (let i = this.queue.length - 1; i >= 0; i--) if (!this.wanted(this.queue[i]!)) this.queue.splice(i, 1);
    return this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
  }
}
