// A citizen whose national ID number the key ring can find (as the digital ID login stores it), with the demo
// organisations seeded so a stay in Thailand goes to the Bangkok embassy.
import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nationalIdHashPurpose } from '../accounts/account-repository.js';
import type { Database } from '../database/database-schema.js';
import { seedDemo } from '../demo/seed-demo.js';
import { testKeyRing } from './test-app.js';

export async function accountsSeed(db: Kysely<Database>): Promise<{ citizenId: string; nationalId: string }> {
  await seedDemo(db);
  // NRIC shape with the never-issued S000 prefix: synthetic.
  const nationalId = `S000${String(randomInt(0, 10_000)).padStart(4, '0')}${String.fromCharCode(65 + randomInt(0, 26))}`;
  const hash = testKeyRing().keyedHash(nationalIdHashPurpose, nationalId);
  const citizenId = randomUUID();
  await db
    .insertInto('citizen')
    .values({
      id: citizenId,
      display_name: 'Test Citizen',
      assurance: 'high',
      assurance_source: 'test',
      national_id_hash: hash.digest,
      national_id_key_id: hash.keyId,
    })
    .execute();
  return { citizenId, nationalId };
}
