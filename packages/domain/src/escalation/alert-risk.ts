// The explained risk score of a welfare-check alert: a list of factors with weights, so an officer sees why one
// alert sits above another (the queue sorts by it). It reuses the prevention rules: the gazetteer for where the
// stay is, the job-offer assessment saved with the stay. See docs/decisions/0014-escalation-engine.md.
import type { Assessment } from '../prevention/rules/assess-job-offer.js';
import { compoundCountries } from '../prevention/rules/lexicons/places.js';
import { findAreas } from '../prevention/text/gazetteer.js';

export type AlertSource = 'missed_check_in' | 'need_help' | 'sos' | 'duress' | 'trusted_contact_concern';

export type RiskFactorCode =
  | 'duress_signal'
  | 'sos_signal'
  | 'asked_for_help'
  | 'concern_from_family'
  | 'missed_check_in'
  | 'hours_overdue'
  | 'near_compound_area'
  | 'compound_country'
  | 'job_offer_red_flags'
  | 'prior_alerts';

export interface RiskFactor {
  readonly code: RiskFactorCode;
  readonly weight: number;
  /** What the factor counted or matched: hours, alerts, the area's id, the offer's level. */
  readonly detail?: string | number;
}

export interface AlertRiskFacts {
  readonly source: AlertSource;
  /** For a missed check-in: hours since the stay became overdue. */
  readonly hoursOverdue?: number;
  readonly destinationCountry?: string;
  readonly destinationCity?: string;
  /** The job-offer check saved with the stay, if the citizen chose to. */
  readonly jobOffer?: Pick<Assessment, 'level' | 'score'>;
  /** Earlier alerts for this stay in the last 90 days. */
  readonly priorAlerts: number;
  /** Concerns raised by trusted contacts that are still open. */
  readonly openConcerns: number;
}

export interface AlertRisk {
  readonly score: number;
  readonly factors: readonly RiskFactor[];
}

const sourceWeights: Readonly<Record<AlertSource, [RiskFactorCode, number]>> = {
  duress: ['duress_signal', 100],
  sos: ['sos_signal', 90],
  need_help: ['asked_for_help', 40],
  trusted_contact_concern: ['concern_from_family', 25],
  missed_check_in: ['missed_check_in', 10],
};

/**
 * Two points an hour overdue, up to a day and a half: silence grows more worrying, but a missed check-in alone
 * (at most 10 + 72) never outranks an SOS (90) or a duress check-in (100).
 */
const perHourOverdue = 2;
const maxHoursCounted = 36;

/**
 * The alert's score and the factors behind it, strongest first.
 *
 * ```ts
 * alertRisk({ source: 'missed_check_in', hoursOverdue: 6, destinationCity: 'Myawaddy', priorAlerts: 0, openConcerns: 0 });
 * // { score: 42, factors: [{ code: 'near_compound_area', weight: 20, detail: 'myawaddy' }, …] }
 * ```
 */
export function alertRisk(facts: AlertRiskFacts): AlertRisk {
  const factors: RiskFactor[] = [];
  const [sourceCode, sourceWeight] = sourceWeights[facts.source];
  factors.push({ code: sourceCode, weight: sourceWeight });
  if (facts.source === 'missed_check_in' && facts.hoursOverdue !== undefined && facts.hoursOverdue > 0) {
    const hours = Math.min(Math.floor(facts.hoursOverdue), maxHoursCounted);
    if (hours > 0) factors.push({ code: 'hours_overdue', weight: hours * perHourOverdue, detail: hours });
  }
  const area = facts.destinationCity ? findAreas(facts.destinationCity)[0]?.area : undefined;
  if (area) {
    factors.push({ code: 'near_compound_area', weight: area.kind === 'compound_hub' ? 20 : 12, detail: area.id });
  } else if (facts.destinationCountry && compoundCountries.includes(facts.destinationCountry.toUpperCase())) {
    factors.push({ code: 'compound_country', weight: 10, detail: facts.destinationCountry.toUpperCase() });
  }
  if (facts.jobOffer && facts.jobOffer.level !== 'low') {
    factors.push({
      code: 'job_offer_red_flags',
      weight: facts.jobOffer.level === 'high' ? 20 : 10,
      detail: facts.jobOffer.level,
    });
  }
  if (facts.priorAlerts > 0) {
    factors.push({ code: 'prior_alerts', weight: Math.min(facts.priorAlerts, 4) * 5, detail: facts.priorAlerts });
  }
  if (facts.openConcerns > 0 && facts.source !== 'trusted_contact_concern') {
    factors.push({
      code: 'concern_from_family',
      weight: Math.min(facts.openConcerns, 2) * 15,
      detail: facts.openConcerns,
    });
  }
  factors.sort((a, b) => b.weight - a.weight);
  return { score: factors.reduce((sum, factor) => sum + factor.weight, 0), factors };
}
