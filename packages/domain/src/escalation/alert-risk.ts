// The explained risk score of a welfare-check alert: a list of factors with weights, so an officer sees why one
// alert sits above another (the queue sorts by it). It reuses the prevention rules: the gazetteer for where the
// stay is, the job-offer assessment saved with the stay. See docs/decisions/0014-escalation-engine.md.
import type { Assessment } from '../prevention/rules/assess-job-offer.js';
import { compoundCountries } from '../prevention/rules/lexicons/places.js';
import { type AreaKind, findAreas } from '../prevention/text/gazetteer.js';

export const alertSources = [
  'missed_check_in',
  'need_help',
  'sos',
  'duress',
  'trusted_contact_concern',
  'pin_failures',
] as const;

export type AlertSource = (typeof alertSources)[number];

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
  | 'prior_alerts'
  | 'pin_failures';

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
  /** The gazetteer area of the destination, already looked up (a stay keeps it, not the city). */
  readonly destinationArea?: RiskArea | undefined;
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

/** A gazetteer area as the risk score needs it. */
export interface RiskArea {
  readonly id: string;
  readonly kind: AreaKind;
}

/**
 * The first known compound, border or transit area named in a destination city, if any: what a stay keeps for its
 * alerts' risk score, so the worker never needs the city itself.
 */
export function riskAreaOf(city: string | undefined): RiskArea | undefined {
  const area = city ? findAreas(city)[0]?.area : undefined;
  return area ? { id: area.id, kind: area.kind } : undefined;
}

const sourceWeights: Readonly<Record<AlertSource, [RiskFactorCode, number]>> = {
  duress: ['duress_signal', 100],
  sos: ['sos_signal', 90],
  need_help: ['asked_for_help', 40],
  trusted_contact_concern: ['concern_from_family', 25],
  missed_check_in: ['missed_check_in', 10],
  // Someone typing wrong PINs again and again may be a guard trying to check in for the person they hold.
  pin_failures: ['pin_failures', 30],
};

/**
 * Two points an hour overdue, up to a day and a half: silence grows more worrying, but a missed check-in alone
 * (at most 10 + 72) never outranks an SOS (90) or a duress check-in (100).
 */
export const perHourOverdue = 2;
export const maxHoursCounted = 36;

/** The factor for a missed check-in this many hours overdue; none under an hour. */
export function hoursOverdueFactor(hoursOverdue: number): RiskFactor | undefined {
  const hours = Math.min(Math.floor(hoursOverdue), maxHoursCounted);
  return hours > 0 ? { code: 'hours_overdue', weight: hours * perHourOverdue, detail: hours } : undefined;
}

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
  if (facts.source === 'missed_check_in' && facts.hoursOverdue !== undefined) {
    const factor = hoursOverdueFactor(facts.hoursOverdue);
    if (factor) factors.push(factor);
  }
  const area = facts.destinationArea ?? riskAreaOf(facts.destinationCity);
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
