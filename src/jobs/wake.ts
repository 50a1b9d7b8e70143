/**
 * A process's "jobs were just queued here" signal: the use case that commits an outbound
 * message rings it, and this process's idle senders look at once instead of at their next poll
 * (other processes find the row when they poll).
 */
export interface WakeSignal {
  wake(): void;
  /** Calls `listener` at every wake; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export function createWakeSignal(): WakeSignal {
  const listeners = new Set<() => void>();
  return {
    wake() {
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
