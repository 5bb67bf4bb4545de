// A supervisor hands a stay to another embassy or consulate; its open alerts follow it.
import { describe, expect, test } from 'vitest';
import { demoOrganisationIds } from '../demo/seed-demo.js';
import { startWithStay, testPins } from '../test-support/stay-client.js';
import { testDatabases } from '../test-support/test-databases.js';
import { createTestSession, createTestStaff } from '../test-support/test-sessions.js';

for (const database of testDatabases()) {
  describe(`stay embassy (${database.name})`, () => {
    test('a supervisor in charge moves a stay and its open alerts to the Mae Sot consulate; outsiders cannot', async () => {
      const setup = await startWithStay(database);
      expect((await setup.app.inject(setup.checkIn(testPins.pin, 'sos'))).statusCode).toBe(201);
      const db = setup.database.db;
      const session = async (organisationId: string) => {
        const member = await createTestStaff(db, 'consular_supervisor', { organisationId });
        return createTestSession(db, { kind: 'staff', staffId: member.id });
      };
      const move = (headers: Record<string, string>, embassyId: string) =>
        setup.app.inject({
          method: 'PUT',
          url: `/api/v1/stays/${setup.stayId}/embassy`,
          headers,
          payload: { embassyId },
        });

      const outsider = await session(demoOrganisationIds.phnomPenhEmbassy);
      expect((await move(outsider.headers, demoOrganisationIds.phnomPenhEmbassy)).statusCode).toBe(404);
      const inCharge = await session(demoOrganisationIds.bangkokEmbassy);
      expect((await move(inCharge.headers, demoOrganisationIds.shelter)).statusCode).toBe(400);
      const moved = await move(inCharge.headers, demoOrganisationIds.maeSotConsulate);
      expect(moved.statusCode).toBe(200);
      expect(moved.json().embassy.id).toBe(demoOrganisationIds.maeSotConsulate);

      const stay = await db
        .selectFrom('stay')
        .select('embassy_id')
        .where('id', '=', setup.stayId)
        .executeTakeFirstOrThrow();
      expect(stay.embassy_id).toBe(demoOrganisationIds.maeSotConsulate);
      const alerts = await db.selectFrom('alert').select('embassy_id').where('stay_id', '=', setup.stayId).execute();
      expect(alerts.map((alert) => alert.embassy_id)).toEqual([demoOrganisationIds.maeSotConsulate]);
    });
  });
}
