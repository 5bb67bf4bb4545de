// What a phrase lexicon can recognise in a job offer: the kinds of phrase (signals), the kinds of work (families,
// a little finer than the salary table's JobFamily) and the shape of one language's lexicon.
import type { JobFamily } from '../money/salary-reference.js';
import type { Language } from './languages.js';

/** Kinds of phrase the lexicons recognise. Each lexicon lists its own phrases for each. */
export const phraseSignals = [
  'no_experience', // "no experience needed"
  'easy_work', // "only need to know how to type / use a phone", "easy job"
  'high_pay_claim', // "high salary", "gaji tinggi", "高薪"
  'free_travel', // "free ticket", "all expenses paid", "ticket covered"
  'employer_pays', // the employer-pays principle stated: "employer pays all costs", "zero cost"
  'no_fee', // "no placement fee": cancels a fee phrase it overlaps
  'recruitment_fee', // "placement fee", "deposit", "processing fee"
  'debt', // "salary deduction", "loan", "penalty if you quit"
  'tourist_visa', // "tourist visa", "visa on arrival", "visa-free entry"
  'work_visa', // "work visa", "work permit", "Visa Non-B"
  'passport_held', // "the company will keep your passport"
  'passport_safe', // "you keep your own passport": cancels a passport phrase it overlaps
  'urgency', // "urgent", "limited slots", "depart this week"
  'secrecy', // "do not tell your family", "keep it confidential"
  'overland_route', // "then by car", "cross the river", "pick you up at the border"
  'typing_requirement', // "typing speed", "fast typing"
  'social_recruitment', // "inbox me", "PM for details", "bring a friend"
  'employer_hidden', // "company name will be given later"
  'licensed_agency', // licence numbers, BP2MI/P2MI, DMW/POEA, JTKSM, Department of Employment, MoU, G-to-G
  'work_contract', // written employment contract, social security, insurance
  'verifiable_employer', // walk-in interviews, an office or factory address, a careers page, a job board
] as const;

export type PhraseSignal = (typeof phraseSignals)[number];

/**
 * Signals whose phrases are dropped when a negation comes just before them in the same clause
 * ("no placement fee", "we never keep your passport", "không giữ hộ chiếu").
 */
export const negatableSignals: readonly PhraseSignal[] = [
  'recruitment_fee',
  'debt',
  'tourist_visa',
  'passport_held',
  'free_travel',
  'secrecy',
  'urgency',
];

/**
 * Kinds of work an offer names: the salary table's families plus two lures that have no salary family of their own
 * (crypto or investment "sales" and "chat" jobs, both typical of scam compounds).
 */
export type OfferJobFamily = JobFamily | 'crypto_investment' | 'chat_operator';

/** One language's phrases. Written as read, with diacritics; matched on normalised text (see phrase-matcher.ts). */
export interface Lexicon {
  readonly language: Language;
  readonly phrases: Readonly<Partial<Record<PhraseSignal, readonly string[]>>>;
  readonly jobFamilies: Readonly<Partial<Record<OfferJobFamily, readonly string[]>>>;
  /** Names of languages a job may require, keyed by BCP 47 primary tag ("zh", "en"…). */
  readonly languageNames: Readonly<Partial<Record<string, readonly string[]>>>;
  /** Words that negate a phrase that follows them in the same clause ("no", "tanpa", "không", "ไม่", "无"). */
  readonly negators: readonly string[];
  /** Everyday words of a Latin-script language ("the", "dan", "ang"), to tell which language an ad is written in. */
  readonly commonWords?: readonly string[];
}
