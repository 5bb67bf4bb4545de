// Synthetic demo data so a fresh install has something to show. Fixed ids make it idempotent:
// running it again adds nothing. No real person or real office is described here.
import type { OrganisationKind, StaffRole } from '@homeward/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database/database-schema.js';

interface DemoOrganisation {
  readonly id: string;
  readonly parentId: string | null;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly countryCode: string;
  readonly city: string;
  /** For embassies and consulates: the countries whose citizens they look after. */
  readonly jurisdiction?: readonly string[];
}

const ministryId = '019ab000-0000-7000-8000-000000000001';
const bangkokId = '019ab000-0000-7000-8000-000000000010';

/** Ids of demo organisations other code and tests refer to. */
export const demoOrganisationIds = {
  ministry: ministryId,
  bangkokEmbassy: bangkokId,
  phnomPenhEmbassy: '019ab000-0000-7000-8000-000000000011',
  maeSotConsulate: '019ab000-0000-7000-8000-000000000020',
  shelter: '019ab000-0000-7000-8000-000000000030',
  legalAid: '019ab000-0000-7000-8000-000000000031',
  policeUnit: '019ab000-0000-7000-8000-000000000040',
} as const;

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
    jurisdiction: ['TH'],
  },
  {
    id: '019ab000-0000-7000-8000-000000000011',
    parentId: ministryId,
    kind: 'embassy',
    name: 'Embassy in Phnom Penh (demo)',
    countryCode: 'KH',
    city: 'Phnom Penh',
    jurisdiction: ['KH'],
  },
  {
    id: '019ab000-0000-7000-8000-000000000012',
    parentId: ministryId,
    kind: 'embassy',
    name: 'Embassy in Yangon (demo)',
    countryCode: 'MM',
    city: 'Yangon',
    jurisdiction: ['MM'],
  },
  {
    id: '019ab000-0000-7000-8000-000000000013',
    parentId: ministryId,
    kind: 'embassy',
    name: 'Embassy in Vientiane (demo)',
    countryCode: 'LA',
    city: 'Vientiane',
    jurisdiction: ['LA'],
  },
  {
    id: '019ab000-0000-7000-8000-000000000014',
    parentId: ministryId,
    kind: 'embassy',
    name: 'Embassy in Manila (demo)',
    countryCode: 'PH',
    city: 'Manila',
    jurisdiction: ['PH'],
  },
  {
    id: '019ab000-0000-7000-8000-000000000020',
    parentId: bangkokId,
    kind: 'consulate',
    name: 'Consulate in Mae Sot (demo)',
    countryCode: 'TH',
    city: 'Mae Sot',
    jurisdiction: ['TH'],
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
  {
    id: '019ab000-0000-7000-8000-000000000040',
    parentId: null,
    kind: 'law_enforcement',
    name: 'Anti-Trafficking Police Unit (demo)',
    countryCode: 'ID',
    city: 'Jakarta',
  },
];

interface DemoStaffMember {
  readonly id: string;
  readonly organisationId: string;
  readonly role: StaffRole;
  readonly email: string;
  readonly displayName: string;
}

/**
 * Demo staff accounts, marked `is_demo`: the demo staff login (demo mode only) lets a newcomer act
 * as one of them without a passkey. Synthetic names; the addresses use the reserved .example domain.
 */
export const demoStaffMembers: readonly DemoStaffMember[] = [
  {
    id: '019ab000-0000-7000-8000-000000000100',
    organisationId: bangkokId,
    role: 'consular_officer',
    email: 'demo.officer@homeward.example',
    displayName: 'Demo Officer',
  },
  {
    id: '019ab000-0000-7000-8000-000000000101',
    organisationId: bangkokId,
    role: 'consular_supervisor',
    email: 'demo.supervisor@homeward.example',
    displayName: 'Demo Supervisor',
  },
  {
    id: '019ab000-0000-7000-8000-000000000102',
    organisationId: ministryId,
    role: 'admin',
    email: 'demo.admin@homeward.example',
    displayName: 'Demo Admin',
  },
];

export interface SeedOutcome {
  /** How many rows (organisations and staff members) this run added; 0 on a second run. */
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
          jurisdiction: [...(organisation.jurisdiction ?? [])],
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
      // A demo data folder seeded before jurisdictions existed gets them now.
      if (organisation.jurisdiction) {
        await transaction
          .updateTable('organisation')
          .set({ jurisdiction: [...organisation.jurisdiction] })
          .where('id', '=', organisation.id)
          .where(sql<boolean>`cardinality(jurisdiction) = 0`)
          .execute();
      }
    }
    for (const member of demoStaffMembers) {
      const result = await transaction
        .insertInto('staff_member')
        .values({
          id: member.id,
          organisation_id: member.organisationId,
          role: member.role,
          email: member.email,
          display_name: member.displayName,
          status: 'active',
          is_demo: true,
        })
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return { inserted };
  });
}
