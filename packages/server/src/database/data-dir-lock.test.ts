import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'homeward-lock-'));

/** A pid that is certainly not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

describe('the embedded database folder lock', () => {
  test('a second owner is refused while a live process holds the folder', async () => {
    const folder = freshFolder();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(folder, 'homeward.lock'), String(holder.pid));
      expect(() => lockDataDir(folder)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(folder)).toThrow(/in use by process \d+/);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  test('a lock left by a process that died is taken over', async () => {
    const folder = freshFolder();
    writeFileSync(join(folder, 'homeward.lock'), String(await deadPid()));
    const lock = lockDataDir(folder);
    expect(readFileSync(join(folder, 'homeward.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(existsSync(join(folder, 'homeward.lock'))).toBe(false);
  });

  test('releasing leaves a lock that another process has since taken', () => {
    const folder = freshFolder();
    const lock = lockDataDir(folder);
    writeFileSync(join(folder, 'homeward.lock'), '1');
    lock.release();
    expect(readFileSync(join(folder, 'homeward.lock'), 'utf8')).toBe('1');
  });
});
