// The SQL of approved entries (what the public searches) and of removal requests (the right of reply).
// See docs/decisions/0013-recruiter-registry.md.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from './registry-repository.js';
import { companySimilarityThreshold, maxSearchResults } from './registry-settings.js';
import type { NormalisedSubject } from './registry-subjects.js';
import type { RegistrySubjectKind } from './registry-tables.js';

/**
 * Adds an approved report to the entry of each of its subjects (making the entry on first approval) and
 * recomputes each entry's counts and dates from every approved report behind it. The counts are
 * recomputed rather than incremented, so approving twice or in parallel can never skew them; the
 * insert's row lock orders concurrent approvals of one entry.
 */
export async function addReportToEntries(
  db: Executor,
  report: { readonly id: string; readonly createdAt: Date },
  subjects: readonly NormalisedSubject[],
  now: Date,
): Promise<string[]> {
  const entryIds: string[] = [];
  for (const subject of subjects) {
    const entry = await db
      .insertInto('registry_entry')
      .values({
        id: randomUUID(),
        kind: subject.kind,
        normalised: subject.normalised,
        display: subject.display,
        first_reported_at: report.createdAt,
        last_reported_at: report.createdAt,
        report_count: 0,
        reporter_count: 0,
        created_at: now,
      })
      // The first approved display stays: a moderator already checked it.
      .onConflict((conflict) =>
        conflict.constraint('registry_entry_kind_normalised_unique').doUpdateSet({ kind: subject.kind }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('registry_entry_report')
      .values({ entry_id: entry.id, report_id: report.id })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    await recountEntry(db, entry.id);
    entryIds.push(entry.id);
  }
  return entryIds;
}

async function recountEntry(db: Executor, entryId: string): Promise<void> {
  await sql`
    update registry_entry set
      report_count = counts.report_count,
      reporter_count = counts.reporter_count,
      first_reported_at = counts.first_reported_at,
      last_reported_at = counts.last_reported_at
    from (
      select count(*)::integer as report_count,
             count(distinct report.reporter_hash)::integer as reporter_count,
             min(report.created_at) as first_reported_at,
             max(report.created_at) as last_reported_at
      from registry_entry_report link
      join registry_report report on report.id = link.report_id
      where link.entry_id = ${entryId} and report.status = 'approved'
    ) counts
    where registry_entry.id = ${entryId}`.execute(db);
}

/** What search and the job-offer check may show of an entry: never a description or a reporter. */
export interface PublicEntry {
  readonly id: string;
  readonly kind: RegistrySubjectKind;
  readonly display: string;
  readonly reportCount: number;
  readonly reporterCount: number;
  readonly firstReportedAt: Date;
  readonly lastReportedAt: Date;
  readonly disputed: boolean;
}

function selectListedEntries(db: Executor) {
  return db
    .selectFrom('registry_entry')
    .select((eb) => [
      'registry_entry.id',
      'registry_entry.kind',
      'registry_entry.display',
      'registry_entry.report_count',
      'registry_entry.reporter_count',
      'registry_entry.first_reported_at',
      'registry_entry.last_reported_at',
      eb
        .exists(
          eb
            .selectFrom('registry_removal_request')
            .select(eb.lit(1).as('one'))
            .whereRef('registry_removal_request.entry_id', '=', 'registry_entry.id')
            .where('registry_removal_request.status', 'in', ['pending', 'kept']),
        )
        .as('disputed'),
    ])
    .where('registry_entry.removed_at', 'is', null)
    .where('registry_entry.report_count', '>', 0);
}

type ListedRow = Awaited<ReturnType<ReturnType<typeof selectListedEntries>['execute']>>[number];

function toPublicEntry(row: ListedRow): PublicEntry {
  return {
    id: row.id,
    kind: row.kind,
    display: row.display,
    reportCount: row.report_count,
    reporterCount: row.reporter_count,
    firstReportedAt: new Date(row.first_reported_at),
    lastReportedAt: new Date(row.last_reported_at),
    disputed: Boolean(row.disputed),
  };
}

/** Listed entries of one kind whose normalised form is one of these, exactly. */
export async function findExactEntries(
  db: Executor,
  kind: RegistrySubjectKind,
  normalised: readonly string[],
): Promise<PublicEntry[]> {
  if (normalised.length === 0) return [];
  const rows = await selectListedEntries(db)
    .where('registry_entry.kind', '=', kind)
    .where('registry_entry.normalised', 'in', [...normalised])
    .orderBy('registry_entry.report_count', 'desc')
    .limit(maxSearchResults)
    .execute();
  return rows.map(toPublicEntry);
}

/**
 * Listed companies named like this one: the same normalised name, or trigram similarity of at least
 * {@link companySimilarityThreshold}. `%` lets the trigram index find candidates (at pg_trgm's own
 * threshold, 0.3 by default); `similarity` then applies ours. Exact matches first, then the closest.
 */
export async function findSimilarCompanies(db: Executor, normalised: string): Promise<PublicEntry[]> {
  const rows = await selectListedEntries(db)
    .where('registry_entry.kind', '=', 'company')
    .where((eb) =>
      eb.or([
        eb('registry_entry.normalised', '=', normalised),
        eb.and([
          sql<boolean>`registry_entry.normalised % ${normalised}`,
          sql<boolean>`similarity(registry_entry.normalised, ${normalised}) >= ${companySimilarityThreshold}`,
        ]),
      ]),
    )
    .orderBy(sql`registry_entry.normalised = ${normalised}`, 'desc')
    .orderBy(sql`similarity(registry_entry.normalised, ${normalised})`, 'desc')
    .orderBy('registry_entry.report_count', 'desc')
    .limit(maxSearchResults)
    .execute();
  return rows.map(toPublicEntry);
}

/** Whether an entry is listed (approved and not removed); removal requests are only taken for those. */
export async function isEntryListed(db: Executor, entryId: string): Promise<boolean> {
  const row = await db
    .selectFrom('registry_entry')
    .select('id')
    .where('id', '=', entryId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function removeEntry(db: Executor, entryId: string, now: Date): Promise<void> {
  await db.updateTable('registry_entry').set({ removed_at: now }).where('id', '=', entryId).execute();
}
