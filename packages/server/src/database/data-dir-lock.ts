// The embedded database belongs to one process at a time: two PGlite instances writing one folder
// would corrupt it. A lock file holding the owner's pid keeps a second server out; a lock left by a
// process that died (kill -9, power loss) is taken over, since that process can no longer write.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(folder: string): DataDirLock {
  const path = join(folder, 'homeward.lock');
  if (!tryCreate(path)) {
    const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new DataDirInUseError(
        `the embedded database in ${folder} is in use by process ${owner}; stop it first, or set DATABASE_URL to run several processes on PostgreSQL`,
      );
    }
    writeFileSync(path, String(process.pid));
  }
  return {
    release: () => {
      if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path, { force: true });
    },
  };
}

function tryCreate(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
