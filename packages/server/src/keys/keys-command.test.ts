import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, onTestFinished, test } from 'vitest';
import { ConfigError } from '../config/config.js';
import { findKeyMaterialProblems } from './key-material-schema.js';
import { createKeyRing, generateKeyMaterial, type KeyMaterial } from './key-ring.js';
import { KeyRetirementError } from './key-rotation.js';
import { keysCommand } from './keys-command.js';

const isPosix = process.platform !== 'win32';

/** Runs `homeward keys …args` in process and returns what it printed. */
async function runKeys(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const keys = keysCommand({
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  const program = new Command('homeward').addCommand(keys);
  // Commander exits the process on a usage error; here it throws instead, and says nothing on stderr.
  for (const command of [program, keys, ...keys.commands]) {
    command.exitOverride().configureOutput({ writeErr: () => undefined });
  }
  await program.parseAsync(['keys', ...args], { from: 'user' });
  return { stdout, stderr };
}

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'homeward-keys-command-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

function keyFile(material: KeyMaterial = generateKeyMaterial(), mode = 0o600): string {
  const path = join(temporaryFolder(), 'keys.json');
  writeFileSync(path, JSON.stringify(material));
  chmodSync(path, mode);
  return path;
}

const readMaterial = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as KeyMaterial;
const kinds = ['signing', 'encryption', 'hmac', 'field'] as const;

describe('homeward keys generate', () => {
  test('prints a fresh, valid key file with one key of every kind, different each time', async () => {
    const first = JSON.parse((await runKeys('generate')).stdout) as KeyMaterial;
    const second = JSON.parse((await runKeys('generate')).stdout) as KeyMaterial;
    expect(findKeyMaterialProblems(first)).toEqual([]);
    for (const kind of kinds) expect(first[kind]).toHaveLength(1);
    expect(first.hmac[0]?.key).not.toBe(second.hmac[0]?.key);
  });

  test('--file writes a new file readable only by its owner and refuses to overwrite one', async () => {
    const path = join(temporaryFolder(), 'keys.json');
    const { stdout } = await runKeys('generate', '--file', path);
    const material = readMaterial(path);
    if (isPosix) expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(stdout).toContain(material.field[0]?.kid as string);
    expect(stdout).not.toContain(material.field[0]?.key as string);
    await expect(runKeys('generate', '--file', path)).rejects.toThrow(/exists already/);
    expect(readMaterial(path)).toEqual(material);
  });
});

describe('homeward keys rotate', () => {
  test('puts a new key of every kind in front, keeps the old ones, and prints key ids only', async () => {
    const original = generateKeyMaterial();
    const path = keyFile(original);
    const sealedBefore = createKeyRing(original).encryptField('K1234567Q', 'row');
    const { stdout } = await runKeys('rotate', '--file', path);
    const rotated = readMaterial(path);
    for (const kind of kinds) {
      expect(rotated[kind]).toHaveLength(2);
      expect(rotated[kind][1]).toEqual(original[kind][0]);
      expect(stdout).toMatch(new RegExp(`${kind}\\s+${rotated[kind][0]?.kid} \\(current\\) ${original[kind][0]?.kid}`));
    }
    expect(stdout).not.toContain(rotated.hmac[0]?.key as string);
    const keys = createKeyRing(rotated);
    expect(keys.decryptField(sealedBefore, 'row')).toBe('K1234567Q');
    expect(keys.encryptField('x').split('.')[1]).toBe(rotated.field[0]?.kid);
    expect(readdirSync(join(path, '..'))).toEqual(['keys.json']);
  });

  test('keeps the mode of the file it rotates', async () => {
    const path = keyFile(generateKeyMaterial(), 0o400);
    await runKeys('rotate', '--file', path);
    if (isPosix) expect(statSync(path).mode & 0o777).toBe(0o400);
    expect(readMaterial(path).signing).toHaveLength(2);
  });

  test('refuses a broken key file and leaves it alone', async () => {
    const path = keyFile();
    writeFileSync(path, '{"format":"homeward-keys/1"}');
    await expect(runKeys('rotate', '--file', path)).rejects.toBeInstanceOf(ConfigError);
    expect(readFileSync(path, 'utf8')).toBe('{"format":"homeward-keys/1"}');
  });

  test('needs --file', async () => {
    await expect(runKeys('rotate')).rejects.toThrow(/--file/);
  });
});

describe('homeward keys retire and list', () => {
  test('retires an old key by id and refuses the current one', async () => {
    const path = keyFile();
    await runKeys('rotate', '--file', path);
    const rotated = readMaterial(path);
    const oldHmac = rotated.hmac[1]?.kid as string;
    await expect(runKeys('retire', '--file', path, '--kid', rotated.hmac[0]?.kid as string)).rejects.toBeInstanceOf(
      KeyRetirementError,
    );
    await runKeys('retire', '--file', path, '--kid', oldHmac);
    const retired = readMaterial(path);
    expect(retired.hmac.map((key) => key.kid)).toEqual([rotated.hmac[0]?.kid]);
    expect(retired.field).toEqual(rotated.field);
    await expect(runKeys('retire', '--file', path, '--kid', oldHmac)).rejects.toThrow(/no key has the id/);
  });

  test('lists key ids by kind without key material, warning about a file others may read', async () => {
    const material = generateKeyMaterial();
    const path = keyFile(material, 0o644);
    const { stdout, stderr } = await runKeys('list', '--file', path);
    for (const kind of kinds) expect(stdout).toContain(`${material[kind][0]?.kid} (current)`);
    expect(stdout).not.toContain(material.signing[0]?.d as string);
    if (isPosix) expect(stderr).toMatch(/^homeward: warning: .*may be read by other accounts/);
  });
});
