// The job-offer check: the offer's signals, the rules that fire on them, a score, a level and the advice that
// follows. How weights, thresholds and decisive flags were chosen is explained at the top of flag-rules.ts.
import { type AdviceCode, adviceCodes, baseAdvice } from './advice.js';
import {
  type AssessmentContext,
  decisiveFlags,
  decisiveWithCompoundArea,
  type FlagCode,
  flagRules,
  namesCompoundWorkplace,
} from './flag-rules.js';
import type { JobOfferAnswers } from './job-offer-answers.js';
import { extractOfferSignals, type OfferSignals } from './offer-signals.js';

export type RiskLevel = 'low' | 'elevated' | 'high';

export const riskLevels: readonly RiskLevel[] = ['low', 'elevated', 'high'];

/** Score thresholds: at least `elevated` is elevated, at least `high` is high. */
export const levelThresholds = { elevated: 4, high: 8 } as const;

/** Protective signals together take at most this much off the score. */
export const protectiveLimit = -5;

export interface RaisedFlag {
  readonly code: FlagCode;
  readonly weight: number;
  readonly evidence: readonly string[];
}

export interface Assessment {
  readonly level: RiskLevel;
  readonly score: number;
  /** Raised flags, heaviest red flag first, protective signals (negative weights) last. */
  readonly flags: readonly RaisedFlag[];
  readonly advice: readonly AdviceCode[];
  readonly signals: OfferSignals;
}

function levelOf(score: number): RiskLevel {
  if (score >= levelThresholds.high) return 'high';
  if (score >= levelThresholds.elevated) return 'elevated';
  return 'low';
}

function isDecisive(raised: readonly RaisedFlag[], signals: OfferSignals): boolean {
  const codes = new Set(raised.map((flag) => flag.code));
  if (decisiveFlags.some((code) => codes.has(code))) return true;
  return namesCompoundWorkplace(signals) && decisiveWithCompoundArea.some((code) => codes.has(code));
}

/** Score from raised flags: red flags add; protective ones subtract, within their limit and above the floor. */
export function scoreFlags(raised: readonly { readonly code: FlagCode; readonly weight: number }[]): number {
  const risk = raised.filter((flag) => flag.weight > 0).reduce((sum, flag) => sum + flag.weight, 0);
  const protective = raised.filter((flag) => flag.weight < 0).reduce((sum, flag) => sum + flag.weight, 0);
  const floor = raised
    .filter((flag) => flag.weight > 0 && flagRules.find((rule) => rule.code === flag.code)?.isUncancellable)
    .reduce((sum, flag) => sum + flag.weight, 0);
  return Math.max(floor, risk + Math.max(protectiveLimit, protective), 0);
}

function adviceFor(level: RiskLevel, raised: readonly RaisedFlag[]): AdviceCode[] {
  const wanted = new Set<AdviceCode>(baseAdvice);
  for (const flag of raised) {
    if (flag.weight <= 0) continue;
    for (const advice of flagRules.find((rule) => rule.code === flag.code)?.advice ?? []) wanted.add(advice);
  }
  if (level !== 'low') wanted.add('contact_embassy_before_leaving');
  if (level === 'high') {
    wanted.add('pause_before_accepting');
    wanted.add('report_recruiter');
  }
  return adviceCodes.filter((code) => wanted.has(code));
}

/**
 * Rates a job offer from its pasted text, its questionnaire answers, or both, and the registry matches the caller
 * looked up for its contacts.
 *
 * ```ts
 * assessJobOffer({ text: 'Customer service in Sihanoukville, 1500 USD, free ticket, Telegram @hr' }).level; // 'high'
 * assessJobOffer({ answers: { destinationCountry: 'MY', foundThrough: 'licensed_agency', visaType: 'work' } }).level; // 'low'
 * ```
 */
export function assessJobOffer(
  input: { text?: string; answers?: JobOfferAnswers },
  context: AssessmentContext = {},
): Assessment {
  const signals = extractOfferSignals(input);
  const raised: RaisedFlag[] = [];
  for (const rule of flagRules) {
    const finding = rule.evaluate(signals, context);
    if (finding) raised.push({ code: rule.code, weight: finding.weight ?? rule.weight, evidence: finding.evidence });
  }
  raised.sort((a, b) => b.weight - a.weight);
  const score = scoreFlags(raised);
  const level = isDecisive(raised, signals) ? 'high' : levelOf(score);
  return { level, score, flags: raised, advice: adviceFor(level, raised), signals };
}
