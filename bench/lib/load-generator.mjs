// Child process that drives one autocannon run, so the load generator never shares the server's event loop.
// Started by load.mjs with one JSON argument; answers with one IPC message and exits.
import autocannon from 'autocannon';

/** Enough for 100,000 requests/s for 20 s; past it, later latencies are not kept (the count still is). */
const maxLatencySamples = 2_000_000;

/** @type {{ url: string, connections: number, seconds: number, headers?: Record<string, string> }} */
const request = JSON.parse(process.argv[2] ?? '{}');
/** @type {number[]} */
const latenciesMicros = [];

// autocannon's own histogram rounds to whole milliseconds, too coarse for loopback requests;
// its 'response' event carries the high-resolution duration.
const instance = autocannon(
  { url: request.url, connections: request.connections, duration: request.seconds, headers: request.headers ?? {} },
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
