import { expect, test } from 'vitest';
import { seedDemo } from '../demo/seed-demo.js';
import { startTestApp, testKeyRing } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';
import {
  createStaffMember,
  findCitizenByNationalId,
  findOrCreateCitizenByProvider,
  findStaffByEmail,
  getStaffMember,
} from './account-repository.js';

const bangkokEmbassyId = '019ab000-0000-7000-8000-000000000010';
const login = {
  issuer: 'https://id.example',
  subject: 'opaque-subject-1',
  nationalId: 'S1234567D',
  displayName: 'Tan Ah Kow',
  assurance: 'high' as const,
  assuranceSource: 'urn:example:acr:2fa',
};

for (const database of testDatabases()) {
  test(`a provider subject becomes one citizen, refreshed on later logins (${database.name})`, async () => {
    const { database: handle } = await startTestApp(database);
    const first = await findOrCreateCitizenByProvider(handle.db, testKeyRing(), login);
    expect(first.created).toBe(true);
    const again = await findOrCreateCitizenByProvider(handle.db, testKeyRing(), {
      ...login,
      displayName: 'Tan Ah Kow Jr',
      assurance: 'substantial',
    });
    expect(again.created).toBe(false);
    expect(again.citizen).toMatchObject({
      id: first.citizen.id,
      displayName: 'Tan Ah Kow Jr',
      assurance: 'substantial',
    });
    expect(await handle.db.selectFrom('citizen').select('id').execute()).toHaveLength(1);
  });

  test(`the national identifier is stored only as a keyed hash and found by it (${database.name})`, async () => {
    const { database: handle } = await startTestApp(database);
    const { citizen } = await findOrCreateCitizenByProvider(handle.db, testKeyRing(), login);
    const row = await handle.db.selectFrom('citizen').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(login.nationalId);
    expect(Buffer.from(row.national_id_hash ?? [])).toEqual(
      testKeyRing().keyedHash('national-id', login.nationalId).digest,
    );
    expect((await findCitizenByNationalId(handle.db, testKeyRing(), login.nationalId))?.id).toBe(citizen.id);
    expect(await findCitizenByNationalId(handle.db, testKeyRing(), 'S7654321A')).toBeUndefined();
  });

  test(`staff emails are stored lower-case, found case-insensitively and unique (${database.name})`, async () => {
    const { database: handle } = await startTestApp(database);
    await seedDemo(handle.db);
    const created = await createStaffMember(handle.db, {
      organisationId: bangkokEmbassyId,
      role: 'consular_officer',
      email: 'Officer@Embassy.Example',
      displayName: 'Officer',
    });
    expect(created).toMatchObject({ email: 'officer@embassy.example', status: 'invited', isDemo: false });
    expect((await findStaffByEmail(handle.db, 'OFFICER@embassy.example'))?.id).toBe(created.id);
    expect((await getStaffMember(handle.db, created.id))?.role).toBe('consular_officer');
    await expect(
      createStaffMember(handle.db, {
        organisationId: bangkokEmbassyId,
        role: 'analyst',
        email: 'officer@embassy.example',
        displayName: 'Other',
      }),
    ).rejects.toThrow(/staff_member_email_unique/);
  });
}
