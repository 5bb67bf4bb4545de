// Measures HTTP variants against the floor in alternating rounds and reports each as a ratio to the floor.
import { runLoad, summariseRuns } from './load.mjs';

/**
 * @typedef {{ name: string, label: string }} Variant the first variant of a list is the floor
 * @typedef {import('./load.mjs').LoadSummary & { roundThroughputRatios: number[] }} RoundsSummary
 * @typedef {{ seconds: number, warmupSeconds: number, connections: number, rounds: number }} LoadSettings
 */

/**
 * Warms every variant up, then measures them in rounds whose order alternates (floor, app, silent; silent,
 * app, floor; …) so that drift in the machine's load falls on every variant alike.
 * @param {readonly Variant[]} variants
 * @param {(variantName: string) => string} urlOf
 * @param {LoadSettings} settings
 * @param {{ headers?: Record<string, string>, targetsFile?: string }} [requests] headers sent with every request, or a
 *   file of requests sent round-robin (see load-generator.mjs)
 * @returns {Promise<Record<string, RoundsSummary>>}
 */
export async function measureInRounds(variants, urlOf, settings, requests = {}) {
  const { connections } = settings;
  const load = (variantName, seconds) => runLoad({ url: urlOf(variantName), connections, seconds, ...requests });
  for (const variant of variants) await load(variant.name, settings.warmupSeconds);
  /** @type {Record<string, import('./load.mjs').LoadRun[]>} */
  const runs = Object.fromEntries(variants.map((variant) => [variant.name, []]));
  const seconds = settings.seconds / settings.rounds;
  for (let round = 0; round < settings.rounds; round += 1) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) runs[variant.name].push(await load(variant.name, seconds));
  }
  const floorRuns = runs[variants[0].name];
  return Object.fromEntries(
    variants.map((variant) => [
      variant.name,
      { ...summariseRuns(runs[variant.name]), roundThroughputRatios: roundRatios(runs[variant.name], floorRuns) },
    ]),
  );
}

/**
 * Throughput ratio to the floor's run of the same round, per round: their spread shows how noisy the machine was.
 * @param {readonly import('./load.mjs').LoadRun[]} runs
 * @param {readonly import('./load.mjs').LoadRun[]} floorRuns
 */
function roundRatios(runs, floorRuns) {
  return runs.map((run, round) => run.ok / run.seconds / (floorRuns[round].ok / floorRuns[round].seconds));
}

/**
 * Every variant but the floor, as throughput and p99 ratios to the floor.
 * @param {readonly Variant[]} variants
 * @param {Record<string, RoundsSummary>} summaries
 */
export function ratiosOf(variants, summaries) {
  const floor = summaries[variants[0].name];
  return Object.fromEntries(
    variants.slice(1).map((variant) => [
      variant.name,
      {
        throughput: summaries[variant.name].requestsPerSecond / floor.requestsPerSecond,
        p99: summaries[variant.name].p99Ms / floor.p99Ms,
      },
    ]),
  );
}

export function printHeader() {
  process.stdout.write(
    `${tableRow(['endpoint', 'variant', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ floor', 'per round', 'p99 ÷ floor'])}\n`,
  );
}

/**
 * @param {string} endpointName
 * @param {readonly Variant[]} variants
 * @param {Record<string, RoundsSummary>} summaries
 */
export function printVariants(endpointName, variants, summaries) {
  const ratios = ratiosOf(variants, summaries);
  for (const [index, variant] of variants.entries()) {
    const summary = summaries[variant.name];
    const ratio = ratios[variant.name] ?? { throughput: 1, p99: 1 };
    const cells = [
      index === 0 ? endpointName : '',
      variant.label + (summary.failures > 0 ? ` (${summary.failures} failed)` : ''),
      Math.round(summary.requestsPerSecond).toLocaleString('en'),
      summary.p50Ms.toFixed(2),
      summary.p99Ms.toFixed(2),
      ratio.throughput.toFixed(2),
      index === 0 ? '' : formatRange(summary.roundThroughputRatios),
      ratio.p99.toFixed(2),
    ];
    process.stdout.write(`${tableRow(cells)}\n`);
  }
}

/** @param {readonly string[]} cells */
function tableRow(cells) {
  const widths = [15, 24, 9, 8, 8, 14, 11, 12];
  return cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join(' ');
}

/** @param {readonly number[]} values */
export function formatRange(values) {
  return `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
}
