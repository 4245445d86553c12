/** A lock for async code: `acquire` resolves, in arrival order, with the function that releases it. */
export interface Mutex {
  acquire(): Promise<() => void>;
}

/**
 * Keeps async sections apart inside one process (the SQLite store's single connection). Uncontended,
 * acquiring costs one resolved promise.
 */
export function createMutex(): Mutex {
  let tail: Promise<void> = Promise.resolve();
  return {
    acquire() {
      let release!: () => void;
      const next = new Promise<void>((r) => (release = r));
      const ready = tail.then(() => release);
      tail = tail.then(() => next);
      return ready;
    },
  };
}
