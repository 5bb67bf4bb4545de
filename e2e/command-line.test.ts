// The `homeward` command line outside a running server: a wrong configuration stops it with
// exit code 2 and a message naming the setting, before it opens a port; --help describes each command.
import { beforeAll, describe, expect, test } from 'vitest';
import { makeTemporaryFolder, requireBuiltCli, runCli } from './support/server-process.js';

beforeAll(() => requireBuiltCli());

describe('homeward serve refuses a wrong configuration', () => {
  const cases: { problem: string; args: string[]; env: Record<string, string>; named: string }[] = [
    { problem: 'PORT=abc', args: ['--demo'], env: { PORT: 'abc' }, named: 'PORT="abc"' },
    { problem: 'production without HOMEWARD_KEYS_FILE', args: [], env: {}, named: 'HOMEWARD_KEYS_FILE is required' },
    {
      problem: 'production with a key file that does not exist',
      args: [],
      env: { HOMEWARD_KEYS_FILE: '/nonexistent/keys.json' },
      named: 'HOMEWARD_KEYS_FILE="/nonexistent/keys.json" is not a usable key file: it does not exist',
    },
    { problem: 'a misspelt HOMEWARD_PORTT', args: ['--demo'], env: { HOMEWARD_PORTT: '1' }, named: 'HOMEWARD_PORTT' },
  ];
  test.each(cases)('$problem: exit code 2, one stderr line naming it, no port opened', async ({ args, env, named }) => {
    const outcome = await runCli(['serve', ...args], { PORT: '0', HOMEWARD_DATA_DIR: makeTemporaryFolder(), ...env });
    expect(outcome.code).toBe(2);
    const lines = outcome.stderr.trimEnd().split('\n');
    expect(lines, outcome.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^homeward: configuration: /);
    expect(lines[0]).toContain(named);
    // The process ended without printing its URL or logging "Server listening": it never bound a port.
    expect(outcome.stdout).toBe('');
  });

  test('a leftover HOMEWARD_SECRET is refused without echoing its value, pointing at HOMEWARD_KEYS_FILE', async () => {
    const secret = 'short-and-not-secret';
    const outcome = await runCli(['serve', '--demo'], {
      PORT: '0',
      HOMEWARD_DATA_DIR: makeTemporaryFolder(),
      HOMEWARD_SECRET: secret,
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^homeward: configuration: HOMEWARD_SECRET is no longer used: .*HOMEWARD_KEYS_FILE/);
    expect(outcome.stderr).not.toContain(secret);
    expect(outcome.stdout).toBe('');
  });
});

describe('homeward --help', () => {
  const commands = ['serve', 'migrate', 'seed-demo', 'openapi', 'keys'];

  test('homeward --help exits 0 and lists every command with a description', async () => {
    const outcome = await runCli(['--help']);
    expect(outcome.code).toBe(0);
    for (const command of commands) expect(outcome.stdout).toMatch(new RegExp(`^\\s+${command}\\b.*\\s\\w+`, 'm'));
  });

  test.each(commands)('homeward %s --help exits 0 and describes the command', async (command) => {
    const outcome = await runCli([command, '--help']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`Usage: homeward ${command}`);
    expect(outcome.stdout.split('\n')[2]?.trim().length ?? 0).toBeGreaterThan(10);
  });

  test('homeward serve --help names the --demo option and every setting', async () => {
    const { stdout } = await runCli(['serve', '--help']);
    for (const word of ['--demo', 'PORT', 'DATABASE_URL', 'HOMEWARD_KEYS_FILE', 'HOMEWARD_DATA_DIR']) {
      expect(stdout).toContain(word);
    }
  });
});
