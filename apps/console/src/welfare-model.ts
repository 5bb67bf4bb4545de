// The rules of the welfare-check screens, apart from the DOM: which roles see them, the words for each
// source, status, channel and outcome, a risk factor as a sentence ("6 hours overdue (+12)"), an alert's
// age, a schedule's durations, what a contact attempt or resolution sends, and when the queue refreshes.
import type { StaffRole } from '@homeward/domain';
import type {
  AlertFilter,
  AlertSort,
  AlertSource,
  AlertStatus,
  ContactAttemptInput,
  ContactChannel,
  ContactOutcome,
  RecentCheckIn,
  ResolutionInput,
  ResolutionReason,
  RiskFactor,
} from './alerts-api';
import { alertSorts, alertSources, alertStatuses } from './alerts-api';

/** A catalogue key with its English, as the source-text test expects them side by side. */
export type Words = readonly [key: string, english: string];

/** A message to show: its words and the values its placeholders take. */
export interface Message {
  readonly words: Words;
  readonly values?: Readonly<Record<string, string | number>>;
}

/**
 * The roles the policy lets `alert.read` (packages/domain/src/access/policy.ts). The console only decides
 * what to show; the API refuses everyone else, and limits each officer to their embassy's jurisdiction.
 */
export const welfareRoles: readonly StaffRole[] = ['consular_officer', 'consular_supervisor'];

export const sourceNames: Readonly<Record<AlertSource, Words>> = {
  sos: ['welfare.source.sos', 'SOS'],
  duress: ['welfare.source.duress', 'Duress PIN'],
  need_help: ['welfare.source.need_help', 'Asked for help'],
  trusted_contact_concern: ['welfare.source.trusted_contact_concern', 'Concern from family'],
  missed_check_in: ['welfare.source.missed_check_in', 'Missed check-in'],
  pin_failures: ['welfare.source.pin_failures', 'Wrong PINs'],
};

/** Sources that mean someone may be in danger right now: shown in the danger colour, never by colour alone. */
export const urgentSources: readonly AlertSource[] = ['sos', 'duress'];

export const isUrgentSource = (source: string): boolean => (urgentSources as readonly string[]).includes(source);

export const statusNames: Readonly<Record<AlertStatus, Words>> = {
  open: ['welfare.status.open', 'Open'],
  contacting: ['welfare.status.contacting', 'Contacting'],
  resolved: ['welfare.status.resolved', 'Resolved'],
  escalated: ['welfare.status.escalated', 'Escalated to a case'],
};

export const sortNames: Readonly<Record<AlertSort, Words>> = {
  risk: ['welfare.sort.risk', 'Highest risk first'],
  age: ['welfare.sort.age', 'Longest waiting first'],
};

export const channelNames: Readonly<Record<ContactChannel, Words>> = {
  phone: ['welfare.channel.phone', 'Phone call'],
  sms: ['welfare.channel.sms', 'SMS'],
  whatsapp: ['welfare.channel.whatsapp', 'WhatsApp'],
  email: ['welfare.channel.email', 'Email'],
  in_person: ['welfare.channel.in_person', 'In person'],
  partner: ['welfare.channel.partner', 'Through a partner organisation'],
};

export const outcomeNames: Readonly<Record<ContactOutcome, Words>> = {
  reached_safe: ['welfare.outcome.reached_safe', 'Reached: safe'],
  reached_needs_help: ['welfare.outcome.reached_needs_help', 'Reached: needs help'],
  no_answer: ['welfare.outcome.no_answer', 'No answer'],
  wrong_number: ['welfare.outcome.wrong_number', 'Wrong number or address'],
  other: ['welfare.outcome.other', 'Other (say what in the note)'],
};

export const reasonNames: Readonly<Record<ResolutionReason, Words>> = {
  reached_safe: ['welfare.reason.reached_safe', 'Reached, and safe'],
  checked_in: ['welfare.reason.checked_in', 'Checked in since'],
  returned_home: ['welfare.reason.returned_home', 'Returned home'],
  false_alarm: ['welfare.reason.false_alarm', 'False alarm'],
  other: ['welfare.reason.other', 'Other (say what in the note)'],
};

export const signalNames: Readonly<Record<RecentCheckIn['signal'], Words>> = {
  ok: ['welfare.signal.ok', 'OK'],
  need_help: ['welfare.signal.need_help', 'Needs help'],
  sos: ['welfare.signal.sos', 'SOS'],
  duress: ['welfare.signal.duress', 'DURESS PIN (their screen showed OK)'],
};

/** Check-in channels the server names; another shows as the server wrote it. */
const checkInChannelNames: Readonly<Record<string, Words>> = {
  app: ['welfare.checkInChannel.app', 'App'],
  browser: ['welfare.checkInChannel.browser', 'Any browser (national ID and PIN)'],
  sms: ['welfare.checkInChannel.sms', 'SMS reply'],
  whatsapp: ['welfare.checkInChannel.whatsapp', 'WhatsApp reply'],
};

/** The words for a value the server sent, if the table has them (a newer server may send a value it lacks). */
export const lookUp = (table: Readonly<Record<string, Words>>, value: string): Words | undefined =>
  Object.hasOwn(table, value) ? table[value] : undefined;

export const checkInChannelName = (channel: string): Words | undefined => lookUp(checkInChannelNames, channel);

const factorWords = {
  duress_signal: ['welfare.factor.duress_signal', 'Checked in with the duress PIN ({points})'],
  sos_signal: ['welfare.factor.sos_signal', 'Sent an SOS ({points})'],
  asked_for_help: ['welfare.factor.asked_for_help', 'Asked for help ({points})'],
  concern_from_family: ['welfare.factor.concern_from_family', 'A family member raised a concern ({points})'],
  concernsFromFamily: [
    'welfare.factor.concerns_from_family',
    '{count, plural, one {# open concern} other {# open concerns}} from family ({points})',
  ],
  missed_check_in: ['welfare.factor.missed_check_in', 'Missed a check-in ({points})'],
  hours_overdue: ['welfare.factor.hours_overdue', '{count, plural, one {# hour} other {# hours}} overdue ({points})'],
  near_compound_area: [
    'welfare.factor.near_compound_area',
    'Staying at or near a known scam-compound area: {area} ({points})',
  ],
  compound_country: [
    'welfare.factor.compound_country',
    'Staying in a country with scam compounds: {country} ({points})',
  ],
  job_offer_red_flags: [
    'welfare.factor.job_offer_red_flags',
    '{level, select, high {Their job offer was rated high risk} other {Their job offer was rated medium risk}} ({points})',
  ],
  prior_alerts: [
    'welfare.factor.prior_alerts',
    '{count, plural, one {# earlier alert} other {# earlier alerts}} in the last 90 days ({points})',
  ],
  pin_failures: ['welfare.factor.pin_failures', 'Repeated wrong PINs ({points})'],
  pinFailuresCounted: [
    'welfare.factor.pin_failures_counted',
    '{count, plural, one {# wrong PIN} other {# wrong PINs}} in a row ({points})',
  ],
  unknown: ['welfare.factor.unknown', 'Other factor: {code} ({points})'],
} as const satisfies Record<string, Words>;

/** A weight as it is added to the score: "+12" (or "−5", should a factor ever lower it). */
export function formatPoints(weight: number): string {
  return weight < 0 ? `−${Math.abs(weight)}` : `+${weight}`;
}

/** "kk-park" → "KK Park": a gazetteer area id, readable. Names are proper nouns, not translated. */
export function areaName(id: string): string {
  const acronyms = new Set(['kk', 'sez']);
  return id
    .split('-')
    .filter((word) => word !== '')
    .map((word) => (acronyms.has(word) ? word.toUpperCase() : `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`))
    .join(' ');
}

/**
 * One risk factor as a sentence, with its points.
 *
 * @example explainFactor({ code: 'hours_overdue', weight: 12, detail: 6 })
 * // the hours_overdue message with { count: 6, points: '+12' }: "6 hours overdue (+12)" in English
 */
export function explainFactor(factor: RiskFactor, nameCountry: (code: string) => string = (code) => code): Message {
  const points = formatPoints(factor.weight);
  const count = typeof factor.detail === 'number' ? factor.detail : Number.parseInt(String(factor.detail ?? ''), 10);
  const hasCount = Number.isFinite(count);
  switch (factor.code) {
    case 'duress_signal':
    case 'sos_signal':
    case 'asked_for_help':
    case 'missed_check_in':
      return { words: factorWords[factor.code], values: { points } };
    case 'concern_from_family':
      return hasCount
        ? { words: factorWords.concernsFromFamily, values: { count, points } }
        : { words: factorWords.concern_from_family, values: { points } };
    case 'pin_failures':
      return hasCount
        ? { words: factorWords.pinFailuresCounted, values: { count, points } }
        : { words: factorWords.pin_failures, values: { points } };
    case 'hours_overdue':
    case 'prior_alerts':
      if (hasCount) return { words: factorWords[factor.code], values: { count, points } };
      break;
    case 'near_compound_area':
      return { words: factorWords.near_compound_area, values: { area: areaName(String(factor.detail ?? '')), points } };
    case 'compound_country':
      return {
        words: factorWords.compound_country,
        values: { country: nameCountry(String(factor.detail ?? '')), points },
      };
    case 'job_offer_red_flags':
      return { words: factorWords.job_offer_red_flags, values: { level: String(factor.detail ?? 'medium'), points } };
  }
  return { words: factorWords.unknown, values: { code: factor.code, points } };
}

const ageWords = {
  justNow: ['welfare.age.justNow', 'raised just now'],
  minutes: ['welfare.age.minutes', 'raised {count} min ago'],
  hours: ['welfare.age.hours', 'raised {count} h ago'],
  days: ['welfare.age.days', 'raised {count, plural, one {# day} other {# days}} ago'],
} as const satisfies Record<string, Words>;

/**
 * How long ago an alert was raised, in the unit a reader takes in at a glance: minutes for the first hour,
 * hours for two days, then days, each rounded down.
 *
 * @example alertAge('2026-03-01T09:00:00Z', new Date('2026-03-01T12:20:00Z')) // raised 3 h ago
 */
export function alertAge(raisedAt: string, now: Date): Message {
  const minutes = Math.floor((now.getTime() - new Date(raisedAt).getTime()) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return { words: ageWords.justNow };
  if (minutes < 60) return { words: ageWords.minutes, values: { count: minutes } };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { words: ageWords.hours, values: { count: hours } };
  return { words: ageWords.days, values: { count: Math.floor(hours / 24) } };
}

const durationWords = {
  W: ['welfare.duration.weeks', '{count, plural, one {# week} other {# weeks}}'],
  D: ['welfare.duration.days', '{count, plural, one {# day} other {# days}}'],
  H: ['welfare.duration.hours', '{count, plural, one {# hour} other {# hours}}'],
  M: ['welfare.duration.minutes', '{count, plural, one {# minute} other {# minutes}}'],
  S: ['welfare.duration.seconds', '{count, plural, one {# second} other {# seconds}}'],
} as const satisfies Record<string, Words>;

/**
 * An ISO 8601 duration (`P7D`, `PT2M`, `P1DT12H`) as messages, one per non-zero part; undefined when it is not one.
 */
export function durationParts(iso: string): Message[] | undefined {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (match === null || iso === 'P' || iso.endsWith('T')) return undefined;
  const units = ['W', 'D', 'H', 'M', 'S'] as const;
  const parts = units.flatMap((unit, index) => {
    const count = Number(match[index + 1] ?? 0);
    return count > 0 ? [{ words: durationWords[unit], values: { count } }] : [];
  });
  return parts.length > 0 ? parts : [{ words: durationWords.M, values: { count: 0 } }];
}

/** Whether staff may still act on an alert: record attempts, resolve, escalate. A closed one is read only. */
export const isActionable = (status: AlertStatus): boolean => status === 'open' || status === 'contacting';

export type FormCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: 'choiceNeeded' | 'noteNeeded' };

/**
 * The contact attempt to send, or why not: a channel and an outcome are needed, and "other" needs a note
 * saying what happened (the log is read by the next officer on shift).
 */
export function contactAttemptToSend(channel: string, outcome: string, note: string): FormCheck<ContactAttemptInput> {
  if (channel === '' || outcome === '') return { ok: false, message: 'choiceNeeded' };
  const trimmed = note.trim();
  if (outcome === 'other' && trimmed === '') return { ok: false, message: 'noteNeeded' };
  return {
    ok: true,
    value: {
      channel: channel as ContactChannel,
      outcome: outcome as ContactOutcome,
      ...(trimmed !== '' && { note: trimmed }),
    },
  };
}

/** The resolution to send, or why not: a reason is needed, and "other" needs a note. */
export function resolutionToSend(reason: string, note: string): FormCheck<ResolutionInput> {
  if (reason === '') return { ok: false, message: 'choiceNeeded' };
  const trimmed = note.trim();
  if (reason === 'other' && trimmed === '') return { ok: false, message: 'noteNeeded' };
  return { ok: true, value: { reason: reason as ResolutionReason, ...(trimmed !== '' && { note: trimmed }) } };
}

/**
 * The queue's filter from its controls' values ('' for "any"): unknown values are dropped, so a hand-edited
 * control never sends what the API refuses; the sort defaults to highest risk first.
 */
export function queueFilter(values: { status: string; source: string; sort: string }): AlertFilter {
  const status = alertStatuses.find((value) => value === values.status);
  const source = alertSources.find((value) => value === values.source);
  const sort = alertSorts.find((value) => value === values.sort) ?? 'risk';
  return { ...(status && { status }), ...(source && { source }), sort };
}

/** How often the open queue reads itself again. */
export const refreshIntervalMs = 30_000;

/**
 * Whether to read the queue again now: only while the page is visible (a hidden tab costs the server
 * nothing), and when coming back to it, only if the last read is older than the interval.
 */
export function shouldRefresh(visibility: DocumentVisibilityState, lastReadAt: number, now: number): boolean {
  return visibility === 'visible' && now - lastReadAt >= refreshIntervalMs - 1_000;
}
