// The embedded database after a crash (kill -9) and against a second process: the server comes back
// with its data, and two servers never write one data folder at once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listOrganisations } from './support/http.js';
import {
  copyDataFolder,
  exitOf,
  makeKeyFile,
  makeTemporaryFolder,
  prepareDemoDataFolder,
  removeFolder,
  runCli,
  startServer,
} from './support/server-process.js';

let template = '';
beforeAll(async () => {
  template = await prepareDemoDataFolder();
});
afterAll(() => removeFolder(template));

describe('the embedded database folder', () => {
  test('rows committed before a kill -9 are there when the server starts again on its folder', async () => {
    const dataFolder = makeTemporaryFolder();
    // Demo mode writes the demo rows in this very process, so the crash hits a process that has written.
    const first = await startServer(['--demo'], { PORT: '0', HOMEWARD_DATA_DIR: dataFolder });
    const before = await listOrganisations(first.url);
    expect(before.length).toBeGreaterThan(0);
    first.process.kill('SIGKILL');
    await exitOf(first.process);

    // Production mode never seeds, so whatever it lists was read back from the folder. The dead
    // process's lock file is still there; the new server must take it over, not refuse.
    const second = await startServer([], {
      PORT: '0',
      HOMEWARD_DATA_DIR: dataFolder,
      HOMEWARD_KEYS_FILE: await makeKeyFile(),
    });
    expect(await listOrganisations(second.url)).toEqual(before);
    expect(await second.stop()).toBe(0);
  });

  test('a second server on a folder in use is refused, and the first keeps serving', async () => {
    const dataFolder = copyDataFolder(template);
    const environment = { PORT: '0', HOMEWARD_DATA_DIR: dataFolder, HOMEWARD_KEYS_FILE: await makeKeyFile() };
    const first = await startServer([], environment);
    const intruder = await runCli(['serve'], environment);
    expect(intruder.code).toBe(1);
    expect(intruder.stderr).toMatch(`is in use by process ${first.process.pid}`);
    expect(intruder.stderr).toContain('DATABASE_URL');
    expect((await listOrganisations(first.url)).length).toBeGreaterThan(0);
    expect(await first.stop()).toBe(0);
  });
});
