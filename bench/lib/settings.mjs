// Bench settings read from the environment: every number is positive, or the run stops before it starts.

/** The HTTP benches' settings (see bench/README.md for what each one means). */
export function readLoadSettings() {
  const seconds = readPositiveNumber('BENCH_SECONDS', 10);
  return {
    seconds,
    warmupSeconds: readPositiveNumber('BENCH_WARMUP_SECONDS', 2),
    connections: Math.round(readPositiveNumber('BENCH_CONNECTIONS', 10)),
    // Many short rounds spread a noisy neighbour over every variant; each run lasts at least a second.
    rounds: Math.max(1, Math.min(Math.round(readPositiveNumber('BENCH_ROUNDS', 5)), Math.floor(seconds))),
  };
}

/**
 * @param {string} name
 * @param {number} fallback
 */
export function readPositiveNumber(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${text}`);
  return value;
}
