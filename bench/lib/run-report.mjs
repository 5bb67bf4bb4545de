// What every bench records besides its numbers: the machine, the commit, and how busy the machine was
// before and after, written to bench/results/<bench>-<ISO timestamp>.json (git-ignored).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** Notes the machine's state now; `finish` writes the report and prints where it went. */
export function startRunReport(benchName) {
  const startedAt = new Date();
  const loadAverageAtStart = loadavg();
  const cpuPressureAtStart = readCpuPressure();
  return {
    /**
     * @param {unknown} settings
     * @param {unknown[]} databases
     */
    finish(settings, databases) {
      const report = {
        bench: benchName,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        settings,
        gitCommit: readGitCommit(),
        machine: {
          cpuCount: cpus().length,
          cpuModel: cpus()[0]?.model ?? 'unknown',
          totalMemoryBytes: totalmem(),
          platform: process.platform,
          arch: process.arch,
          osRelease: release(),
          nodeVersion: process.version,
          loadAverageAtStart,
          loadAverageAtEnd: loadavg(),
          cpuPressureAtStart,
          cpuPressureAtEnd: readCpuPressure(),
        },
        databases,
      };
      const resultsDir = new URL('../results/', import.meta.url);
      mkdirSync(resultsDir, { recursive: true });
      const resultsFile = new URL(`${benchName}-${startedAt.toISOString().replaceAll(':', '-')}.json`, resultsDir);
      writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(
        `\nbefore the run: load average ${formatLoad(loadAverageAtStart)}, CPU pressure ${cpuPressureAtStart ?? '?'}% of the last minute; after: ${formatLoad(loadavg())}, ${readCpuPressure() ?? '?'}%\n`,
      );
      // The bench itself keeps two cores busy, so only the state before it started tells whether something else ran.
      if (loadAverageAtStart[0] > cpus().length / 2) {
        process.stdout.write(
          'the machine was already busy: trust a ratio only as far as its per-round spread allows\n',
        );
      }
      process.stdout.write(`results written to ${resultsFile.pathname}\n`);
    },
  };
}

/**
 * Linux's share of the last minute in which some runnable task waited for a CPU: a direct measure of a noisy neighbour.
 * @returns {number | null} percent, or null where /proc/pressure is unavailable
 */
function readCpuPressure() {
  try {
    const match = /^some avg10=[\d.]+ avg60=([\d.]+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** The commit the bench ran on (the work tree may hold uncommitted changes too), or null outside a git checkout. */
function readGitCommit() {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** @param {readonly number[]} load */
function formatLoad(load) {
  return load.map((value) => value.toFixed(2)).join(', ');
}
