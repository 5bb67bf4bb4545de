import { expect, test } from 'vitest';
import { demoOrganisationIds, seedDemo } from '../demo/seed-demo.js';
import { defaultAppConfig } from '../http/app.js';
import { SoftwareAuthenticator } from '../test-support/software-authenticator.js';
import { auditRows, registerPasskey, tokenOf } from '../test-support/staff-login-setup.js';
import { startTestApp } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';
import { createAdmin } from './create-admin-command.js';

const ministry = demoOrganisationIds.ministry;

for (const database of testDatabases()) {
  test(`create-admin makes the first admin, whose printed link registers a passkey; a second is refused (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    await seedDemo(handle.db);
    const first = await createAdmin(handle.db, defaultAppConfig, {
      email: 'Root@Ministry.test',
      name: 'First Admin',
      organisation: ministry,
    });
    expect(first.link).toMatch(/^http:\/\/localhost:3000\/console\/#\/invitation\/[A-Za-z0-9_-]{43}$/);
    const registered = await registerPasskey(
      app,
      new SoftwareAuthenticator('http://localhost:3000'),
      tokenOf(first.link),
    );
    expect(registered.json().staff).toMatchObject({ role: 'admin', email: 'root@ministry.test' });

    await expect(
      createAdmin(handle.db, defaultAppConfig, {
        email: 'second@ministry.test',
        name: 'Second',
        organisation: ministry,
      }),
    ).rejects.toThrow(/an admin exists already/);
    const glass = await createAdmin(handle.db, defaultAppConfig, {
      email: 'second@ministry.test',
      name: 'Second',
      organisation: ministry,
      breakGlass: true,
    });
    expect(glass.staffId).toEqual(expect.any(String));
    await expect(
      createAdmin(handle.db, defaultAppConfig, {
        email: 'ROOT@ministry.test',
        name: 'Again',
        organisation: ministry,
        breakGlass: true,
      }),
    ).rejects.toThrow(/already exists/);
    const invites = (await auditRows(handle.db)).filter((row) => row.action === 'staff.invite');
    expect(invites.map((row) => [row.actor_kind, row.outcome])).toEqual([
      ['system', 'success'],
      ['system', 'success'],
      ['system', 'failure'],
    ]);
  });

  test(`create-admin refuses an unknown organisation and leaves nothing behind (${database.name})`, async () => {
    const { database: handle } = await startTestApp(database);
    await expect(
      createAdmin(handle.db, defaultAppConfig, { email: 'a@b.test', name: 'A', organisation: ministry }),
    ).rejects.toThrow(/No organisation has this id/);
    expect(await handle.db.selectFrom('staff_member').select('id').execute()).toEqual([]);
  });
}
