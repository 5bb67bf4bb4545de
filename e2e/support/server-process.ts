// Runs the built `homeward` CLI as a child process for end-to-end tests, and makes sure that
// every process it starts is killed, and every temporary folder removed, when the test ends.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

export const repositoryRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const cliPath = join(repositoryRoot, 'packages/server/dist/cli.js');

export interface CliOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ServerProcess {
  /** The base URL the server printed, without a trailing slash, e.g. http://localhost:41234. */
  readonly url: string;
  readonly process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Sends the signal and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();
/** Each child's exit code, known once it has exited and its output streams have closed. */
const closed = new WeakMap<ChildProcess, Promise<number | null>>();
// A safety net for a worker that dies without running test hooks: no server outlives the test run.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Fails with a clear message when the server has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);
}

/** Fails with a clear message when an app the server serves (citizen at `/`, console at `/console/`) has not been built. */
export function requireBuiltApps(): void {
  for (const app of ['citizen', 'console']) {
    if (!existsSync(join(repositoryRoot, 'apps', app, 'dist/index.html'))) {
      throw new Error(`apps/${app}/dist is missing: run npm run build first`);
    }
  }
}

/** A fresh temporary folder, removed when the current test finishes (outside a test: call `remove`). */
export function makeTemporaryFolder(prefix = 'homeward-e2e-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  whenTestFinishes(() => removeFolder(folder));
  return folder;
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * A data folder on which `homeward seed-demo` has already run, for tests that need a populated
 * embedded database but not the ten seconds PGlite takes to create one. Call it in beforeAll.
 */
export async function prepareDemoDataFolder(): Promise<string> {
  const folder = makeTemporaryFolder('homeward-e2e-template-');
  const seeded = await runCli(['seed-demo'], { HOMEWARD_DEMO: 'true', HOMEWARD_DATA_DIR: folder });
  if (seeded.code !== 0) throw new Error(`seed-demo failed (${seeded.code}): ${seeded.stdout}${seeded.stderr}`);
  return folder;
}

/** A private copy of a prepared data folder, removed when the current test finishes. */
export function copyDataFolder(template: string): string {
  const folder = makeTemporaryFolder();
  cpSync(template, folder, { recursive: true });
  return folder;
}

/**
 * A fresh key file made by the built CLI (`homeward keys generate --file`), as an operator makes one
 * for production; removed when the current test finishes.
 */
export async function makeKeyFile(): Promise<string> {
  const path = join(makeTemporaryFolder('homeward-e2e-keys-'), 'keys.json');
  const generated = await runCli(['keys', 'generate', '--file', path]);
  if (generated.code !== 0) throw new Error(`keys generate failed (${generated.code}): ${generated.stderr}`);
  return path;
}

/**
 * Starts the CLI with `env` on top of a clean environment (PATH and HOME only), so settings of the
 * shell running the tests (HOMEWARD_*, DATABASE_URL, PORT) never leak into the process under test.
 */
export function spawnCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): ChildProcess {
  requireBuiltCli();
  const cleanEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/' };
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: repositoryRoot,
    env: { ...cleanEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  closed.set(child, new Promise((resolveClose) => child.once('close', (code) => resolveClose(code))));
  whenTestFinishes(() => killNow(child));
  return child;
}

/** Runs a CLI command to its end and returns its exit code and output. */
export async function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  timeoutMs = 60_000,
): Promise<CliOutcome> {
  const child = spawnCli(args, env);
  const output = collectOutput(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const code = await exitOf(child);
    return { code, stdout: output.stdout(), stderr: output.stderr() };
  } finally {
    clearTimeout(timer);
  }
}

/** Starts `homeward serve` and waits until it prints the citizen app's URL. */
export async function startServer(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const child = spawnCli(['serve', ...args], env);
  const output = collectOutput(child);
  const url = await new Promise<string>((resolveUrl, reject) => {
    const describe = (what: string) =>
      `${what}\n--- stdout ---\n${output.stdout()}\n--- stderr ---\n${output.stderr()}`;
    const timer = setTimeout(() => {
      cleanUp();
      killNow(child);
      reject(new Error(describe(`homeward serve printed no URL within ${timeoutMs} ms`)));
    }, timeoutMs);
    const onData = () => {
      const match = /^ {2}Citizen app\s+(http:\/\/\S+?)\/?$/m.exec(output.stdout());
      if (match?.[1] === undefined) return;
      cleanUp();
      resolveUrl(match[1]);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanUp();
      reject(new Error(describe(`homeward serve exited (code ${code}, signal ${signal}) before printing a URL`)));
    };
    const cleanUp = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
  return {
    url,
    process: child,
    stdout: output.stdout,
    stderr: output.stderr,
    stop: async (signal = 'SIGTERM') => {
      const exited = exitOf(child);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Resolves with the exit code (null when a signal ended the process) once all its output is read. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  const exited = closed.get(child);
  if (exited === undefined) throw new Error('not a process started by spawnCli');
  return exited;
}

/** The JSON log lines among a server's standard output, skipping the human-readable banner. */
export function logLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Collects a child's standard output and error as they arrive. */
export function collectOutput(child: ChildProcess) {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return { stdout: () => stdout, stderr: () => stderr };
}

/**
 * Runs `cleanUp` when the current test finishes, pass or fail. Outside a test (beforeAll) there is
 * no test to attach to; there the caller awaits the process or removes the folder itself.
 */
function whenTestFinishes(cleanUp: () => unknown): void {
  try {
    onTestFinished(async () => {
      await cleanUp();
    });
  } catch {
    // Not inside a test.
  }
}

function killNow(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = exitOf(child);
  child.kill('SIGKILL');
  return exited;
}

/** Waits until the server's standard output contains `text`. */
export async function waitForOutput(server: ServerProcess, text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.stdout().includes(text)) {
    if (Date.now() > deadline)
      throw new Error(`no "${text}" in the output within ${timeoutMs} ms:\n${server.stdout()}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}
