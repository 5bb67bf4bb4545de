// Runs load against one URL from a separate process and summarises runs as requests/s and latency percentiles.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const generatorPath = fileURLToPath(new URL('./load-generator.mjs', import.meta.url));

/**
 * @typedef {{ seconds: number, ok: number, non2xx: number, errors: number, timeouts: number, latenciesMicros: number[] }} LoadRun
 * @typedef {{ requestsPerSecond: number, p50Ms: number, p99Ms: number, requests: number, seconds: number, failures: number }} LoadSummary
 */

/**
 * One autocannon run in a child process; the child is killed if it outlives its run by 30 s.
 * @param {{ url: string, connections: number, seconds: number, headers?: Record<string, string>, targetsFile?: string }} request
 *   targetsFile: a JSON list of requests sent round-robin, each with a fresh Idempotency-Key (see load-generator.mjs)
 * @returns {Promise<LoadRun>}
 */
export function runLoad(request) {
  return new Promise((resolve, reject) => {
    const child = fork(generatorPath, [JSON.stringify(request)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    /** @type {LoadRun | undefined} */
    let run;
    let failure = '';
    const timer = setTimeout(
      () => {
        failure = `load generator still running after ${request.seconds + 30} s`;
        child.kill('SIGKILL');
      },
      (request.seconds + 30) * 1000,
    );
    child.on('message', (message) => {
      const answer = /** @type {LoadRun & { error?: string }} */ (message);
      if (answer.error) failure = answer.error;
      else run = answer;
    });
    child.on('error', (error) => {
      failure = String(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (run) resolve(run);
      else reject(new Error(`load generator failed (exit ${code}): ${failure || 'no result'}`));
    });
  });
}

/**
 * Several runs of the same variant as one: requests over total time, percentiles over every latency.
 * @param {readonly LoadRun[]} runs
 * @returns {LoadSummary}
 */
export function summariseRuns(runs) {
  const requests = runs.reduce((sum, run) => sum + run.ok, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const failures = runs.reduce((sum, run) => sum + run.non2xx + run.errors + run.timeouts, 0);
  const latencies = Float64Array.from(runs.flatMap((run) => run.latenciesMicros)).sort();
  return {
    requestsPerSecond: seconds > 0 ? requests / seconds : 0,
    p50Ms: percentile(latencies, 50) / 1000,
    p99Ms: percentile(latencies, 99) / 1000,
    requests,
    seconds,
    failures,
  };
}

/**
 * Nearest-rank percentile of sorted values.
 * @param {Float64Array} sorted
 * @param {number} rank
 */
function percentile(sorted, rank) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1))];
}
