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
     * @param {string} [markdown] the bench's figures as Markdown, written beside the JSON under a machine header
     */
    finish(settings, databases, markdown) {
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
      const markdownFile = new URL(resultsFile.href.replace(/\.json$/, '.md'));
      if (markdown !== undefined) writeFileSync(markdownFile, markdownReport(report, markdown));
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
      if (markdown !== undefined) process.stdout.write(`and ${markdownFile.pathname}\n`);
    },
  };
}

/**
 * Merges figures into bench/results/latest.json, keeping the keys other benches wrote there.
 * @param {Record<string, unknown>} figures
 */
export function mergeLatestFigures(figures) {
  const resultsDir = new URL('../results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  const latestFile = new URL('latest.json', resultsDir);
  /** @type {Record<string, unknown>} */
  let latest = {};
  try {
    latest = JSON.parse(readFileSync(latestFile, 'utf8'));
  } catch {
    // none yet (or unreadable): start afresh
  }
  writeFileSync(latestFile, `${JSON.stringify({ ...latest, ...figures }, null, 2)}\n`);
  process.stdout.write(`latest figures merged into ${latestFile.pathname}\n`);
}

/**
 * @param {{ bench: string, startedAt: string, gitCommit: string | null, machine: Record<string, any>, databases: unknown[] }} report
 * @param {string} body
 */
function markdownReport(report, body) {
  const { machine } = report;
  const versions = report.databases
    .map((database) => /** @type {{ version?: unknown }} */ (database)?.version)
    .filter((version) => typeof version === 'string');
  const lines = [
    `# ${report.bench}, ${report.startedAt}`,
    '',
    `- machine: ${machine.cpuCount} CPUs (nproc) ${machine.cpuModel}, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB memory, ${machine.platform} ${machine.osRelease}`,
    `- Node ${machine.nodeVersion}; ${versions.length > 0 ? versions.join('; ') : 'no database'}`,
    `- load average before ${formatLoad(machine.loadAverageAtStart)}, after ${formatLoad(machine.loadAverageAtEnd)}; CPU pressure before ${machine.cpuPressureAtStart ?? '?'}%, after ${machine.cpuPressureAtEnd ?? '?'}%`,
    `- commit ${report.gitCommit ?? 'unknown'} (the work tree may hold uncommitted changes)`,
    '',
    body.trimEnd(),
    '',
  ];
  return lines.join('\n');
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
