// Organisation queries; nothing here but SQL.
import type { OrganisationKind } from '@homeward/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationTable } from '../database/database-schema.js';
import type { Organisation } from './organisation-schemas.js';

export interface OrganisationFilter {
  readonly kind?: OrganisationKind | undefined;
  readonly countryCode?: string | undefined;
}

/** A directory of a few hundred units at most: the whole filtered list fits in one answer. */
export async function listOrganisations(db: Kysely<Database>, filter: OrganisationFilter): Promise<Organisation[]> {
  let query = db.selectFrom('organisation').selectAll().orderBy('country_code').orderBy('name').orderBy('id');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.countryCode) query = query.where('country_code', '=', filter.countryCode);
  return (await query.execute()).map(toOrganisation);
}

export async function findOrganisation(db: Kysely<Database>, id: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrganisation(row);
}

function toOrganisation(row: Selectable<OrganisationTable>): Organisation {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    countryCode: row.country_code,
    city: row.city,
    jurisdiction: row.jurisdiction,
  };
}
