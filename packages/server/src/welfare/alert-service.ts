// The welfare-check queue: alerts of stays in an officer's jurisdiction, sorted by their explained risk; contact
// attempts, resolution, escalation to a case. Every read of an alert's personal data is audited. The hours a stay has
// been overdue are counted at read time, in SQL for sorting and by the domain rule for the explanation; a test
// holds the two to the same score. See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import { randomUUID } from 'node:crypto';
import {
  type Clock,
  hoursOverdueFactor,
  maxHoursCounted,
  perHourOverdue,
  type RiskFactor,
  type StaffActor,
} from '@homeward/domain';
import { type Kysely, sql } from 'kysely';
import { type AuditActor, recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { Problem } from '../http/problem.js';
import type { KeyRing } from '../keys/key-ring.js';
import { readStay } from '../stays/stay-reader.js';
import type { AlertStatus } from '../stays/stay-tables.js';
import type { AlertListQuery, AlertSummary } from './alert-schemas.js';

export interface AlertDependencies {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly clock: Clock;
}

export interface StaffContext {
  readonly actor: StaffActor;
  readonly auditActor: AuditActor;
  readonly requestId: string;
}

export const alertNotFound = () => new Problem(404, 'alert-not-found', 'Alert not found');
export const alertClosed = () =>
  new Problem(409, 'alert-closed', 'Alert already closed', 'This alert was already resolved or escalated.');

/** The score at `now`: the stored part plus the hours a missed check-in has been overdue (until it was resolved). */
const riskScoreSql = (now: Date) => sql<number>`(alert.risk_base + case when alert.source = 'missed_check_in'
  then least(greatest(floor(extract(epoch from (coalesce(alert.resolved_at, ${now}::timestamptz) - alert.overdue_since)) / 3600), 0), ${maxHoursCounted})::integer * ${perHourOverdue}
  else 0 end)`;

function summaryQuery(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('alert')
    .innerJoin('stay', 'stay.id', 'alert.stay_id')
    .select([
      'alert.id',
      'alert.source',
      'alert.status',
      'alert.risk_factors',
      'alert.overdue_since',
      'alert.resolved_at',
      'alert.raised_at',
      'alert.missed_periods',
      'alert.is_supervisor_escalated',
      'alert.embassy_id',
      'stay.id as stay_id',
      'stay.destination_country',
      riskScoreSql(now).as('risk_score'),
      (eb) =>
        eb
          .selectFrom('alert_contact_attempt')
          .select((inner) => inner.fn.countAll<number>().as('count'))
          .whereRef('alert_contact_attempt.alert_id', '=', 'alert.id')
          .as('contact_attempts'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function summaryOf(row: SummaryRow, now: Date): AlertSummary {
  const stored = (
    typeof row.risk_factors === 'string' ? JSON.parse(row.risk_factors) : row.risk_factors
  ) as RiskFactor[];
  const factors = [...stored];
  if (row.source === 'missed_check_in' && row.overdue_since) {
    const until = row.resolved_at ? new Date(row.resolved_at) : now;
    const hours = (until.getTime() - new Date(row.overdue_since).getTime()) / 3_600_000;
    const factor = hoursOverdueFactor(hours);
    if (factor) factors.push(factor);
  }
  factors.sort((a, b) => b.weight - a.weight);
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    riskScore: Number(row.risk_score),
    riskFactors: factors,
    raisedAt: new Date(row.raised_at).toISOString(),
    missedPeriods: row.missed_periods,
    isSupervisorEscalated: row.is_supervisor_escalated,
    contactAttempts: Number(row.contact_attempts ?? 0),
    stay: { id: row.stay_id, destinationCountry: row.destination_country, embassyId: row.embassy_id },
  };
}

/** Alerts this officer may see: their embassy's, or of stays in their jurisdiction (the policy's record rule). */
export async function listAlerts(deps: AlertDependencies, context: StaffContext, query: AlertListQuery) {
  const now = deps.clock.now();
  const limit = query.limit ?? 50;
  const offset = Number(query.cursor ?? 0);
  const jurisdiction = [...context.actor.jurisdiction];
  let select = summaryQuery(deps.db, now).where((eb) =>
    eb.or([
      eb('alert.embassy_id', '=', context.actor.organisationId),
      ...(jurisdiction.length > 0 ? [eb('stay.destination_country', 'in', jurisdiction)] : []),
    ]),
  );
  const statuses: AlertStatus[] = query.status ? [query.status] : ['open', 'contacting'];
  select = select.where('alert.status', 'in', statuses);
  if (query.source) select = select.where('alert.source', '=', query.source);
  if (query.embassyId) select = select.where('alert.embassy_id', '=', query.embassyId);
  select =
    query.sort === 'age'
      ? select.orderBy('alert.raised_at', 'asc').orderBy('alert.id')
      : select.orderBy(sql`risk_score`, 'desc').orderBy('alert.raised_at', 'asc').orderBy('alert.id');
  const rows = await select
    .limit(limit + 1)
    .offset(offset)
    .execute();
  await recordAudit(deps.db, {
    actor: context.auditActor,
    action: 'alert.list',
    resource: { type: 'alert' },
    outcome: 'success',
    requestId: context.requestId,
  });
  return {
    items: rows.slice(0, limit).map((row) => summaryOf(row, now)),
    nextCursor: rows.length > limit ? String(offset + limit) : null,
  };
}

/** The alert's access facts, for `request.authorize`; 404 when there is no such alert. */
export async function alertFacts(deps: AlertDependencies, alertId: string) {
  const row = await deps.db
    .selectFrom('alert')
    .innerJoin('stay', 'stay.id', 'alert.stay_id')
    .select(['alert.id', 'alert.embassy_id', 'stay.destination_country', 'stay.citizen_id'])
    .where('alert.id', '=', alertId)
    .executeTakeFirst();
  if (!row) throw alertNotFound();
  return { type: 'alert', id: row.id, embassyId: row.embassy_id, countryCode: row.destination_country };
}

export async function readAlert(deps: AlertDependencies, context: StaffContext, alertId: string) {
  const now = deps.clock.now();
  const row = await summaryQuery(deps.db, now)
    .innerJoin('citizen', 'citizen.id', 'stay.citizen_id')
    .select([
      'citizen.display_name',
      'alert.message_ciphertext',
      'alert.resolution_reason',
      'alert.resolution_note_ciphertext',
      'alert.case_id',
    ])
    .where('alert.id', '=', alertId)
    .executeTakeFirst();
  if (!row) throw alertNotFound();
  const stay = await readStay(deps.db, deps.keys, row.stay_id, now);
  if (!stay) throw alertNotFound();
  const attempts = await deps.db
    .selectFrom('alert_contact_attempt')
    .select(['attempted_at', 'channel', 'outcome', 'note_ciphertext', 'staff_id'])
    .where('alert_id', '=', alertId)
    .orderBy('attempted_at', 'desc')
    .execute();
  const checkIns = await deps.db
    .selectFrom('check_in')
    .select(['received_at', 'signal', 'channel'])
    .where('stay_id', '=', row.stay_id)
    .orderBy('received_at', 'desc')
    .limit(10)
    .execute();
  await recordAudit(deps.db, {
    actor: context.auditActor,
    action: 'alert.read',
    resource: { type: 'alert', id: alertId },
    outcome: 'success',
    requestId: context.requestId,
  });
  const open = (ciphertext: string | null, associated: string) =>
    ciphertext === null ? null : deps.keys.decryptField(ciphertext, associated);
  const message = open(row.message_ciphertext, `check_in:${row.stay_id}`);
  return {
    ...summaryOf(row, now),
    citizen: { displayName: row.display_name },
    // Staff see who the contacts are, never their addresses.
    stayDetails: stay.reply,
    contactAttemptLog: attempts.map((attempt) => ({
      at: new Date(attempt.attempted_at).toISOString(),
      channel: attempt.channel,
      outcome: attempt.outcome,
      note: open(attempt.note_ciphertext, `alert:${alertId}`),
      staffId: attempt.staff_id,
    })),
    recentCheckIns: checkIns.map((checkIn) => ({
      receivedAt: new Date(checkIn.received_at).toISOString(),
      signal: checkIn.signal,
      channel: checkIn.channel,
    })),
    ...(message !== null && { message }),
    ...(row.resolution_reason && {
      resolution: {
        reason: row.resolution_reason,
        note: open(row.resolution_note_ciphertext, `alert:${alertId}`),
        at: row.resolved_at ? new Date(row.resolved_at).toISOString() : '',
      },
    }),
    ...(row.case_id && { caseId: row.case_id }),
  };
}

export async function recordContactAttempt(
  deps: AlertDependencies,
  context: StaffContext,
  alertId: string,
  attempt: { channel: string; outcome: string; note?: string | undefined },
) {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const alert = await trx
      .updateTable('alert')
      .set({ status: sql`case when status = 'open' then 'contacting' else status end`, updated_at: now })
      .where('id', '=', alertId)
      .where('status', 'in', ['open', 'contacting'])
      .returning(['stay_id'])
      .executeTakeFirst();
    if (!alert) throw alertClosed();
    await trx
      .insertInto('alert_contact_attempt')
      .values({
        id,
        alert_id: alertId,
        stay_id: alert.stay_id,
        staff_id: context.actor.staffId,
        channel: attempt.channel,
        outcome: attempt.outcome,
        note_ciphertext: attempt.note === undefined ? null : deps.keys.encryptField(attempt.note, `alert:${alertId}`),
        attempted_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor: context.auditActor,
      action: 'alert.contact_attempt',
      resource: { type: 'alert', id: alertId },
      outcome: 'success',
      requestId: context.requestId,
    });
  });
  return { id, at: now.toISOString() };
}

export async function resolveAlert(
  deps: AlertDependencies,
  context: StaffContext,
  alertId: string,
  resolution: { reason: string; note?: string | undefined },
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('alert')
      .set({
        status: 'resolved',
        resolved_at: now,
        resolved_by: context.actor.staffId,
        resolution_reason: resolution.reason,
        resolution_note_ciphertext:
          resolution.note === undefined ? null : deps.keys.encryptField(resolution.note, `alert:${alertId}`),
        updated_at: now,
      })
      .where('id', '=', alertId)
      .where('status', 'in', ['open', 'contacting'])
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw alertClosed();
    await recordAudit(trx, {
      actor: context.auditActor,
      action: 'alert.resolve',
      resource: { type: 'alert', id: alertId },
      outcome: 'success',
      reason: resolution.reason,
      requestId: context.requestId,
    });
  });
  const row = await summaryQuery(deps.db, now).where('alert.id', '=', alertId).executeTakeFirstOrThrow();
  return summaryOf(row, now);
}

const intakeSourceOf: Record<string, string> = {
  missed_check_in: 'missed_check_in',
  need_help: 'need_help',
  sos: 'sos',
  duress: 'duress',
  trusted_contact_concern: 'family_report',
  pin_failures: 'pin_failures',
};

/** Opens a case at screening from the alert; escalating the same alert again answers with the same case. */
export async function escalateAlert(
  deps: AlertDependencies,
  context: StaffContext,
  alertId: string,
  note: string | undefined,
): Promise<{ caseId: string; isNew: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const alert = await trx
      .selectFrom('alert')
      .innerJoin('stay', 'stay.id', 'alert.stay_id')
      .select([
        'alert.id',
        'alert.status',
        'alert.case_id',
        'alert.source',
        'alert.stay_id',
        'alert.embassy_id',
        'stay.citizen_id',
      ])
      .where('alert.id', '=', alertId)
      .forUpdate('alert')
      .executeTakeFirst();
    if (!alert) throw alertNotFound();
    if (alert.case_id) return { caseId: alert.case_id, isNew: false };
    if (alert.status === 'resolved') throw alertClosed();
    const caseId = randomUUID();
    await trx
      .insertInto('case_record')
      .values({
        id: caseId,
        stay_id: alert.stay_id,
        citizen_id: alert.citizen_id,
        embassy_id: alert.embassy_id,
        alert_id: alertId,
        intake_source: intakeSourceOf[alert.source] ?? 'walk_in',
        stage: 'screening',
        note_ciphertext: note === undefined ? null : deps.keys.encryptField(note, `case:${caseId}`),
        opened_at: now,
        opened_by: context.actor.staffId,
      })
      .execute();
    await trx
      .updateTable('alert')
      .set({ status: 'escalated', case_id: caseId, updated_at: now })
      .where('id', '=', alertId)
      .execute();
    await recordAudit(trx, {
      actor: context.auditActor,
      action: 'alert.escalate',
      resource: { type: 'case', id: caseId },
      outcome: 'success',
      requestId: context.requestId,
    });
    return { caseId, isNew: true };
  });
}
