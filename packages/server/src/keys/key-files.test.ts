import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { demoKeysFileName, loadKeyRing, readKeyFile, writeKeyFileAtomically } from './key-files.js';
import { generateKeyMaterial, type KeyMaterial } from './key-ring.js';

const isPosix = process.platform !== 'win32';

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'homeward-keys-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

function writeFile(folder: string, contents: unknown, mode = 0o600): string {
  const path = join(folder, 'keys.json');
  writeFileSync(path, typeof contents === 'string' ? contents : JSON.stringify(contents));
  chmodSync(path, mode);
  return path;
}

function productionConfig(keysFile: string) {
  return loadConfig({ HOMEWARD_KEYS_FILE: keysFile, HOMEWARD_DATA_DIR: temporaryFolder() });
}

async function problemsOf(promise: Promise<unknown>): Promise<readonly string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** Every secret string in the material: none may appear in an error message. */
function secretsOf(material: KeyMaterial): string[] {
  return [
    ...[...material.signing, ...material.encryption].map((key) => key.d as string),
    ...[...material.hmac, ...material.field].map((key) => key.key),
  ];
}

describe('production key files', () => {
  test('a file written by generateKeyMaterial loads into a working ring', async () => {
    const material = generateKeyMaterial();
    const keys = await loadKeyRing(productionConfig(writeFile(temporaryFolder(), material)));
    expect(keys.publicJwks().keys.map((key) => key.kid)).toEqual([
      material.signing[0]?.kid,
      material.encryption[0]?.kid,
    ]);
    expect(keys.keyedHash('national-id', 'S1234567D').keyId).toBe(material.hmac[0]?.kid);
    expect(keys.decryptField(keys.encryptField('secret', 'row'), 'row')).toBe('secret');
  });

  test('production without a key file is a configuration problem, even if the settings skipped the check', async () => {
    const config = loadConfig({ HOMEWARD_DATA_DIR: temporaryFolder() }, { requireSecrets: false });
    expect(await problemsOf(loadKeyRing(config))).toEqual([
      expect.stringMatching(/^HOMEWARD_KEYS_FILE is required outside demo mode/),
    ]);
    expect(readdirSync(config.dataDir)).toEqual([]);
  });

  test('a missing file is named', async () => {
    const path = join(temporaryFolder(), 'nowhere.json');
    expect(await problemsOf(readKeyFile(path))).toEqual([
      `HOMEWARD_KEYS_FILE=${JSON.stringify(path)} is not a usable key file: it does not exist`,
    ]);
  });

  test('a folder is not a key file', async () => {
    const folder = temporaryFolder();
    expect(await problemsOf(readKeyFile(folder))).toEqual([expect.stringMatching(/it is not a regular file$/)]);
  });

  test('a file that is not JSON is refused without quoting any of it', async () => {
    const material = generateKeyMaterial();
    const text = JSON.stringify(material).replace('"format"', 'format');
    const path = writeFile(temporaryFolder(), text);
    const problems = await problemsOf(readKeyFile(path));
    expect(problems).toEqual([
      `HOMEWARD_KEYS_FILE=${JSON.stringify(path)} is not a usable key file: it is not valid JSON`,
    ]);
  });

  test.each<[string, (material: KeyMaterial) => unknown, RegExp]>([
    ['not an object', () => [1, 2], /it must hold one JSON object/],
    ['another format', (m) => ({ ...m, format: 'homeward-keys/2' }), /\/format must be equal to constant/],
    ['no signing key', (m) => ({ ...m, signing: [] }), /\/signing must not have fewer than 1 items/],
    ['a missing field list', ({ field: _field, ...rest }) => rest, /the top level must have required properties field/],
    [
      'an RSA signing key',
      (m) => ({ ...m, signing: [{ ...m.signing[0], kty: 'RSA' }] }),
      /\/signing\/0\/kty must be equal to constant/,
    ],
    [
      'a short private scalar',
      (m) => ({ ...m, encryption: [{ ...m.encryption[0], d: 'c2hvcnQ' }] }),
      /\/encryption\/0\/d must be 32 bytes as unpadded base64url/,
    ],
    [
      'a symmetric key in standard base64 with padding',
      (m) => ({ ...m, hmac: [{ kid: 'h1', key: Buffer.alloc(32, 1).toString('base64') }] }),
      /\/hmac\/0\/key must be 32 bytes as unpadded base64url/,
    ],
    [
      'a key id with a dot',
      (m) => ({ ...m, field: [{ ...m.field[0], kid: 'a.b' }] }),
      /\/field\/0\/kid must match pattern/,
    ],
    ['an unknown field', (m) => ({ ...m, comment: 'x' }), /the top level has unknown fields: comment/],
    [
      'a private scalar that does not belong to the public point',
      (m) => ({ ...m, signing: [{ ...m.signing[0], d: generateKeyMaterial().signing[0]?.d }] }),
      /signing key "[^"]+" is not a valid P-256 private key/,
    ],
    [
      'a key id used twice',
      (m) => ({ ...m, field: [{ ...m.field[0], kid: m.hmac[0]?.kid }] }),
      /key id "[^"]+" appears more than once/,
    ],
  ])(
    '%s is refused with a one-line problem naming the file, echoing no key material',
    async (_name, change, expected) => {
      const material = generateKeyMaterial();
      const path = writeFile(temporaryFolder(), change(material));
      const problems = await problemsOf(loadKeyRing(productionConfig(path)));
      expect(problems.length).toBeGreaterThan(0);
      expect(
        problems.some((problem) => expected.test(problem)),
        problems.join('\n'),
      ).toBe(true);
      for (const problem of problems) {
        expect(problem.startsWith(`HOMEWARD_KEYS_FILE=${JSON.stringify(path)} is not a usable key file: `)).toBe(true);
        expect(problem).not.toContain('\n');
        for (const secret of secretsOf(material)) expect(problem).not.toContain(secret);
      }
    },
  );

  test('a file with many faults lists the first five and counts the rest', async () => {
    const junk = { format: 1, signing: 1, encryption: 1, hmac: 1, field: 1, a: 1, b: 1 };
    const problems = await problemsOf(readKeyFile(writeFile(temporaryFolder(), junk)));
    expect(problems).toHaveLength(6);
    expect(problems[5]).toMatch(/and \d+ more$/);
  });

  test.skipIf(!isPosix)('a file other accounts may change is refused: they could swap in their own keys', async () => {
    const path = writeFile(temporaryFolder(), generateKeyMaterial(), 0o662);
    expect(await problemsOf(readKeyFile(path))).toEqual([
      `HOMEWARD_KEYS_FILE=${JSON.stringify(path)} is not a usable key file: other accounts may change it (mode 662); run chmod 600 on it`,
    ]);
  });

  test.skipIf(!isPosix)('a file other accounts may read loads, with a warning', async () => {
    const path = writeFile(temporaryFolder(), generateKeyMaterial(), 0o644);
    const warnings: string[] = [];
    await readKeyFile(path, { onWarning: (warning) => warnings.push(warning) });
    expect(warnings).toEqual([expect.stringMatching(/may be read by other accounts \(mode 644\)/)]);
    const quiet: string[] = [];
    await readKeyFile(writeFile(temporaryFolder(), generateKeyMaterial(), 0o400), {
      onWarning: (warning) => quiet.push(warning),
    });
    expect(quiet).toEqual([]);
  });
});

describe('demo keys', () => {
  const demoConfig = (dataDir: string) => loadConfig({ HOMEWARD_DEMO: 'true', HOMEWARD_DATA_DIR: dataDir });

  test('the first start writes <dataDir>/keys.json, readable only by its owner, and nothing else', async () => {
    const dataDir = join(temporaryFolder(), 'data-not-yet-created');
    const keys = await loadKeyRing(demoConfig(dataDir));
    const path = join(dataDir, demoKeysFileName);
    if (isPosix) expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual([demoKeysFileName]);
    const written = JSON.parse(readFileSync(path, 'utf8')) as KeyMaterial;
    expect(written.signing[0]?.kid).toBe(keys.signingKeys[0]?.kid);
  });

  test('a restart reuses the keys, so hashes and encrypted fields written before still match and open', async () => {
    const dataDir = temporaryFolder();
    const first = await loadKeyRing(demoConfig(dataDir));
    const ciphertext = first.encryptField('K1234567Q', 'citizen:1:passport');
    const hash = first.keyedHash('national-id', 'S1234567D');
    const second = await loadKeyRing(demoConfig(dataDir));
    expect(second.decryptField(ciphertext, 'citizen:1:passport')).toBe('K1234567Q');
    expect(second.keyedHash('national-id', 'S1234567D')).toEqual(hash);
    expect(second.publicJwks()).toEqual(first.publicJwks());
  });

  test('two processes starting at once on a new folder end up with the same keys', async () => {
    const dataDir = temporaryFolder();
    const rings = await Promise.all(Array.from({ length: 5 }, () => loadKeyRing(demoConfig(dataDir))));
    const kids = new Set(rings.map((keys) => keys.publicJwks().keys[0]?.kid));
    expect(kids.size).toBe(1);
    expect(readdirSync(dataDir)).toEqual([demoKeysFileName]);
  });

  test('a damaged demo key file stops start-up instead of being replaced, which would orphan every hash', async () => {
    const dataDir = temporaryFolder();
    const path = writeFile(dataDir, '{"format":');
    expect(await problemsOf(loadKeyRing(demoConfig(dataDir)))).toEqual([
      `HOMEWARD_KEYS_FILE=${JSON.stringify(path)} is not a usable key file: it is not valid JSON`,
    ]);
    expect(readFileSync(path, 'utf8')).toBe('{"format":');
  });

  test('demo mode with HOMEWARD_KEYS_FILE uses that file and writes none of its own', async () => {
    const dataDir = temporaryFolder();
    const material = generateKeyMaterial();
    const keysFile = writeFile(temporaryFolder(), material);
    const keys = await loadKeyRing(
      loadConfig({ HOMEWARD_DEMO: 'true', HOMEWARD_DATA_DIR: dataDir, HOMEWARD_KEYS_FILE: keysFile }),
    );
    expect(keys.signingKeys[0]?.kid).toBe(material.signing[0]?.kid);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('atomic writes', () => {
  test('replacing a file keeps the mode asked for and leaves no temporary file behind', async () => {
    const folder = temporaryFolder();
    const path = writeFile(folder, generateKeyMaterial(), 0o640);
    const material = generateKeyMaterial();
    expect(await writeKeyFileAtomically(path, material, { mayReplace: true, mode: 0o640 })).toBe(true);
    if (isPosix) expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(material);
    expect(readdirSync(folder)).toEqual(['keys.json']);
  });

  test('without mayReplace an existing file is left as it was', async () => {
    const folder = temporaryFolder();
    const original = generateKeyMaterial();
    const path = writeFile(folder, original);
    expect(await writeKeyFileAtomically(path, generateKeyMaterial(), { mayReplace: false })).toBe(false);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(original);
    expect(readdirSync(folder)).toEqual(['keys.json']);
  });

  test('a folder that does not exist is an error, not a silent success', async () => {
    const path = join(temporaryFolder(), 'missing', 'keys.json');
    await expect(writeKeyFileAtomically(path, generateKeyMaterial(), { mayReplace: true })).rejects.toThrow();
    mkdirSync(join(path, '..'));
    await expect(writeKeyFileAtomically(path, generateKeyMaterial(), { mayReplace: true })).resolves.toBe(true);
  });
});
