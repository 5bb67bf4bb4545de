// The registry's SQL: challenges, reports and their subjects and screenshots, entries and removal
// requests. No policy here; the services decide. See docs/decisions/0013-recruiter-registry.md.
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../database/database-schema.js';
import type { KeyedHash } from '../keys/key-ring.js';
import type { NormalisedSubject } from './registry-subjects.js';
import type { ChallengePurpose, RegistryChallengeTable } from './registry-tables.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type RegistryChallenge = Selectable<RegistryChallengeTable>;

/** The advisory-lock class of the registry ("REGI"), so its locks never meet another module's. */
const registryLockClass = 0x52454749;

/**
 * Serialises, until the transaction ends, the writes of one reporter (or requester): counting their
 * recent reports and finding duplicates before adding another holds across server processes.
 */
export async function lockReporter(trx: Transaction<Database>, reporterHash: KeyedHash): Promise<void> {
  const objectId = reporterHash.digest.readInt32BE(0);
  await sql`select pg_advisory_xact_lock(${registryLockClass}::integer, ${objectId}::integer)`.execute(trx);
}

export async function insertChallenge(
  db: Executor,
  challenge: { challenge: string; difficulty: number; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('registry_challenge')
    .values({
      challenge: challenge.challenge,
      difficulty: challenge.difficulty,
      created_at: challenge.createdAt,
      expires_at: challenge.expiresAt,
    })
    .execute();
}

/** Forgets challenges that expired before `before`, spent or not. */
export async function deleteChallengesExpiredBefore(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('registry_challenge').where('expires_at', '<', before).execute();
}

export async function findChallenge(db: Executor, challenge: string): Promise<RegistryChallenge | undefined> {
  return db.selectFrom('registry_challenge').selectAll().where('challenge', '=', challenge).executeTakeFirst();
}

/** The challenge, locked until the transaction ends, so only one request can spend it. */
export async function lockChallenge(
  trx: Transaction<Database>,
  challenge: string,
): Promise<RegistryChallenge | undefined> {
  return trx
    .selectFrom('registry_challenge')
    .selectAll()
    .where('challenge', '=', challenge)
    .forUpdate()
    .executeTakeFirst();
}

export async function spendChallenge(
  db: Executor,
  challenge: string,
  spent: { purpose: ChallengePurpose; resultId: string; wasDuplicate: boolean; now: Date },
): Promise<void> {
  await db
    .updateTable('registry_challenge')
    .set({
      consumed_at: spent.now,
      purpose: spent.purpose,
      result_id: spent.resultId,
      was_duplicate: spent.wasDuplicate,
    })
    .where('challenge', '=', challenge)
    .where('consumed_at', 'is', null)
    .execute();
}

/** When the reports of this reporter (matched under every HMAC key) were made since `since`, oldest first. */
export async function listReportTimesSince(db: Executor, digests: readonly Buffer[], since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('registry_report')
    .select('created_at')
    .where('reporter_hash', 'in', [...digests])
    .where('created_at', '>', since)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.created_at);
}

export async function listRemovalRequestTimesSince(
  db: Executor,
  digests: readonly Buffer[],
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('registry_removal_request')
    .select('created_at')
    .where('requester_hash', 'in', [...digests])
    .where('created_at', '>', since)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.created_at);
}

/** Which of these subjects this reporter already named since `since`, with the newest report naming each. */
export async function findSubjectsReportedSince(
  db: Executor,
  digests: readonly Buffer[],
  subjects: readonly NormalisedSubject[],
  since: Date,
): Promise<{ kind: string; normalised: string; reportId: string }[]> {
  if (subjects.length === 0) return [];
  const rows = await db
    .selectFrom('registry_report_subject')
    .innerJoin('registry_report', 'registry_report.id', 'registry_report_subject.report_id')
    .select(['registry_report_subject.kind', 'registry_report_subject.normalised', 'registry_report.id as reportId'])
    .where('registry_report.reporter_hash', 'in', [...digests])
    .where('registry_report.created_at', '>', since)
    .where((eb) =>
      eb.or(
        subjects.map((subject) =>
          eb.and([
            eb('registry_report_subject.kind', '=', subject.kind),
            eb('registry_report_subject.normalised', '=', subject.normalised),
          ]),
        ),
      ),
    )
    .orderBy('registry_report.created_at', 'desc')
    .execute();
  return rows;
}

export interface NewReport {
  readonly id: string;
  readonly reporterHash: KeyedHash;
  readonly country: string | undefined;
  readonly descriptionCiphertext: string | undefined;
  readonly subjects: readonly NormalisedSubject[];
  readonly screenshots: readonly { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; dataCiphertext: string }[];
  readonly createdAt: Date;
}

export async function insertReport(db: Executor, report: NewReport): Promise<void> {
  await db
    .insertInto('registry_report')
    .values({
      id: report.id,
      status: 'pending',
      reporter_hash: report.reporterHash.digest,
      reporter_key_id: report.reporterHash.keyId,
      country: report.country ?? null,
      description_ciphertext: report.descriptionCiphertext ?? null,
      screenshot_count: report.screenshots.length,
      created_at: report.createdAt,
    })
    .execute();
  await replaceReportSubjects(db, report.id, report.subjects);
  if (report.screenshots.length > 0) {
    await db
      .insertInto('registry_screenshot')
      .values(
        report.screenshots.map((screenshot, position) => ({
          report_id: report.id,
          position,
          content_type: screenshot.contentType,
          data_ciphertext: screenshot.dataCiphertext,
        })),
      )
      .execute();
  }
}

/** Sets a report's subjects, e.g. to the de-personalised list a moderator approved. */
export async function replaceReportSubjects(
  db: Executor,
  reportId: string,
  subjects: readonly NormalisedSubject[],
): Promise<void> {
  await db.deleteFrom('registry_report_subject').where('report_id', '=', reportId).execute();
  if (subjects.length === 0) return;
  await db
    .insertInto('registry_report_subject')
    .values(
      subjects.map((subject, position) => ({
        report_id: reportId,
        position,
        kind: subject.kind,
        normalised: subject.normalised,
        display: subject.display,
      })),
    )
    .execute();
}

export async function listSubjectsOf(db: Executor, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('registry_report_subject')
    .select(['report_id', 'kind', 'normalised', 'display'])
    .where('report_id', 'in', [...reportIds])
    .orderBy('report_id')
    .orderBy('position')
    .execute();
}

/** Columns a moderator may see; the reporter hash is never selected. */
const reportColumns = [
  'id',
  'status',
  'country',
  'description_ciphertext',
  'screenshot_count',
  'created_at',
  'decided_at',
  'decision_reason',
] as const;

export async function findReport(db: Executor, reportId: string, options: { lock?: boolean } = {}) {
  let query = db.selectFrom('registry_report').select(reportColumns).where('id', '=', reportId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findScreenshot(db: Executor, reportId: string, position: number) {
  return db
    .selectFrom('registry_screenshot')
    .select(['content_type', 'data_ciphertext'])
    .where('report_id', '=', reportId)
    .where('position', '=', position)
    .executeTakeFirst();
}
