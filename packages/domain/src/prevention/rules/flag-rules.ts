// The job-offer rules, as data: each flag's code, usual weight, the advice it calls for and the test that raises it
// from the offer's signals. Red flags add to the score, protective signals (a licensed channel, a work visa and
// contract, an employer people can find) subtract from it.
//
// Scoring (assess-job-offer.ts): the score is the sum of the raised weights, with protective signals together
// worth at most −5 and never taking the score below the weight of the flags they cannot cancel (a compound area,
// a registry match). Levels: high at 8 or more, elevated at 4 or more, low below. Some flags are decisive and make
// the offer high whatever the score: a moderated registry match; a compound area named as the workplace together
// with recruiter-paid travel, a scam-type job, a tourist visa, a held passport, secrecy or an overland crossing.
//
// Weights follow how strongly each mark predicts forced-scamming recruitment in the public reports (OHCHR 2023,
// UNODC 2023, IOM): a compound area, a tourist visa for work, a held passport, an overland crossing and secrecy weigh
// most; urgency and recruitment through social media, which ordinary offers share, least. No single ordinary mark
// reaches "elevated" on its own.
import type { AdviceCode } from './advice.js';
import { compoundCountries, gatewayCountries } from './lexicons/places.js';
import type { OfferSignals } from './offer-signals.js';
import type { OfferJobFamily } from './phrase-signals.js';

export const flagCodes = [
  'reported_in_registry',
  'compound_area_destination',
  'overland_third_country_route',
  'tourist_visa_for_work',
  'passport_held',
  'recruitment_fee_or_debt',
  'salary_far_above_market',
  'no_experience_high_pay',
  'scam_job_family',
  'recruiter_pays_travel',
  'employer_unverifiable',
  'messaging_app_only_contact',
  'recruited_via_social_media_or_friend',
  'secrecy',
  'urgency_pressure',
  'language_requirement_pattern',
  'licensed_agency_channel',
  'work_visa_and_contract',
  'employer_pays_costs',
  'verifiable_employer',
] as const;

export type FlagCode = (typeof flagCodes)[number];

/** A report in the moderated registry of recruiters that matches the offer's phone, company, link or handle. */
export interface RegistryMatch {
  readonly kind: 'phone' | 'company' | 'url' | 'handle';
  readonly display: string;
  readonly reportCount: number;
  readonly reporterCount: number;
  readonly firstReportedAt: string;
}

export interface AssessmentContext {
  readonly registryMatches?: readonly RegistryMatch[];
}

/** What a rule found: the weight (when graded) and the words or answers behind it. */
export interface RuleFinding {
  readonly weight?: number;
  readonly evidence: readonly string[];
}

export interface FlagRule {
  readonly code: FlagCode;
  /** The usual weight; a graded rule returns its own. Negative for protective signals. */
  readonly weight: number;
  /** A flag protective signals cannot outweigh. */
  readonly isUncancellable: boolean;
  readonly advice: readonly AdviceCode[];
  readonly evaluate: (signals: OfferSignals, context: AssessmentContext) => RuleFinding | undefined;
}

/** The jobs scam compounds advertise (OHCHR 2023; IOM 2023): typing, chat, customer service, marketing, crypto, gaming. */
export const lureFamilies: readonly OfferJobFamily[] = [
  'customer_service',
  'online_marketing',
  'data_entry',
  'chat_operator',
  'crypto_investment',
  'casino_gaming',
];
/** Jobs compounds also advertise, but that are common and ordinary elsewhere: counted only in compound countries. */
export const weakLureFamilies: readonly OfferJobFamily[] = ['translation', 'it_software', 'sales'];

/** Salary ratio grades: at least `ratio` times the market weighs `weight`. Highest first. */
export const salaryGrades: readonly { readonly ratio: number; readonly weight: number }[] = [
  { ratio: 4.5, weight: 4 },
  { ratio: 3, weight: 3 },
  { ratio: 2, weight: 2 },
];
/** Pay this far above the market counts as "high pay" alongside "no experience needed". */
export const highPayRatio = 1.5;

const found = (evidence: readonly string[], weight?: number): RuleFinding =>
  weight === undefined ? { evidence } : { evidence, weight };
const formatRatio = (ratio: number) => `${ratio.toFixed(1)}× the usual pay`;

function isLureJob(signals: OfferSignals): OfferJobFamily[] {
  return signals.jobFamilies.filter((family) => lureFamilies.includes(family));
}

function isDomestic(signals: OfferSignals): boolean {
  const destination = signals.destinationCountry?.value;
  return destination !== undefined && destination === signals.homeCountry;
}

/** Whether the offer names a compound hub as the workplace (not only a crossing on the way). */
export function namesCompoundWorkplace(signals: OfferSignals): boolean {
  return signals.areas.some((area) => area.kind === 'compound_hub' && !area.isWaypoint);
}

/** Every rule, red flags first. */
export const flagRules: readonly FlagRule[] = [
  {
    code: 'reported_in_registry',
    weight: 8,
    isUncancellable: true,
    advice: ['pause_before_accepting', 'report_recruiter'],
    evaluate: (_signals, context) => {
      const matches = context.registryMatches ?? [];
      if (matches.length === 0) return undefined;
      return found(matches.map((match) => `${match.kind} ${match.display}: ${match.reportCount} reports`));
    },
  },
  {
    code: 'compound_area_destination',
    weight: 5,
    isUncancellable: true,
    advice: ['pause_before_accepting', 'contact_embassy_before_leaving'],
    evaluate: (signals) => {
      const hubs = signals.areas.filter((area) => area.kind === 'compound_hub');
      if (hubs.length === 0) return undefined;
      // A hub passed through in the worker's own country weighs less: the regular MoU routes cross there too.
      return found(uniqueStrings(hubs.map((area) => area.matched)), namesCompoundWorkplace(signals) ? undefined : 2);
    },
  },
  {
    code: 'overland_third_country_route',
    weight: 3,
    isUncancellable: false,
    advice: ['refuse_overland_crossing', 'contact_embassy_before_leaving'],
    evaluate: (signals) => {
      const route = signals.route;
      if (!route || route.value === 'direct_flight') return undefined;
      const destination = signals.destinationCountry?.value;
      const throughThirdCountry = signals.transitCountry !== undefined && signals.transitCountry !== destination;
      if (route.source === 'answers') {
        return found(route.evidence, route.value === 'flight_then_overland' || throughThirdCountry ? 3 : 2);
      }
      // Only a border town named, with no words about crossing: a weaker sign.
      return found(route.evidence, signals.phrases.overland_route.length > 0 ? 3 : 2);
    },
  },
  {
    code: 'tourist_visa_for_work',
    weight: 3,
    isUncancellable: false,
    advice: ['insist_on_work_visa'],
    evaluate: (signals) => {
      const visa = signals.visaType;
      if (!visa) return undefined;
      if (visa.value === 'tourist' || visa.value === 'none') return found(visa.evidence);
      if (visa.value === 'student') return found(visa.evidence, 2);
      return undefined;
    },
  },
  {
    code: 'passport_held',
    weight: 3,
    isUncancellable: false,
    advice: ['never_hand_over_passport'],
    evaluate: (signals) => {
      const held = signals.passportHeld;
      if (!held || held.value === 'no') return undefined;
      return found(held.evidence, held.value === 'unsure' ? 1 : undefined);
    },
  },
  {
    code: 'recruitment_fee_or_debt',
    weight: 2,
    isUncancellable: false,
    advice: ['never_pay_recruitment_fee', 'verify_agency_with_authority'],
    evaluate: (signals) => {
      const fee = signals.recruitmentFee;
      if (!fee || fee.value === 'none') return undefined;
      return found(fee.evidence, fee.value === 'fee' ? undefined : 3);
    },
  },
  {
    code: 'salary_far_above_market',
    weight: 2,
    isUncancellable: false,
    advice: ['question_unrealistic_salary'],
    evaluate: (signals) => {
      const ratio = signals.salaryRatio;
      if (ratio === undefined || !signals.salary) return undefined;
      const grade = salaryGrades.find((candidate) => ratio >= candidate.ratio);
      return grade ? found([signals.salary.evidence, formatRatio(ratio)], grade.weight) : undefined;
    },
  },
  {
    code: 'no_experience_high_pay',
    weight: 2,
    isUncancellable: false,
    advice: ['question_unrealistic_salary'],
    evaluate: (signals) => {
      const easy = [...signals.phrases.no_experience, ...signals.phrases.easy_work];
      if (easy.length === 0) return undefined;
      const highPay = [...signals.phrases.high_pay_claim];
      if (signals.salaryRatio !== undefined && signals.salaryRatio >= highPayRatio && signals.salary) {
        highPay.push(signals.salary.evidence);
      }
      return highPay.length > 0 ? found([...easy, ...highPay]) : undefined;
    },
  },
  {
    code: 'scam_job_family',
    weight: 3,
    isUncancellable: false,
    advice: ['verify_employer_independently', 'contact_embassy_before_leaving'],
    evaluate: (signals) => {
      if (isDomestic(signals)) return undefined;
      const destination = signals.destinationCountry?.value;
      const lures = isLureJob(signals);
      const weakLures = signals.jobFamilies.filter((family) => weakLureFamilies.includes(family));
      if (destination !== undefined && compoundCountries.includes(destination)) {
        if (lures.length > 0) return found(lures);
        return weakLures.length > 0 ? found(weakLures, 2) : undefined;
      }
      if (lures.length === 0) return undefined;
      if (destination !== undefined && gatewayCountries.includes(destination)) return found(lures, 2);
      return destination === undefined ? found(lures, 1) : undefined;
    },
  },
  {
    code: 'recruiter_pays_travel',
    weight: 2,
    isUncancellable: false,
    advice: ['verify_employer_independently', 'get_written_contract'],
    evaluate: (signals) =>
      signals.travelPaidBy?.value === 'recruiter' ? found(signals.travelPaidBy.evidence) : undefined,
  },
  {
    code: 'employer_unverifiable',
    weight: 2,
    isUncancellable: false,
    advice: ['verify_employer_independently'],
    evaluate: (signals) => {
      const verifiable = signals.employerVerifiable;
      if (!verifiable || verifiable.value === 'yes') return undefined;
      return found(verifiable.evidence, verifiable.value === 'unsure' ? 1 : undefined);
    },
  },
  {
    code: 'messaging_app_only_contact',
    weight: 2,
    isUncancellable: false,
    advice: ['verify_employer_independently', 'search_registry'],
    evaluate: (signals) => {
      const onlyChat = signals.messagingApps.length > 0 || signals.foundThrough?.value === 'messaging_app';
      if (!onlyChat || signals.companyNames.length > 0 || signals.websites.length > 0) return undefined;
      if (signals.phrases.verifiable_employer.length > 0) return undefined;
      return found(signals.messagingApps.length > 0 ? signals.messagingApps : ['found through: messaging_app']);
    },
  },
  {
    code: 'recruited_via_social_media_or_friend',
    weight: 1,
    isUncancellable: false,
    advice: ['verify_agency_with_authority'],
    evaluate: (signals) => {
      const through = signals.foundThrough;
      if (!through) return undefined;
      if (through.value === 'unlicensed_agent') return found(through.evidence, 2);
      const informal = ['social_media', 'messaging_app', 'friend_or_relative'];
      return informal.includes(through.value) ? found(through.evidence) : undefined;
    },
  },
  {
    code: 'secrecy',
    weight: 3,
    isUncancellable: false,
    advice: ['tell_family_exact_address', 'contact_embassy_before_leaving'],
    evaluate: (signals) => (signals.phrases.secrecy.length > 0 ? found(signals.phrases.secrecy) : undefined),
  },
  {
    code: 'urgency_pressure',
    weight: 1,
    isUncancellable: false,
    advice: ['take_time_to_check'],
    evaluate: (signals) => (signals.urgency?.value === true ? found(signals.urgency.evidence) : undefined),
  },
  {
    code: 'language_requirement_pattern',
    weight: 1,
    isUncancellable: false,
    advice: ['verify_employer_independently'],
    evaluate: (signals) => {
      const typing = signals.phrases.typing_requirement;
      const foreign = signals.languagesRequired.filter((language) => language === 'zh' || language === 'en');
      const evidence = [...typing, ...(isLureJob(signals).length > 0 && !isDomestic(signals) ? foreign : [])];
      return evidence.length > 0 ? found(evidence) : undefined;
    },
  },
  {
    code: 'licensed_agency_channel',
    weight: -3,
    isUncancellable: false,
    advice: [],
    evaluate: (signals) => {
      const evidence = [
        ...(signals.foundThrough?.value === 'licensed_agency' ? signals.foundThrough.evidence : []),
        ...signals.phrases.licensed_agency,
      ];
      return evidence.length > 0 ? found(evidence) : undefined;
    },
  },
  {
    code: 'work_visa_and_contract',
    weight: -2,
    isUncancellable: false,
    advice: [],
    evaluate: (signals) => {
      const visa = signals.visaType?.value === 'work' ? signals.visaType.evidence : [];
      const contract = signals.phrases.work_contract;
      if (visa.length === 0 && contract.length === 0) return undefined;
      return found([...visa, ...contract], visa.length > 0 && contract.length > 0 ? undefined : -1);
    },
  },
  {
    code: 'employer_pays_costs',
    weight: -1,
    isUncancellable: false,
    advice: [],
    evaluate: (signals) => {
      const evidence = [
        ...(signals.travelPaidBy?.value === 'employer' ? signals.travelPaidBy.evidence : []),
        ...signals.phrases.employer_pays,
      ];
      return evidence.length > 0 ? found(uniqueStrings(evidence)) : undefined;
    },
  },
  {
    code: 'verifiable_employer',
    weight: -2,
    isUncancellable: false,
    advice: [],
    evaluate: (signals) => {
      const kinds = [
        signals.companyNames,
        signals.websites,
        signals.phrases.verifiable_employer,
        signals.employerVerifiable?.value === 'yes' ? signals.employerVerifiable.evidence : [],
      ].filter((evidence) => evidence.length > 0);
      if (kinds.length === 0) return undefined;
      return found(kinds.flat(), kinds.length >= 2 ? undefined : -1);
    },
  },
];

function uniqueStrings(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Flags that make an offer high on their own, or together with a compound area named as the workplace. */
export const decisiveFlags: readonly FlagCode[] = ['reported_in_registry'];
export const decisiveWithCompoundArea: readonly FlagCode[] = [
  'recruiter_pays_travel',
  'scam_job_family',
  'tourist_visa_for_work',
  'passport_held',
  'secrecy',
  'overland_third_country_route',
];
