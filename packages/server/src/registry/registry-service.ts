// The registry's public writes: proof-of-work challenges, reports of suspicious recruiters and requests
// for removal. Every write spends a challenge in its own transaction, is limited per reporter in the
// database, and keeps the reporter only as a keyed hash. See docs/decisions/0013-recruiter-registry.md.
import { randomUUID } from 'node:crypto';
import type { Clock } from '@homeward/domain';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import type { KeyedHash, KeyRing } from '../keys/key-ring.js';
import { isProofOfWorkSolved, newChallenge } from './proof-of-work.js';
import { isEntryListed } from './registry-entry-repository.js';
import {
  challengeUnusable,
  entryNotFound,
  proofOfWorkWrong,
  tooManyRemovalRequests,
  tooManyReports,
} from './registry-problems.js';
import {
  deleteChallengesExpiredBefore,
  findChallenge,
  findSubjectsReportedSince,
  insertChallenge,
  insertReport,
  listRemovalRequestTimesSince,
  listReportTimesSince,
  lockChallenge,
  lockReporter,
  spendChallenge,
} from './registry-repository.js';
import type { CleanScreenshot } from './registry-screenshots.js';
import {
  challengeValidityMinutes,
  duplicateWindowDays,
  type RegistrySettings,
  reporterLimitWindowHours,
  spentChallengeRetentionHours,
} from './registry-settings.js';
import type { NormalisedSubject } from './registry-subjects.js';
import type { ChallengePurpose } from './registry-tables.js';

/** The purposes under which reporters and removal requesters are hashed (KeyRing.keyedHash). */
const reporterHashPurpose = 'registry-reporter';
const requesterHashPurpose = 'registry-removal-requester';

export interface RegistryDependencies {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly clock: Clock;
  readonly settings: RegistrySettings;
}

/**
 * Who is writing, as the text that gets hashed: the logged-in citizen (or staff member), else the
 * client address. Never stored, never logged; only its HMAC is kept.
 */
export type WriterIdentity =
  | { readonly kind: 'citizen' | 'staff'; readonly id: string }
  | { readonly kind: 'address'; readonly address: string };

const identityText = (writer: WriterIdentity) =>
  writer.kind === 'address' ? `address:${writer.address}` : `${writer.kind}:${writer.id}`;

export interface IssuedChallenge {
  readonly challenge: string;
  readonly difficulty: number;
  readonly expiresAt: Date;
}

/** A new puzzle; old ones (a day past expiry) are forgotten at the same time. */
export async function issueChallenge(deps: RegistryDependencies): Promise<IssuedChallenge> {
  const now = deps.clock.now();
  const issued = {
    challenge: newChallenge(),
    difficulty: deps.settings.proofOfWorkDifficulty,
    expiresAt: new Date(now.getTime() + challengeValidityMinutes * 60_000),
  };
  await insertChallenge(deps.db, { ...issued, createdAt: now });
  await deleteChallengesExpiredBefore(deps.db, new Date(now.getTime() - spentChallengeRetentionHours * 3_600_000));
  return issued;
}

/** What spending a challenge found: a fresh one (now locked), or the answer it already gave. */
type ChallengeState =
  | { readonly kind: 'fresh' }
  | { readonly kind: 'spent'; readonly resultId: string; readonly wasDuplicate: boolean };

/**
 * Checks the proof of work before any other work is done (one hash), so an unsolved request costs
 * nothing more: an unknown challenge or a wrong nonce is refused here.
 */
async function checkProofOfWork(db: Kysely<Database>, challenge: string, nonce: string): Promise<void> {
  const row = await findChallenge(db, challenge);
  if (row === undefined) throw challengeUnusable();
  if (!isProofOfWorkSolved(row.challenge, nonce, row.difficulty)) throw proofOfWorkWrong();
}

/** Locks the challenge for this transaction and says whether it may be spent, or what it already made. */
async function lockForSpending(
  trx: Transaction<Database>,
  challenge: string,
  purpose: ChallengePurpose,
  now: Date,
): Promise<ChallengeState> {
  const row = await lockChallenge(trx, challenge);
  if (row === undefined) throw challengeUnusable();
  if (row.consumed_at !== null) {
    // A retry: the same answer as the first time. Spent on the other kind of write, it is unusable.
    if (row.purpose !== purpose || row.result_id === null) throw challengeUnusable();
    return { kind: 'spent', resultId: row.result_id, wasDuplicate: row.was_duplicate === true };
  }
  if (row.expires_at.getTime() <= now.getTime()) throw challengeUnusable();
  return { kind: 'fresh' };
}

/** Seconds until the oldest write in the window leaves it, or undefined while under the limit. */
function retryAfterSeconds(times: readonly Date[], limit: number, now: Date): number | undefined {
  if (times.length < limit) return undefined;
  const oldestCounted = times[times.length - limit] as Date;
  const freeAt = oldestCounted.getTime() + reporterLimitWindowHours * 3_600_000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}

export interface ReportInput {
  readonly challenge: string;
  readonly nonce: string;
  /** Checked, normalised, without repeats. */
  readonly subjects: readonly NormalisedSubject[];
  readonly description: string | undefined;
  readonly country: string | undefined;
  readonly screenshots: readonly CleanScreenshot[];
  readonly requestId: string;
}

export interface SubmittedReport {
  readonly reportId: string;
  /** True when this reporter had already named every subject within 30 days: no report was added. */
  readonly duplicate: boolean;
}

const descriptionAssociatedData = (reportId: string) => `registry_report:${reportId}:description`;
export const screenshotAssociatedData = (reportId: string, position: number) =>
  `registry_screenshot:${reportId}:${position}`;

/** Opens a report's description (moderation). */
export function openDescription(keys: KeyRing, reportId: string, ciphertext: string): string {
  return keys.decryptField(ciphertext, descriptionAssociatedData(reportId));
}

/**
 * Adds a report to the moderation queue. Subjects this reporter already named in the last 30 days are
 * left out (they would count one reporter twice); when none is left, nothing is added and the answer
 * says `duplicate`. Spending the challenge again returns the first answer, so a retry is safe.
 */
export async function submitReport(
  deps: RegistryDependencies,
  writer: WriterIdentity,
  input: ReportInput,
): Promise<SubmittedReport> {
  await checkProofOfWork(deps.db, input.challenge, input.nonce);
  const reporter = identityText(writer);
  const reporterHash: KeyedHash = deps.keys.keyedHash(reporterHashPurpose, reporter);
  const digests = deps.keys.keyedHashes(reporterHashPurpose, reporter).map((hash) => hash.digest);
  const reportId = randomUUID();

  return deps.db.transaction().execute(async (trx) => {
    await lockReporter(trx, reporterHash);
    const now = deps.clock.now();
    const state = await lockForSpending(trx, input.challenge, 'report', now);
    if (state.kind === 'spent') return { reportId: state.resultId, duplicate: state.wasDuplicate };

    const recent = await listReportTimesSince(
      trx,
      digests,
      new Date(now.getTime() - reporterLimitWindowHours * 3_600_000),
    );
    const wait = retryAfterSeconds(recent, deps.settings.reportsPerReporterPerDay, now);
    if (wait !== undefined) throw tooManyReports(wait);

    const since = new Date(now.getTime() - duplicateWindowDays * 86_400_000);
    const alreadyReported = await findSubjectsReportedSince(trx, digests, input.subjects, since);
    const isKnown = (subject: NormalisedSubject) =>
      alreadyReported.some((row) => row.kind === subject.kind && row.normalised === subject.normalised);
    const fresh = input.subjects.filter((subject) => !isKnown(subject));
    const newest = alreadyReported[0];
    if (fresh.length === 0 && newest !== undefined) {
      await spendChallenge(trx, input.challenge, {
        purpose: 'report',
        resultId: newest.reportId,
        wasDuplicate: true,
        now,
      });
      return { reportId: newest.reportId, duplicate: true };
    }

    await insertReport(trx, {
      id: reportId,
      reporterHash,
      country: input.country,
      descriptionCiphertext:
        input.description === undefined
          ? undefined
          : deps.keys.encryptField(input.description, descriptionAssociatedData(reportId)),
      subjects: fresh,
      screenshots: input.screenshots.map((screenshot, position) => ({
        contentType: screenshot.contentType,
        dataCiphertext: deps.keys.encryptField(
          screenshot.data.toString('base64'),
          screenshotAssociatedData(reportId, position),
        ),
      })),
      createdAt: now,
    });
    await spendChallenge(trx, input.challenge, { purpose: 'report', resultId: reportId, wasDuplicate: false, now });
    // Anonymous on purpose, even for a logged-in citizen: the audit log must not link a person to a report.
    await recordAudit(trx, {
      actor: { kind: 'anonymous' },
      action: 'registry.report.create',
      resource: { type: 'registry_report', id: reportId },
      outcome: 'success',
      requestId: input.requestId,
    });
    return { reportId, duplicate: false };
  });
}

export interface RemovalRequestInput {
  readonly challenge: string;
  readonly nonce: string;
  readonly entryId: string;
  readonly requesterName: string;
  readonly contactEmail: string;
  readonly statement: string;
  readonly requestId: string;
}

export const removalRequestAssociatedData = (requestId: string, field: 'name' | 'email' | 'statement') =>
  `registry_removal_request:${requestId}:${field}`;

/** Records a listed party's request to be removed; a moderator decides. A retry gets the first answer. */
export async function submitRemovalRequest(
  deps: RegistryDependencies,
  writer: WriterIdentity,
  input: RemovalRequestInput,
): Promise<{ readonly requestId: string }> {
  await checkProofOfWork(deps.db, input.challenge, input.nonce);
  const requester = identityText(writer);
  const requesterHash = deps.keys.keyedHash(requesterHashPurpose, requester);
  const digests = deps.keys.keyedHashes(requesterHashPurpose, requester).map((hash) => hash.digest);
  const requestId = randomUUID();

  return deps.db.transaction().execute(async (trx) => {
    await lockReporter(trx, requesterHash);
    const now = deps.clock.now();
    const state = await lockForSpending(trx, input.challenge, 'removal_request', now);
    if (state.kind === 'spent') return { requestId: state.resultId };
    if (!(await isEntryListed(trx, input.entryId))) throw entryNotFound();

    const recent = await listRemovalRequestTimesSince(
      trx,
      digests,
      new Date(now.getTime() - reporterLimitWindowHours * 3_600_000),
    );
    const wait = retryAfterSeconds(recent, deps.settings.removalRequestsPerRequesterPerDay, now);
    if (wait !== undefined) throw tooManyRemovalRequests(wait);

    const seal = (value: string, field: 'name' | 'email' | 'statement') =>
      deps.keys.encryptField(value, removalRequestAssociatedData(requestId, field));
    await trx
      .insertInto('registry_removal_request')
      .values({
        id: requestId,
        entry_id: input.entryId,
        status: 'pending',
        requester_name_ciphertext: seal(input.requesterName, 'name'),
        contact_email_ciphertext: seal(input.contactEmail, 'email'),
        statement_ciphertext: seal(input.statement, 'statement'),
        requester_hash: requesterHash.digest,
        requester_key_id: requesterHash.keyId,
        created_at: now,
      })
      .execute();
    await spendChallenge(trx, input.challenge, {
      purpose: 'removal_request',
      resultId: requestId,
      wasDuplicate: false,
      now,
    });
    await recordAudit(trx, {
      actor: { kind: 'anonymous' },
      action: 'registry.removal_request.create',
      resource: { type: 'registry_removal_request', id: requestId },
      outcome: 'success',
      requestId: input.requestId,
    });
    return { requestId };
  });
}
