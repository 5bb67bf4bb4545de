// What the escalation engine's effects become in the database: ledger steps, alerts, outbox intents. Pure, so the
// check-in path and the sweep write exactly the same rows for the same effects, and a test can read them.
// Every row is keyed by (stay, period, kind, due time), so writing the same effect twice writes it once.
import { randomUUID } from 'node:crypto';
import { type AlertRiskFacts, alertRisk, type Effect, type RiskArea } from '@homeward/domain';

/** What an alert's risk score needs to know about its stay, besides the alert's own source. */
export interface StayRiskContext {
  readonly destinationCountry: string;
  readonly area: RiskArea | undefined;
  readonly jobOfferLevel: 'low' | 'elevated' | 'high' | undefined;
  readonly priorAlerts: number;
  readonly openConcerns: number;
}

export interface StayIdentity {
  readonly stayId: string;
  readonly embassyId: string;
  readonly citizenId: string;
  readonly language: string;
}

/** A stay row's identity as the effect rows need it. */
export const stayIdentityOf = (stay: {
  readonly id: string;
  readonly embassy_id: string;
  readonly citizen_id: string;
  readonly language: string;
}): StayIdentity => ({
  stayId: stay.id,
  embassyId: stay.embassy_id,
  citizenId: stay.citizen_id,
  language: stay.language,
});

export interface StepRow {
  readonly stay_id: string;
  readonly period: number;
  readonly kind: Effect['type'];
  readonly due_at: string;
}

/** The stay's one unresolved missed-check-in alert: inserted, or counted on when one is open. */
export interface MissedAlertRow {
  readonly id: string;
  readonly stay_id: string;
  readonly embassy_id: string;
  readonly risk_base: number;
  readonly risk_factors: unknown;
  readonly overdue_since: string;
  readonly missed_periods: number;
  readonly is_supervisor_escalated: boolean;
  readonly status: 'open' | 'resolved';
  readonly resolved_at: string | null;
  readonly raised_at: string;
}

/** An alert raised by a signal (SOS, duress, need help): always a new one. */
export interface SignalAlertRow {
  readonly id: string;
  readonly stay_id: string;
  readonly embassy_id: string;
  readonly source: 'sos' | 'duress' | 'need_help';
  readonly risk_base: number;
  readonly risk_factors: unknown;
  readonly message_ciphertext: string | null;
  readonly check_in_id: string | null;
  readonly raised_at: string;
}

export interface OutboxRow {
  readonly id: string;
  readonly stay_id: string;
  readonly dedupe_key: string;
  readonly recipient_kind: 'citizen' | 'organisation';
  readonly recipient_id: string;
  readonly template: string;
  readonly language: string;
  readonly payload: Record<string, unknown>;
  readonly available_at: string;
}

/** A missed period: every confirmed trusted contact of the stay is told (joined in SQL). */
export interface ContactNoticeRow {
  readonly stay_id: string;
  readonly period: number;
  readonly at: string;
}

export interface EffectRows {
  readonly steps: StepRow[];
  readonly missedAlerts: MissedAlertRow[];
  /** Stays whose open missed-check-in alert a supervisor is now called in on. */
  readonly escalate: { readonly stay_id: string }[];
  /**
   * Stays whose open missed-check-in alert a check-in resolves; `escalated` when the supervisor escalation fell due
   * before the check-in (one update does both: PostgreSQL applies only one update of a row per statement).
   */
  readonly resolve: { readonly stay_id: string; readonly at: string; readonly escalated: boolean }[];
  readonly signalAlerts: SignalAlertRow[];
  readonly outbox: OutboxRow[];
  readonly contactNotices: ContactNoticeRow[];
}

export const emptyEffectRows = (): EffectRows => ({
  steps: [],
  missedAlerts: [],
  escalate: [],
  resolve: [],
  signalAlerts: [],
  outbox: [],
  contactNotices: [],
});

/** Risk facts of an alert of this source on this stay; hours overdue are added when the queue is read. */
export function riskFacts(source: AlertRiskFacts['source'], context: StayRiskContext): AlertRiskFacts {
  return {
    source,
    destinationCountry: context.destinationCountry,
    destinationArea: context.area,
    ...(context.jobOfferLevel && { jobOffer: { level: context.jobOfferLevel, score: 0 } }),
    priorAlerts: context.priorAlerts,
    openConcerns: context.openConcerns,
  };
}

export interface SignalDetails {
  /** The check-in that raised the signal, for the alert's link to it. */
  readonly checkInId?: string;
  /** A need-help message, already sealed. */
  readonly messageCiphertext?: string | null;
  /** The period the check-in closed: urgent and help alerts are keyed by it. */
  readonly closedPeriod: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Adds the rows for one stay's effects to `rows`. Overdue effects of several missed periods (a sweep that was down)
 * count on one alert; a check-in after them, in the same batch, leaves that alert resolved.
 */
export function addEffectRows(
  rows: EffectRows,
  stay: StayIdentity,
  effects: readonly Effect[],
  context: StayRiskContext,
  signal: SignalDetails | undefined,
): void {
  const overdues = effects.filter((effect) => effect.type === 'overdue');
  const backOnSchedule = effects.find((effect) => effect.type === 'back_on_schedule');
  const escalation = effects.find((effect) => effect.type === 'supervisor_escalation');
  for (const effect of effects) {
    const period = 'period' in effect ? effect.period : (signal?.closedPeriod ?? 0);
    rows.steps.push({ stay_id: stay.stayId, period, kind: effect.type, due_at: iso(effect.at) });
    switch (effect.type) {
      case 'reminder':
        rows.outbox.push(
          outboxRow(stay, `reminder:${stay.stayId}:${period}:${effect.at}`, 'citizen', stay.citizenId, effect.at, {
            template: 'check_in_reminder',
            payload: { stage: effect.stage },
          }),
        );
        break;
      case 'overdue':
        rows.contactNotices.push({ stay_id: stay.stayId, period, at: iso(effect.at) });
        break;
      case 'supervisor_escalation':
        rows.outbox.push(
          outboxRow(stay, `supervisor:${stay.stayId}:${period}`, 'organisation', stay.embassyId, effect.at, {
            template: 'supervisor_escalation',
            payload: {},
          }),
        );
        break;
      case 'urgent_alert':
      case 'help_alert': {
        const source = effect.type === 'help_alert' ? 'need_help' : effect.signal;
        const risk = alertRisk(riskFacts(source, context));
        rows.signalAlerts.push({
          id: randomUUID(),
          stay_id: stay.stayId,
          embassy_id: stay.embassyId,
          source,
          risk_base: risk.score,
          risk_factors: risk.factors,
          message_ciphertext: signal?.messageCiphertext ?? null,
          check_in_id: signal?.checkInId ?? null,
          raised_at: iso(effect.at),
        });
        // The embassy's duty officer is told; never the citizen's phone, never a trusted contact.
        rows.outbox.push(
          outboxRow(stay, `${source}:${stay.stayId}:${period}`, 'organisation', stay.embassyId, effect.at, {
            template: effect.type === 'help_alert' ? 'help_alert' : 'urgent_alert',
            payload: {},
          }),
        );
        break;
      }
      case 'back_on_schedule':
        break;
    }
  }
  const firstOverdue = overdues[0];
  if (firstOverdue) {
    const risk = alertRisk(riskFacts('missed_check_in', context));
    const isResolved = backOnSchedule !== undefined && backOnSchedule.at >= firstOverdue.at;
    rows.missedAlerts.push({
      id: randomUUID(),
      stay_id: stay.stayId,
      embassy_id: stay.embassyId,
      risk_base: risk.score,
      risk_factors: risk.factors,
      overdue_since: iso(firstOverdue.at),
      missed_periods: overdues.length,
      is_supervisor_escalated: escalation !== undefined,
      status: isResolved ? 'resolved' : 'open',
      resolved_at: isResolved ? iso(backOnSchedule.at) : null,
      raised_at: iso(firstOverdue.at),
    });
  } else {
    if (backOnSchedule) {
      rows.resolve.push({ stay_id: stay.stayId, at: iso(backOnSchedule.at), escalated: escalation !== undefined });
    } else if (escalation) {
      rows.escalate.push({ stay_id: stay.stayId });
    }
  }
}

function outboxRow(
  stay: StayIdentity,
  dedupeKey: string,
  recipientKind: OutboxRow['recipient_kind'],
  recipientId: string,
  at: number,
  message: { template: string; payload: Record<string, unknown> },
): OutboxRow {
  return {
    id: randomUUID(),
    stay_id: stay.stayId,
    dedupe_key: dedupeKey,
    recipient_kind: recipientKind,
    recipient_id: recipientId,
    template: message.template,
    language: stay.language,
    payload: message.payload,
    available_at: iso(at),
  };
}
