import { ApiError } from './api-error.ts';

interface Outage {
  method: string;
  until: number;
  chatId?: number;
  error: ApiError;
}

/**
 * The failures and slow answers a test asks for: Telegram refusing a call, an outage of one
 * method, a late or held answer. The state asks here before it answers a call.
 */
export class FaultPlan {
  private readonly faults = new Map<string, ApiError[]>();
  private readonly delays = new Map<string, number[]>();
  private readonly outages: Outage[] = [];
  private readonly holds = new Map<string, Promise<void>[]>();

  failNext(method: string, code: number, description: string, parameters?: ApiError['parameters']): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), new ApiError(code, description, parameters)]);
  }

  failFor(method: string, ms: number, failure: { code: number; description: string; parameters?: ApiError['parameters'] }, chatId?: number): () => void {
    const error = new ApiError(failure.code, failure.description, failure.parameters);
    const outage: Outage = { method, until: Date.now() + ms, error, ...(chatId !== undefined ? { chatId } : {}) };
    this.outages.push(outage);
    return () => void (outage.until = 0);
  }

  slowNext(method: string, ms: number): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ms]);
  }

  holdNext(method: string): () => void {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(method, [...(this.holds.get(method) ?? []), released]);
    return release;
  }

  takeHold(method: string): Promise<void> {
    return this.holds.get(method)?.shift() ?? Promise.resolve();
  }

  takeDelay(method: string): number {
    return this.delays.get(method)?.shift() ?? 0;
  }

  /** The refusal failNext queued for this call of `method`, used up by it. */
  takeFault(method: string): ApiError | undefined {
    return this.faults.get(method)?.shift();
  }

  /** The refusal of an outage still running for `method` (in this chat, when it names one). */
  outage(method: string, chatId: number): ApiError | undefined {
    return this.outages.find((o) => o.method === method && Date.now() < o.until && (o.chatId === undefined || o.chatId === chatId))?.error;
  }
}
