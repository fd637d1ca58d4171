/**
 * The one queue every mutating command passes through: each runs once the one before it has finished (answered,
 * failed or cancelled), so an import that awaits its file between steps never has another write, or a restore,
 * land in the middle of it. Reads do not queue.
 */
export interface WriteQueue {
  /** Runs `work` after every write queued before it; its failure is its caller's and does not stop the queue. */
  run<T>(work: () => Promise<T> | T): Promise<T>;
  /** A write is running or waiting: a synchronous caller must not start another now. */
  readonly busy: boolean;
}

export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    run<T>(work: () => Promise<T> | T): Promise<T> {
      pending++;
      const result = tail.then(work).finally(() => {
        pending--;
      });
      // The next write waits for this one to settle, whatever its outcome.
      tail = result.catch(() => undefined);
      return result;
    },
    get busy() {
      return pending > 0;
    },
  };
}
