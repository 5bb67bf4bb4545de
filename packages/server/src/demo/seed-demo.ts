// Synthetic demo data so a fresh install has something to show. Fixed ids make it idempotent:
// running it again adds nothing. No real person or real office is described here.
import type { OrganisationKind } from '@homeward/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database/database-schema.js';

interface DemoOrganisation {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly countryCode: string;
  readonly city: string;
}

const ministryId = '019ab000-0000-7000-8000-000000000001';
const bangkokId = '019ab000-0000-7000-8000-000000000010';

// Parents come before children so foreign keys hold while inserting in order.
export const demoOrganisations: readonly DemoOrganisation[] = [
  {
    id: ministryId,
    parentId: null,
    kind: 'ministry',
    name: 'Ministry of Foreign Affairs (demo)',
    countryCode: 'ID',
    city: 'Jakarta',
  },
  {
    id: bangkokId,
    parentId: ministryId,
    kind: 'embassy',
    name: 'Embassy in Bangkok (demo)',
    countryCode: 'TH',
    city: 'Bangkok',
  },
  {
    id: '019ab000-0000-7000-8000-000000000011',
    parentId: ministryId,
    kind: 'embassy',
    name: 'Embassy in Phnom Penh (demo)',
    countryCode: 'KH',
    city: 'Phnom Penh',
  },
  {
    id: '019ab000-0000-7000-8000-000000000012',
    parentId: ministryId,
    kind: 'embassy',
    name: 'Embassy in Yangon (demo)',
    countryCode: 'MM',
    city: 'Yangon',
  },
  {
    id: '019ab000-0000-7000-8000-000000000013',
    parentId: ministryId,
    kind: 'embassy',
    name: 'Embassy in Vientiane (demo)',
    countryCode: 'LA',
    city: 'Vientiane',
  },
  {
    id: '019ab000-0000-7000-8000-000000000014',
    parentId: ministryId,
    kind: 'embassy',
    name: 'Embassy in Manila (demo)',
    countryCode: 'PH',
    city: 'Manila',
  },
  {
    id: '019ab000-0000-7000-8000-000000000020',
    parentId: bangkokId,
    kind: 'consulate',
    name: 'Consulate in Mae Sot (demo)',
    countryCode: 'TH',
    city: 'Mae Sot',
  },
  {
    id: '019ab000-0000-7000-8000-000000000030',
    parentId: null,
    kind: 'partner',
    name: 'Safe Passage Shelter (demo)',
    countryCode: 'TH',
    city: 'Bangkok',
  },
  {
    id: '019ab000-0000-7000-8000-000000000031',
    parentId: null,
    kind: 'partner',
    name: 'Migrant Legal Aid Network (demo)',
    countryCode: 'KH',
    city: 'Phnom Penh',
  },
];

export interface SeedOutcome {
  readonly inserted: number;
}

export async function seedDemo(db: Kysely<Database>): Promise<SeedOutcome> {
  return db.transaction().execute(async (transaction) => {
    let inserted = 0;
    for (const organisation of demoOrganisations) {
      const result = await transaction
        .insertInto('organisation')
        .values({
          id: organisation.id,
          parent_id: organisation.parentId,
          kind: organisation.kind,
          name: organisation.name,
          country_code: organisation.countryCode,
          city: organisation.city,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return { inserted };
  });
}
