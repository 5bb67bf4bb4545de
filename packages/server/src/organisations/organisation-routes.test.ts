import { expect, test } from 'vitest';
import { demoOrganisations, demoStaffMembers, seedDemo } from '../demo/seed-demo.js';
import { startTestApp } from '../test-support/test-app.js';
import { testDatabases } from '../test-support/test-databases.js';

for (const database of testDatabases()) {
  test(`the directory lists embassies in a country, ordered by name (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    await seedDemo(handle.db);
    const response = await app.inject({ method: 'GET', url: '/api/v1/organisations?kind=embassy&countryCode=TH' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      {
        id: '019ab000-0000-7000-8000-000000000010',
        parentId: '019ab000-0000-7000-8000-000000000001',
        kind: 'embassy',
        name: 'Embassy in Bangkok (demo)',
        countryCode: 'TH',
        city: 'Bangkok',
        jurisdiction: ['TH'],
      },
    ]);
  });

  test(`one organisation is found by id, an unknown id is a 404 problem (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    await seedDemo(handle.db);
    const found = await app.inject({
      method: 'GET',
      url: '/api/v1/organisations/019ab000-0000-7000-8000-000000000020',
    });
    expect(found.json()).toMatchObject({ kind: 'consulate', parentId: '019ab000-0000-7000-8000-000000000010' });
    const missing = await app.inject({
      method: 'GET',
      url: '/api/v1/organisations/019ab000-0000-7000-8000-0000000000ff',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  test(`seeding the demo twice adds nothing the second time (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    expect(await seedDemo(handle.db)).toEqual({ inserted: demoOrganisations.length + demoStaffMembers.length });
    expect(await seedDemo(handle.db)).toEqual({ inserted: 0 });
    const response = await app.inject({ method: 'GET', url: '/api/v1/organisations' });
    expect(response.json().items).toHaveLength(demoOrganisations.length);
  });

  test(`a law-enforcement unit is listed, with no jurisdiction (${database.name})`, async () => {
    const { app, database: handle } = await startTestApp(database);
    await seedDemo(handle.db);
    const response = await app.inject({ method: 'GET', url: '/api/v1/organisations?kind=law_enforcement' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([expect.objectContaining({ kind: 'law_enforcement', jurisdiction: [] })]);
  });

  test(`the database refuses a jurisdiction on a partner and a malformed country code (${database.name})`, async () => {
    const { database: handle } = await startTestApp(database);
    const insert = (kind: 'partner' | 'embassy', jurisdiction: string[]) =>
      handle.db
        .insertInto('organisation')
        .values({ id: crypto.randomUUID(), kind, name: 'x', country_code: 'TH', jurisdiction })
        .execute();
    await expect(insert('partner', ['TH'])).rejects.toThrow(/organisation_jurisdiction_check/);
    await expect(insert('embassy', ['th'])).rejects.toThrow(/organisation_jurisdiction_check/);
    await expect(insert('embassy', ['TH', 'MM'])).resolves.toBeDefined();
  });
}
