// Key files: production reads HOMEWARD_KEYS_FILE; demo mode generates `<dataDir>/keys.json` on first
// start and reuses it, so sessions, keyed hashes and encrypted fields survive a restart.
// See docs/decisions/0006-keys-and-secrets.md.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type Config, ConfigError, variables } from '../config/config.js';
import { findKeyMaterialProblems } from './key-material-schema.js';
import { createKeyRing, generateKeyMaterial, type KeyMaterial, type KeyRing } from './key-ring.js';

/** Where demo mode keeps the keys it generates. */
export const demoKeysFileName = 'keys.json';

/** Large enough for hundreds of rotated keys; a bigger file is not a key file. */
const maximumBytes = 1024 * 1024;

export interface LoadKeyRingOptions {
  /** Told about a key file that works but should be tightened (readable by other accounts). */
  readonly onWarning?: (message: string) => void;
}

/**
 * The server's key ring: from `config.keysFile` when set; otherwise, in demo mode only, from
 * `<dataDir>/keys.json`, generated on first start. Throws a {@link ConfigError} naming the file and
 * what is wrong with it; the message never contains key material.
 *
 * ```ts
 * const keys = await loadKeyRing(loadConfig(process.env));
 * ```
 */
export async function loadKeyRing(config: Config, options: LoadKeyRingOptions = {}): Promise<KeyRing> {
  if (config.keysFile !== undefined) return createKeyRing(await readKeyFile(config.keysFile, options));
  if (!config.isDemo) {
    throw new ConfigError([
      `HOMEWARD_KEYS_FILE is required outside demo mode: ${variables.HOMEWARD_KEYS_FILE.allowed}`,
    ]);
  }
  const path = join(config.dataDir, demoKeysFileName);
  if (!(await exists(path))) {
    await mkdir(config.dataDir, { recursive: true });
    // Two processes starting at once must end up with the same keys: only the first write lands.
    await writeKeyFileAtomically(path, generateKeyMaterial(), { mayReplace: false });
  }
  return createKeyRing(await readKeyFile(path, options));
}

/**
 * Reads and checks a key file. Refuses a file other accounts may write (they could swap in their own
 * keys); warns about one they may read, which container secret mounts often are.
 */
export async function readKeyFile(path: string, options: LoadKeyRingOptions = {}): Promise<KeyMaterial> {
  const named = `HOMEWARD_KEYS_FILE=${JSON.stringify(path)}`;
  const refuse = (reasons: readonly string[]): never => {
    throw new ConfigError(reasons.map((reason) => `${named} is not a usable key file: ${reason}`));
  };
  let details: Awaited<ReturnType<typeof stat>>;
  try {
    details = await stat(path);
  } catch (error) {
    return refuse([isMissing(error) ? 'it does not exist' : 'it cannot be read']);
  }
  if (!details.isFile()) refuse(['it is not a regular file']);
  if (details.size > maximumBytes) refuse(['it is larger than 1 MiB']);
  if (process.platform !== 'win32') {
    if ((details.mode & 0o022) !== 0) {
      refuse([`other accounts may change it (mode ${modeOf(details.mode)}); run chmod 600 on it`]);
    }
    if ((details.mode & 0o044) !== 0) {
      options.onWarning?.(
        `${named} may be read by other accounts (mode ${modeOf(details.mode)}); chmod 600 or 400 it unless only this service runs here`,
      );
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    // JSON.parse quotes the text around a syntax error, which could be key bytes: say only what failed.
    return refuse([error instanceof SyntaxError ? 'it is not valid JSON' : 'it cannot be read']);
  }
  const problems = findKeyMaterialProblems(parsed);
  if (problems.length > 0) refuse(problems);
  return parsed as KeyMaterial;
}

export interface WriteKeyFileOptions {
  /** false: leave an existing file untouched (the first writer wins). */
  readonly mayReplace: boolean;
  /** File mode; 0600 unless given. */
  readonly mode?: number;
}

/**
 * Writes key material so that a reader sees the old file or the new one, never half of one: a temporary
 * file in the same folder, flushed to disk, then renamed (or hard-linked when it must not replace).
 * Returns whether this call wrote the file.
 */
export async function writeKeyFileAtomically(
  path: string,
  material: KeyMaterial,
  options: WriteKeyFileOptions,
): Promise<boolean> {
  const target = resolve(path);
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temporary, 'wx', options.mode ?? 0o600);
  try {
    await file.writeFile(`${JSON.stringify(material, null, 2)}\n`, 'utf8');
    // The umask may have narrowed the mode given to open; a rotated file keeps exactly its old mode.
    await file.chmod(options.mode ?? 0o600);
    await file.sync();
  } finally {
    await file.close();
  }
  let isWritten = true;
  try {
    if (options.mayReplace) {
      await rename(temporary, target);
    } else {
      try {
        await link(temporary, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        isWritten = false;
      }
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  if (isWritten) await syncFolder(folder);
  return isWritten;
}

/** Makes the rename itself durable; some platforms cannot open a folder for syncing, which is harmless. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here (Windows); the rename is still atomic.
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function modeOf(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0');
}
