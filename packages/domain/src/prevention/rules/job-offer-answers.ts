// The job-offer questionnaire: what a person can tell us about an offer besides pasting it. Every answer is
// optional. The option lists are exported so the API schema and the page are built from the same lists.
import type { PayPeriod } from '../money/currencies.js';

export const foundThroughOptions = [
  'social_media',
  'messaging_app',
  'friend_or_relative',
  'licensed_agency',
  'unlicensed_agent',
  'job_board',
  'employer_directly',
  'other',
] as const;
export const yesNoUnsureOptions = ['yes', 'no', 'unsure'] as const;
export const travelPaidByOptions = ['employer', 'recruiter', 'self', 'unknown'] as const;
export const routeOptions = ['direct_flight', 'flight_then_overland', 'overland', 'unknown'] as const;
export const visaTypeOptions = ['work', 'tourist', 'business', 'student', 'none', 'unknown'] as const;
export const recruitmentFeeOptions = ['none', 'fee', 'debt', 'salary_deduction', 'unsure'] as const;
export const urgencyOptions = ['yes', 'no'] as const;

/**
 * The structured answers. Countries are ISO 3166-1 alpha-2 codes, languages BCP 47 primary tags.
 *
 * ```ts
 * const answers: JobOfferAnswers = { destinationCountry: 'KH', travelPaidBy: 'recruiter', visaType: 'tourist' };
 * ```
 */
export interface JobOfferAnswers {
  readonly jobTitle?: string;
  readonly duties?: string;
  readonly destinationCountry?: string;
  readonly destinationCity?: string;
  readonly salary?: { readonly amount: number; readonly currency: string; readonly period: PayPeriod };
  readonly foundThrough?: (typeof foundThroughOptions)[number];
  readonly employerVerifiable?: (typeof yesNoUnsureOptions)[number];
  readonly travelPaidBy?: (typeof travelPaidByOptions)[number];
  readonly route?: (typeof routeOptions)[number];
  readonly transitCountry?: string;
  readonly visaType?: (typeof visaTypeOptions)[number];
  readonly passportHeld?: (typeof yesNoUnsureOptions)[number];
  readonly recruitmentFee?: (typeof recruitmentFeeOptions)[number];
  readonly languagesRequired?: readonly string[];
  readonly urgency?: (typeof urgencyOptions)[number];
  readonly employerName?: string;
  readonly recruiterPhone?: string;
  readonly recruiterLinks?: readonly string[];
}
