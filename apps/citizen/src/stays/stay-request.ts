// What the stay registration form turns into: the schedule choices it offers, a first check of the PINs (the
// server's rules, repeated here only so a mistake is explained before anything is sent), and the request body
// without empty fields; and the end of a pause. No DOM here, so it is tested on its own.
import type { FoundThrough, NewStay, Schedule, VisaType } from './stays-api';

export interface Choice {
  readonly value: string;
  readonly key: string;
  readonly english: string;
}

/** Check-in intervals; two minutes only on a demo instance, so the whole ladder can be seen in a few minutes. */
export const intervalChoices: readonly Choice[] = [
  { value: 'P1D', key: 'stay.interval.P1D', english: 'Every day' },
  { value: 'P3D', key: 'stay.interval.P3D', english: 'Every 3 days' },
  { value: 'P7D', key: 'stay.interval.P7D', english: 'Every week' },
  { value: 'P14D', key: 'stay.interval.P14D', english: 'Every 2 weeks' },
];
export const demoIntervalChoice: Choice = {
  value: 'PT2M',
  key: 'stay.interval.PT2M',
  english: 'Every 2 minutes (demo only)',
};
export const defaultInterval = 'P7D';

/** Grace periods: how long after a missed check-in before the embassy is alerted. */
export const graceChoices: readonly Choice[] = [
  { value: 'PT2M', key: 'stay.grace.PT2M', english: '2 minutes (demo only)' },
  { value: 'PT6H', key: 'stay.grace.PT6H', english: '6 hours' },
  { value: 'PT12H', key: 'stay.grace.PT12H', english: '12 hours' },
  { value: 'P1D', key: 'stay.grace.P1D', english: '1 day' },
  { value: 'P2D', key: 'stay.grace.P2D', english: '2 days' },
  { value: 'P3D', key: 'stay.grace.P3D', english: '3 days' },
];

/**
 * Minutes in a duration of the forms this form uses (`PT2M`, `PT12H`, `P7D`); undefined for anything else.
 *
 * @example durationMinutes('PT12H') // 720
 */
export function durationMinutes(duration: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(duration);
  if (match === null || duration === 'P' || duration.endsWith('T')) return undefined;
  const [, days = '0', hours = '0', minutes = '0'] = match;
  return Number(days) * 1440 + Number(hours) * 60 + Number(minutes);
}

/**
 * The grace periods that fit an interval (never longer than it; two minutes only with the demo interval).
 *
 * @example graceChoicesFor('P1D').map((choice) => choice.value) // ['PT6H', 'PT12H', 'P1D']
 */
export function graceChoicesFor(interval: string): readonly Choice[] {
  const intervalMinutes = durationMinutes(interval) ?? 0;
  if (intervalMinutes < 60) return graceChoices.filter((choice) => choice.value === 'PT2M');
  return graceChoices.filter(
    (choice) =>
      choice.value !== 'PT2M' && (durationMinutes(choice.value) ?? Number.POSITIVE_INFINITY) <= intervalMinutes,
  );
}

/** The grace period picked first: the demo's two minutes, half a day for a daily check-in, else a day. */
export function defaultGraceFor(interval: string): string {
  if ((durationMinutes(interval) ?? 0) < 60) return 'PT2M';
  return interval === 'P1D' ? 'PT12H' : 'P1D';
}

// Digits of the scripts people here type (Thai, Lao, Burmese, Khmer, full width), read as 0–9.
const digitZeros = [0x0e50, 0x0ed0, 0x1040, 0x17e0, 0xff10];

/**
 * A PIN as typed, with spaces and dashes dropped and other scripts' digits read as 0–9; undefined when
 * anything but digits is left.
 *
 * @example readPin(' ๑๒๓ ๔๕๖ ') // '123456'
 */
export function readPin(typed: string): string | undefined {
  const ascii = [...typed]
    .map((character) => {
      const code = character.codePointAt(0) ?? 0;
      const zero = digitZeros.find((start) => code >= start && code <= start + 9);
      return zero === undefined ? character : String(code - zero);
    })
    .join('')
    .replace(/[\s-]/g, '');
  return /^[0-9]+$/.test(ascii) ? ascii : undefined;
}

export type PinProblem = 'pinInvalid' | 'pinTooEasy' | 'duressInvalid' | 'duressTooClose';

/**
 * The first thing wrong with a PIN pair, or undefined when both may be used: 6 to 12 digits, not one digit
 * repeated nor counting up or down, and a duress PIN that differs from the PIN in at least two places.
 *
 * @example pinPairProblem('482913', '482914') // 'duressTooClose'
 */
export function pinPairProblem(pin: string, duressPin: string): PinProblem | undefined {
  const first = readPin(pin);
  if (first === undefined || first.length < 6 || first.length > 12) return 'pinInvalid';
  if (isEasyRun(first)) return 'pinTooEasy';
  const second = readPin(duressPin);
  if (second === undefined || second.length < 6 || second.length > 12 || isEasyRun(second)) return 'duressInvalid';
  return differingPlaces(first, second) < 2 ? 'duressTooClose' : undefined;
}

function isEasyRun(pin: string): boolean {
  const steps = new Set<number>();
  for (let index = 1; index < pin.length; index += 1)
    steps.add((Number(pin[index]) - Number(pin[index - 1]) + 10) % 10);
  return steps.size === 1 && [0, 1, 9].includes([...steps][0] ?? -1);
}

function differingPlaces(first: string, second: string): number {
  let count = Math.abs(first.length - second.length);
  for (let index = 0; index < Math.min(first.length, second.length); index += 1) {
    if (first[index] !== second[index]) count += 1;
  }
  return count;
}

/** The registration form's values, as typed (every text field a string, empty when left blank). */
export interface StayFormValues {
  readonly country: string;
  readonly city: string;
  readonly employerName: string;
  readonly recruiterName: string;
  readonly recruiterPhone: string;
  readonly jobTitle: string;
  readonly salaryAmount: string;
  readonly salaryCurrency: string;
  readonly foundThrough: string;
  readonly visaType: string;
  readonly startsOn: string;
  readonly expectedReturnOn: string;
  readonly interval: string;
  readonly grace: string;
  readonly timeZone: string;
  readonly hasQuietHours: boolean;
  readonly quietStart: string;
  readonly quietEnd: string;
  readonly pin: string;
  readonly duressPin: string;
}

export type StayFormProblem =
  | 'countryMissing'
  | 'startMissing'
  | 'returnBeforeStart'
  | 'salaryInvalid'
  | 'quietHoursInvalid'
  | PinProblem;

export type StayRequest =
  | { readonly ok: true; readonly body: NewStay }
  | { readonly ok: false; readonly problem: StayFormProblem };

/**
 * The `POST /api/v1/stays` body for the form's values, leaving out every empty optional field; or the first
 * thing to put right.
 */
export function buildStayRequest(values: StayFormValues): StayRequest {
  const fail = (problem: StayFormProblem): StayRequest => ({ ok: false, problem });
  const text = (value: string) => value.trim();
  if (!/^[A-Z]{2}$/.test(values.country)) return fail('countryMissing');
  if (!isDate(values.startsOn)) return fail('startMissing');
  if (isDate(values.expectedReturnOn) && values.expectedReturnOn < values.startsOn) return fail('returnBeforeStart');
  const amountText = text(values.salaryAmount).replace(/[\s,]/g, '');
  const amount = Number(amountText);
  if (amountText !== '' && (!Number.isFinite(amount) || amount <= 0)) return fail('salaryInvalid');
  const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
  if (values.hasQuietHours && (!isTime(values.quietStart) || !isTime(values.quietEnd)))
    return fail('quietHoursInvalid');
  const pinProblem = pinPairProblem(values.pin, values.duressPin);
  if (pinProblem !== undefined) return fail(pinProblem);

  const schedule: Schedule = {
    interval: values.interval,
    grace: values.grace,
    ...(values.hasQuietHours && { quietHours: { start: values.quietStart, end: values.quietEnd } }),
    timeZone: values.timeZone,
  };
  const employer = withoutBlanks({ name: text(values.employerName) });
  const recruiter = withoutBlanks({ name: text(values.recruiterName), phone: text(values.recruiterPhone) });
  const jobOffer = {
    ...withoutBlanks({ title: text(values.jobTitle) }),
    ...(amountText !== '' && { salary: { amount, currency: values.salaryCurrency } }),
    ...(values.foundThrough !== '' && { foundThrough: values.foundThrough as FoundThrough }),
  };
  const city = text(values.city);
  return {
    ok: true,
    body: {
      destination: { country: values.country, ...(city !== '' && { city }) },
      ...(employer !== undefined && { employer }),
      ...(recruiter !== undefined && { recruiter }),
      ...(Object.keys(jobOffer).length > 0 && { jobOffer }),
      ...(values.visaType !== '' && { visaType: values.visaType as VisaType }),
      startsOn: values.startsOn,
      ...(isDate(values.expectedReturnOn) && { expectedReturnOn: values.expectedReturnOn }),
      schedule,
      pin: readPin(values.pin) ?? values.pin,
      duressPin: readPin(values.duressPin) ?? values.duressPin,
    },
  };
}

function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** The object without its empty strings; undefined when nothing is left. */
function withoutBlanks<T extends Record<string, string>>(fields: T): Partial<T> | undefined {
  const kept = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '')) as Partial<T>;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** The longest pause the server accepts. */
export const longestPauseDays = 30;

/**
 * The `until` of a pause, from a `datetime-local` value read in the browser's time zone; undefined when it is
 * not in the future or more than 30 days ahead.
 *
 * @example pauseUntil('2026-12-01T09:00', new Date('2026-11-23T08:00:00Z')) // '2026-12-01T…Z'
 */
export function pauseUntil(localValue: string, now: Date): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(localValue)) return undefined;
  const until = new Date(localValue);
  const ms = until.getTime();
  if (Number.isNaN(ms) || ms <= now.getTime() || ms > now.getTime() + longestPauseDays * 86_400_000) return undefined;
  return until.toISOString();
}
