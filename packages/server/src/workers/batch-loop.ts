// The loop every background worker runs (the escalation sweep, the delivery of the outbox): do a batch; when it
// came back short, rest a while; again, until stopped. Stopping lets the batch in hand finish (it commits or rolls
// back as a whole) and wakes a resting loop at once.

export interface BatchLoopOptions {
  /** One batch; resolves with how many items it took. A throw is reported and the loop goes on. */
  readonly runBatch: () => Promise<number>;
  /** A batch this size means more may be waiting: the next starts at once. */
  readonly batchSize: number;
  /** The rest after a short batch, or a failed one. */
  readonly idleMs: number;
  readonly onError: (error: unknown) => void;
}

/**
 * Starts the loop; the returned function stops it after the batch in hand.
 *
 * ```ts
 * const stop = startBatchLoop({ runBatch: async () => 0, batchSize: 50, idleMs: 1_000, onError: console.error });
 * await stop();
 * ```
 */
export function startBatchLoop(options: BatchLoopOptions): () => Promise<void> {
  let isStopping = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!isStopping) {
      let taken = 0;
      try {
        taken = await options.runBatch();
      } catch (error) {
        options.onError(error);
      }
      if (taken < options.batchSize && !isStopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.idleMs);
          timer.unref();
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return async () => {
    isStopping = true;
    wake?.();
    await loop;
  };
}
