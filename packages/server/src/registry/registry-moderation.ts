// Moderation of the registry: the queue of reports, a report with its screenshots, the decision to
// approve (with the subjects de-personalised) or reject, and the removal requests. Staff with
// `registry.moderate` only (the route declares it); every read and decision is audited in the same
// transaction. A moderator never sees who reported. See docs/decisions/0013-recruiter-registry.md.
import type { Kysely } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import type { KeyRing } from '../keys/key-ring.js';
import { decodeQueueCursor, encodeQueueCursor } from './registry-cursor.js';
import { addReportToEntries, removeEntry } from './registry-entry-repository.js';
import {
  removalRequestAlreadyDecided,
  removalRequestNotFound,
  reportAlreadyDecided,
  reportNotFound,
  screenshotNotFound,
} from './registry-problems.js';
import {
  type Executor,
  findReport,
  findScreenshot,
  listSubjectsOf,
  replaceReportSubjects,
} from './registry-repository.js';
import { openDescription, removalRequestAssociatedData, screenshotAssociatedData } from './registry-service.js';
import type { NormalisedSubject } from './registry-subjects.js';
import type {
  RegistryReportStatus,
  RegistrySubjectKind,
  RemovalRequestStatus,
  ScreenshotContentType,
} from './registry-tables.js';

export interface ModerationContext {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly actor: AuditActor;
  /** The staff member's id, recorded as who decided. */
  readonly staffId: string;
  readonly requestId: string;
  readonly now: Date;
}

export const defaultQueuePageSize = 50;

const audit = (db: Executor, context: ModerationContext, action: string, resource: { type: string; id?: string }) =>
  recordAudit(db, { actor: context.actor, action, resource, outcome: 'success', requestId: context.requestId });

export interface ReportSummary {
  readonly id: string;
  readonly status: RegistryReportStatus;
  readonly country: string | null;
  readonly subjects: { kind: RegistrySubjectKind; value: string; normalised: string }[];
  readonly screenshotCount: number;
  readonly createdAt: string;
}

/** A page of reports in one status, oldest first (a fair queue); keyset pages on (created_at, id). */
export async function listReports(
  context: ModerationContext,
  query: { status: RegistryReportStatus; cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: ReportSummary[]; nextCursor: string | null }> {
  const limit = query.limit ?? defaultQueuePageSize;
  const after = query.cursor === undefined ? undefined : decodeQueueCursor(query.cursor);
  return context.db.transaction().execute(async (trx) => {
    let select = trx
      .selectFrom('registry_report')
      .select(['id', 'status', 'country', 'screenshot_count', 'created_at'])
      .where('status', '=', query.status)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit + 1);
    if (after !== undefined) {
      select = select.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('created_at', 'id'), '>', tuple(new Date(after[0]), after[1])),
      );
    }
    const rows = await select.execute();
    const page = rows.slice(0, limit);
    const subjects = await listSubjectsOf(
      trx,
      page.map((row) => row.id),
    );
    await audit(trx, context, 'registry.report.list', { type: 'registry_report' });
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        status: row.status,
        country: row.country,
        subjects: subjects
          .filter((subject) => subject.report_id === row.id)
          .map((subject) => ({ kind: subject.kind, value: subject.display, normalised: subject.normalised })),
        screenshotCount: row.screenshot_count,
        createdAt: new Date(row.created_at).toISOString(),
      })),
      nextCursor:
        rows.length > limit && last !== undefined
          ? encodeQueueCursor([new Date(last.created_at).toISOString(), last.id])
          : null,
    };
  });
}

export interface ReportDetails extends ReportSummary {
  readonly description: string | null;
  readonly decision: { readonly decidedAt: string; readonly reason: string | null } | null;
}

/** One report with its description, for a moderator; audited. */
export async function readReport(context: ModerationContext, reportId: string): Promise<ReportDetails> {
  return context.db.transaction().execute(async (trx) => {
    const row = await findReport(trx, reportId);
    if (row === undefined) throw reportNotFound();
    const subjects = await listSubjectsOf(trx, [reportId]);
    await audit(trx, context, 'registry.report.read', { type: 'registry_report', id: reportId });
    return {
      id: row.id,
      status: row.status,
      country: row.country,
      subjects: subjects.map((subject) => ({
        kind: subject.kind,
        value: subject.display,
        normalised: subject.normalised,
      })),
      screenshotCount: row.screenshot_count,
      createdAt: new Date(row.created_at).toISOString(),
      description:
        row.description_ciphertext === null ? null : openDescription(context.keys, row.id, row.description_ciphertext),
      decision:
        row.decided_at === null
          ? null
          : { decidedAt: new Date(row.decided_at).toISOString(), reason: row.decision_reason },
    };
  });
}

/** One screenshot's bytes (already stripped of metadata when it was received); audited. */
export async function readScreenshot(
  context: ModerationContext,
  reportId: string,
  position: number,
): Promise<{ contentType: ScreenshotContentType; data: Buffer }> {
  return context.db.transaction().execute(async (trx) => {
    const row = await findScreenshot(trx, reportId, position);
    if (row === undefined) throw screenshotNotFound();
    await audit(trx, context, 'registry.screenshot.read', { type: 'registry_report', id: reportId });
    const base64 = context.keys.decryptField(row.data_ciphertext, screenshotAssociatedData(reportId, position));
    return { contentType: row.content_type, data: Buffer.from(base64, 'base64') };
  });
}

export type ReportDecision =
  | {
      readonly decision: 'approve';
      readonly reason: string;
      readonly subjects: readonly NormalisedSubject[] | undefined;
    }
  | { readonly decision: 'reject'; readonly reason: string };

/**
 * Approves or rejects a pending report. Approval may replace the subjects (a moderator drops a victim's
 * name typed as a "company"); the report keeps only the approved list, and each subject's entry gains
 * the report. A report is decided once.
 */
export async function decideReport(
  context: ModerationContext,
  reportId: string,
  decision: ReportDecision,
): Promise<{ status: RegistryReportStatus; entryIds: string[] }> {
  return context.db.transaction().execute(async (trx) => {
    const row = await findReport(trx, reportId, { lock: true });
    if (row === undefined) throw reportNotFound();
    if (row.status !== 'pending') throw reportAlreadyDecided();
    const status: RegistryReportStatus = decision.decision === 'approve' ? 'approved' : 'rejected';
    await trx
      .updateTable('registry_report')
      .set({ status, decided_at: context.now, decided_by: context.staffId, decision_reason: decision.reason })
      .where('id', '=', reportId)
      .execute();
    let entryIds: string[] = [];
    if (decision.decision === 'approve') {
      const stored = await listSubjectsOf(trx, [reportId]);
      const subjects =
        decision.subjects ??
        stored.map((subject) => ({ kind: subject.kind, normalised: subject.normalised, display: subject.display }));
      if (decision.subjects !== undefined) await replaceReportSubjects(trx, reportId, decision.subjects);
      entryIds = await addReportToEntries(
        trx,
        { id: reportId, createdAt: new Date(row.created_at) },
        subjects,
        context.now,
      );
    }
    await audit(trx, context, `registry.report.${decision.decision}`, { type: 'registry_report', id: reportId });
    return { status, entryIds };
  });
}

export interface RemovalRequestView {
  readonly id: string;
  readonly status: RemovalRequestStatus;
  readonly entry: {
    readonly id: string;
    readonly kind: RegistrySubjectKind;
    readonly display: string;
    readonly removed: boolean;
  };
  readonly requesterName: string;
  readonly contactEmail: string;
  readonly statement: string;
  readonly createdAt: string;
  readonly decision: { readonly decidedAt: string; readonly reason: string | null } | null;
}

/** A page of removal requests in one status, oldest first; audited (they carry a name and an email). */
export async function listRemovalRequests(
  context: ModerationContext,
  query: { status: RemovalRequestStatus; cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: RemovalRequestView[]; nextCursor: string | null }> {
  const limit = query.limit ?? defaultQueuePageSize;
  const after = query.cursor === undefined ? undefined : decodeQueueCursor(query.cursor);
  return context.db.transaction().execute(async (trx) => {
    let select = trx
      .selectFrom('registry_removal_request as request')
      .innerJoin('registry_entry as entry', 'entry.id', 'request.entry_id')
      .select([
        'request.id',
        'request.status',
        'request.requester_name_ciphertext',
        'request.contact_email_ciphertext',
        'request.statement_ciphertext',
        'request.created_at',
        'request.decided_at',
        'request.decision_reason',
        'entry.id as entry_id',
        'entry.kind as entry_kind',
        'entry.display as entry_display',
        'entry.removed_at as entry_removed_at',
      ])
      .where('request.status', '=', query.status)
      .orderBy('request.created_at')
      .orderBy('request.id')
      .limit(limit + 1);
    if (after !== undefined) {
      select = select.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('request.created_at', 'request.id'), '>', tuple(new Date(after[0]), after[1])),
      );
    }
    const rows = await select.execute();
    const page = rows.slice(0, limit);
    await audit(trx, context, 'registry.removal_request.list', { type: 'registry_removal_request' });
    const open = (id: string, ciphertext: string, field: 'name' | 'email' | 'statement') =>
      context.keys.decryptField(ciphertext, removalRequestAssociatedData(id, field));
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        id: row.id,
        status: row.status,
        entry: {
          id: row.entry_id,
          kind: row.entry_kind,
          display: row.entry_display,
          removed: row.entry_removed_at !== null,
        },
        requesterName: open(row.id, row.requester_name_ciphertext, 'name'),
        contactEmail: open(row.id, row.contact_email_ciphertext, 'email'),
        statement: open(row.id, row.statement_ciphertext, 'statement'),
        createdAt: new Date(row.created_at).toISOString(),
        decision:
          row.decided_at === null
            ? null
            : { decidedAt: new Date(row.decided_at).toISOString(), reason: row.decision_reason },
      })),
      nextCursor:
        rows.length > limit && last !== undefined
          ? encodeQueueCursor([new Date(last.created_at).toISOString(), last.id])
          : null,
    };
  });
}

/**
 * Decides a removal request: `remove` hides the entry from search (the row stays, for the audit trail
 * and so a new report cannot silently bring it back unnoticed); `keep` leaves it listed, marked disputed.
 */
export async function decideRemovalRequest(
  context: ModerationContext,
  requestId: string,
  decision: { readonly decision: 'remove' | 'keep'; readonly reason: string },
): Promise<{ status: RemovalRequestStatus }> {
  return context.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('registry_removal_request')
      .select(['id', 'status', 'entry_id'])
      .where('id', '=', requestId)
      .forUpdate()
      .executeTakeFirst();
    if (row === undefined) throw removalRequestNotFound();
    if (row.status !== 'pending') throw removalRequestAlreadyDecided();
    const status: RemovalRequestStatus = decision.decision === 'remove' ? 'removed' : 'kept';
    await trx
      .updateTable('registry_removal_request')
      .set({ status, decided_at: context.now, decided_by: context.staffId, decision_reason: decision.reason })
      .where('id', '=', requestId)
      .execute();
    if (decision.decision === 'remove') await removeEntry(trx, row.entry_id, context.now);
    await audit(trx, context, `registry.removal_request.${decision.decision}`, {
      type: 'registry_removal_request',
      id: requestId,
    });
    return { status };
  });
}
