import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, variables } from './config.js';

/** Only the setting's presence is checked here; keys/key-files.test.ts checks the file. */
const keysFile = '/etc/homeward/keys.json';

function problemsOf(environment: NodeJS.ProcessEnv, options?: Parameters<typeof loadConfig>[1]): readonly string[] {
  try {
    loadConfig(environment, options);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  test('demo mode needs no setting at all and listens on localhost:3000 with the embedded database', () => {
    const config = loadConfig({ HOMEWARD_DEMO: 'true' });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, dataDir: './data' });
    expect(config.isDemo).toBe(true);
    expect(config.keysFile).toBeUndefined();
  });

  test('a port that is not a number is refused with a message naming PORT and what is allowed', () => {
    const problems = problemsOf({ HOMEWARD_DEMO: 'true', PORT: 'abc' });
    expect(problems).toEqual(['PORT="abc" is not allowed: expected a TCP port, an integer from 0 to 65535']);
  });

  test('every wrong value is reported at once', () => {
    const problems = problemsOf({
      HOMEWARD_DEMO: 'maybe',
      PORT: '70000',
      LOG_LEVEL: 'loud',
      HOMEWARD_KEYS_FILE: keysFile,
    });
    expect(problems.map((problem) => problem.split('=')[0])).toEqual(['PORT', 'HOMEWARD_DEMO', 'LOG_LEVEL']);
  });

  test('production refuses to start without a key file', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^HOMEWARD_KEYS_FILE is required outside demo mode/)]);
  });

  test('an empty HOMEWARD_KEYS_FILE counts as missing', () => {
    expect(problemsOf({ HOMEWARD_KEYS_FILE: '' })).toEqual([
      expect.stringMatching(/^HOMEWARD_KEYS_FILE is required outside demo mode/),
    ]);
  });

  test('a leftover HOMEWARD_SECRET is refused, pointing at HOMEWARD_KEYS_FILE, without echoing its value', () => {
    const problems = problemsOf({ HOMEWARD_KEYS_FILE: keysFile, HOMEWARD_SECRET: 'short-secret-value' });
    expect(problems).toEqual([expect.stringMatching(/^HOMEWARD_SECRET is no longer used: .*HOMEWARD_KEYS_FILE/)]);
    expect(problems.join()).not.toContain('short-secret-value');
  });

  test('demo mode may name a key file of its own', () => {
    expect(loadConfig({ HOMEWARD_DEMO: 'true', HOMEWARD_KEYS_FILE: keysFile }).keysFile).toBe(keysFile);
  });

  test('a database URL is never echoed, since it carries a password', () => {
    const problems = problemsOf({ HOMEWARD_DEMO: 'true', DATABASE_URL: 'mysql://user:hunter2@host/db' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).not.toContain('hunter2');
  });

  test('a misspelt HOMEWARD_ variable is refused rather than silently ignored', () => {
    expect(problemsOf({ HOMEWARD_DEMO: 'true', HOMEWARD_DATADIR: '/srv' })[0]).toMatch(/^HOMEWARD_DATADIR is not a/);
  });

  test('production starts with a key file and converts numbers', () => {
    const config = loadConfig({ HOMEWARD_KEYS_FILE: keysFile, PORT: '8080', HOST: '0.0.0.0' });
    expect(config).toMatchObject({ isDemo: false, port: 8080, host: '0.0.0.0', publicUrl: 'http://localhost:8080' });
    expect(config.keysFile).toBe(keysFile);
  });

  test('maintenance commands may run without a key file', () => {
    expect(loadConfig({}, { requireSecrets: false }).isDemo).toBe(false);
  });

  test('a config file supplies settings and the environment overrides it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'homeward-config-'));
    const file = join(folder, 'config.json');
    writeFileSync(file, JSON.stringify({ PORT: 4000, HOST: '0.0.0.0', HOMEWARD_DEMO: true }));
    const config = loadConfig({ HOST: '127.0.0.2' }, { configFile: file });
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.2', isDemo: true });
  });

  test('a config file that is not JSON is refused naming the file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'homeward-config-'));
    const file = join(folder, 'config.json');
    writeFileSync(file, 'PORT=4000');
    expect(problemsOf({}, { configFile: file, requireSecrets: false })).toEqual([
      `HOMEWARD_CONFIG_FILE=${JSON.stringify(file)} is not usable: it is not valid JSON`,
    ]);
  });

  test('the public URL loses a trailing slash so links can be joined safely', () => {
    expect(loadConfig({ HOMEWARD_DEMO: '1', HOMEWARD_PUBLIC_URL: 'https://homeward.example.gov/' }).publicUrl).toBe(
      'https://homeward.example.gov',
    );
  });
});

test('the README documents every setting the server reads', () => {
  const readme = readFileSync(fileURLToPath(new URL('../../../../README.md', import.meta.url)), 'utf8');
  const current = Object.keys(variables);
  const undocumented = current.filter((name) => !readme.includes(`\`${name}\``));
  expect(current.length).toBeGreaterThan(15);
  expect(undocumented).toEqual([]);
});
