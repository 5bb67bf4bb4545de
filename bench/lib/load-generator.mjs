// Child process that drives one autocannon run, so the load generator never shares the server's event loop.
// Started by load.mjs with one JSON argument; answers with one IPC message and exits.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** Enough for 100,000 requests/s for 20 s; past it, later latencies are not kept (the count still is). */
const maxLatencySamples = 2_000_000;

/**
 * `targetsFile`, when given, names a JSON file of requests ({ method, path, headers, body }) sent in turn across
 * every connection, each with a fresh `idempotency-key` header: many distinct resources instead of one URL.
 * @type {{ url: string, connections: number, seconds: number, headers?: Record<string, string>, targetsFile?: string }}
 */
const request = JSON.parse(process.argv[2] ?? '{}');
/** @type {number[]} */
const latenciesMicros = [];

/** @type {{ method: string, path: string, headers: Record<string, string>, body: string }[]} */
const targets = request.targetsFile ? JSON.parse(readFileSync(request.targetsFile, 'utf8')) : [];
let nextTarget = 0;
/** One counter for every connection, so the targets are visited round-robin across the whole run. */
const setupRequest = (/** @type {Record<string, unknown>} */ raw) => {
  const target = targets[nextTarget % targets.length];
  nextTarget += 1;
  return {
    ...raw,
    method: target.method,
    path: target.path,
    headers: { ...target.headers, 'idempotency-key': randomUUID() },
    body: target.body,
  };
};

// autocannon's own histogram rounds to whole milliseconds, too coarse for loopback requests;
// its 'response' event carries the high-resolution duration.
const instance = autocannon(
  {
    url: request.url,
    connections: request.connections,
    duration: request.seconds,
    headers: request.headers ?? {},
    ...(targets.length > 0 && { requests: [{ setupRequest }] }),
  },
  (error, result) => {
    if (error) {
      process.send?.({ error: String(error) }, () => process.disconnect());
      return;
    }
    process.send?.(
      {
        seconds: (result.finish.getTime() - result.start.getTime()) / 1000,
        ok: result['2xx'],
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        latenciesMicros,
      },
      () => process.disconnect(),
    );
  },
);

instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
  if (statusCode >= 200 && statusCode < 300 && latenciesMicros.length < maxLatencySamples) {
    latenciesMicros.push(Math.round(responseTimeMs * 1000));
  }
});
