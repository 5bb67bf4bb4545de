// The server's keys through the built command line: `homeward keys generate` and `rotate` make the file
// production reads; demo mode makes its own on first start; a bad file stops start-up with exit code 2.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getJson } from './support/http.js';
import {
  copyDataFolder,
  makeTemporaryFolder,
  prepareDemoDataFolder,
  removeFolder,
  requireBuiltCli,
  runCli,
  startServer,
} from './support/server-process.js';

interface KeyFile {
  format: string;
  signing: { kid: string; d: string }[];
  encryption: { kid: string; d: string }[];
  hmac: { kid: string; key: string }[];
  field: { kid: string; key: string }[];
}

const isPosix = process.platform !== 'win32';
let template = '';
beforeAll(async () => {
  requireBuiltCli();
  template = await prepareDemoDataFolder();
});
afterAll(() => removeFolder(template));

async function publishedKids(url: string): Promise<string[]> {
  const { status, body } = await getJson(`${url}/.well-known/jwks.json`);
  expect(status).toBe(200);
  const keys = (body as { keys: Record<string, unknown>[] }).keys;
  for (const key of keys) expect(key).not.toHaveProperty('d');
  return keys.map((key) => key.kid as string);
}

describe('production keys', () => {
  test('generate prints a key file; serve publishes its public keys; after rotate it publishes old and new', async () => {
    const generated = await runCli(['keys', 'generate']);
    expect(generated.code).toBe(0);
    const material = JSON.parse(generated.stdout) as KeyFile;
    expect(material.format).toBe('homeward-keys/1');
    const keysFile = join(makeTemporaryFolder(), 'keys.json');
    writeFileSync(keysFile, generated.stdout, { mode: 0o600 });
    const environment = { PORT: '0', HOMEWARD_DATA_DIR: copyDataFolder(template), HOMEWARD_KEYS_FILE: keysFile };

    const first = await startServer([], environment);
    const before = await publishedKids(first.url);
    expect(before).toEqual([material.signing[0]?.kid, material.encryption[0]?.kid]);
    expect(await first.stop()).toBe(0);

    const rotated = await runCli(['keys', 'rotate', '--file', keysFile]);
    expect(rotated.code, rotated.stderr).toBe(0);
    const after = JSON.parse(readFileSync(keysFile, 'utf8')) as KeyFile;
    expect(rotated.stdout).not.toContain(after.signing[0]?.d);
    if (isPosix) expect(statSync(keysFile).mode & 0o777).toBe(0o600);

    const second = await startServer([], environment);
    expect(await publishedKids(second.url)).toEqual([
      after.signing[0]?.kid,
      material.signing[0]?.kid,
      after.encryption[0]?.kid,
      material.encryption[0]?.kid,
    ]);
    expect(await second.stop()).toBe(0);
  });

  test('a damaged key file stops serve with exit code 2 and names the file, echoing no key material', async () => {
    const keysFile = join(makeTemporaryFolder(), 'keys.json');
    expect((await runCli(['keys', 'generate', '--file', keysFile])).code).toBe(0);
    const material = JSON.parse(readFileSync(keysFile, 'utf8')) as KeyFile;
    const damaged = { ...material, hmac: [{ kid: material.hmac[0]?.kid, key: `${material.hmac[0]?.key}==` }] };
    writeFileSync(keysFile, JSON.stringify(damaged));
    const outcome = await runCli(['serve'], {
      PORT: '0',
      HOMEWARD_DATA_DIR: makeTemporaryFolder(),
      HOMEWARD_KEYS_FILE: keysFile,
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    const lines = outcome.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `homeward: configuration: HOMEWARD_KEYS_FILE=${JSON.stringify(keysFile)} is not a usable key file: /hmac/0/key must be 32 bytes as unpadded base64url (43 characters)`,
    ]);
    for (const secret of [material.hmac[0]?.key, material.signing[0]?.d, material.field[0]?.key]) {
      expect(outcome.stderr).not.toContain(secret);
    }
  });

  test.skipIf(!isPosix)('a key file other accounts may change stops serve with exit code 2', async () => {
    const keysFile = join(makeTemporaryFolder(), 'keys.json');
    expect((await runCli(['keys', 'generate', '--file', keysFile])).code).toBe(0);
    chmodSync(keysFile, 0o666);
    const outcome = await runCli(['serve'], {
      PORT: '0',
      HOMEWARD_DATA_DIR: makeTemporaryFolder(),
      HOMEWARD_KEYS_FILE: keysFile,
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/other accounts may change it \(mode 666\); run chmod 600 on it\n$/);
  });
});

describe('demo keys', () => {
  test('the first demo start writes keys.json (0600) into the data folder; a restart publishes the same keys', async () => {
    const dataFolder = copyDataFolder(template);
    const environment = { PORT: '0', HOMEWARD_DATA_DIR: dataFolder };
    const first = await startServer(['--demo'], environment);
    const before = await publishedKids(first.url);
    expect(await first.stop()).toBe(0);
    const keysFile = join(dataFolder, 'keys.json');
    if (isPosix) expect(statSync(keysFile).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(keysFile, 'utf8')) as KeyFile;
    expect(before).toEqual([written.signing[0]?.kid, written.encryption[0]?.kid]);

    const second = await startServer(['--demo'], environment);
    expect(await publishedKids(second.url)).toEqual(before);
    expect(await second.stop()).toBe(0);
  });
});
