// The background workers' loop: full batches follow each other at once, a short one rests, a failed one is reported
// and the loop goes on, and stopping wakes a resting loop without waiting out its rest.
import { expect, test } from 'vitest';
import { startBatchLoop } from './batch-loop.js';

test('full batches run back to back, a short one rests, and stopping ends a resting loop at once', async () => {
  const sizes = [3, 3, 1, 3];
  const started: number[] = [];
  let stop: (() => Promise<void>) | undefined;
  const rested = new Promise<void>((resolve) => {
    stop = startBatchLoop({
      batchSize: 3,
      idleMs: 60_000,
      runBatch: async () => {
        started.push(Date.now());
        const size = sizes.shift() ?? 0;
        if (sizes.length === 1) setTimeout(resolve, 50);
        return size;
      },
      onError: () => {},
    });
  });
  await rested;
  // Two full batches and the short one ran; the fourth waits for the minute's rest.
  expect(started).toHaveLength(3);
  const before = Date.now();
  await stop?.();
  expect(Date.now() - before).toBeLessThan(1_000);
  expect(started).toHaveLength(3);
});

test('a batch that throws is reported and the loop carries on', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  let stop: (() => Promise<void>) | undefined;
  await new Promise<void>((resolve) => {
    stop = startBatchLoop({
      batchSize: 1,
      idleMs: 10,
      runBatch: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database unreachable');
        if (calls === 3) resolve();
        return 0;
      },
      onError: (error) => errors.push(error),
    });
  });
  await stop?.();
  expect(errors).toEqual([new Error('database unreachable')]);
  expect(calls).toBeGreaterThanOrEqual(3);
});
