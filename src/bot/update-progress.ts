/**
 * Which fetched updates Telegram need no longer keep: an update has settled once it is claimed
 * in the database, queued behind an earlier update of its chat (polling recorded it as received
 * before handing it over: see bot.receive), or done. Long polling confirms a batch (asks for the
 * next offset) only after it settled, so an update whose claim fails because the database is
 * unreachable can be fetched again instead of being lost.
 */
export interface UpdateProgress {
  /** Starts watching these updates; resolves when each has settled. */
  track(updateIds: readonly number[]): Promise<void>;
  /** Says this update has settled (no-op for one nobody watches, e.g. a webhook's). */
  settle(updateId: number): void;
}

export function createUpdateProgress(): UpdateProgress {
  const watched = new Map<number, () => void>();
  return {
    track(updateIds) {
      return Promise.all(
        updateIds.map(
          (id) =>
            new Promise<void>((resolve) => {
              const earlier = watched.get(id);
              watched.set(id, () => (earlier?.(), resolve()));
            }),
        ),
      ).then(() => undefined);
    },
    settle(updateId) {
      const resolve = watched.get(updateId);
      if (!resolve) return;
      watched.delete(updateId);
      resolve();
    },
  };
}
