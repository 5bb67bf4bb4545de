// Turning what a citizen sends into what a stay keeps: the schedule and its ladder, the two PINs as keyed hashes,
// dates of this era, the job offer's risk level, the embassy of the destination, the sealed details. Each refusal
// names its field. See docs/decisions/0016-stays-check-ins-and-the-welfare-queue.md.
import {
  assessJobOffer,
  type CheckInSchedule,
  durationMinutes,
  ladderFor,
  type PinProblem,
  pinPairProblems,
  readPin,
  scheduleProblems,
} from '@homeward/domain';
import { type Kysely, sql } from 'kysely';
import { storePin } from '../check-ins/check-in-pins.js';
import { FieldProblems } from '../check-ins/check-in-problems.js';
import type { Database } from '../database/database-schema.js';
import type { KeyRing } from '../keys/key-ring.js';
import type { CreateStayBody, StayDetails, StayReply } from './stay-schemas.js';

type ScheduleInput = CreateStayBody['schedule'];

const minuteOfClock = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clockOfMinute = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The schedule a citizen chose, with its ladder, or the fields at fault. */
export function scheduleFromInput(input: ScheduleInput, isDemo: boolean): CheckInSchedule {
  const intervalMinutes = durationMinutes(input.interval);
  const graceMinutes = durationMinutes(input.grace);
  const errors: { field: string; message: string }[] = [];
  if (intervalMinutes === undefined)
    errors.push({ field: 'body/schedule/interval', message: 'is not a duration in days, hours or minutes' });
  if (graceMinutes === undefined)
    errors.push({ field: 'body/schedule/grace', message: 'is not a duration in days, hours or minutes' });
  if (errors.length > 0) throw new FieldProblems(errors);
  const schedule = ladderFor({
    intervalMinutes: intervalMinutes ?? 0,
    graceMinutes: graceMinutes ?? 0,
    quietHours: input.quietHours && {
      startMinute: minuteOfClock(input.quietHours.start),
      endMinute: minuteOfClock(input.quietHours.end),
    },
    timeZone: input.timeZone,
  });
  const messages: Record<string, [string, string]> = {
    interval_too_short: ['body/schedule/interval', isDemo ? 'must be at least PT2M' : 'must be at least P1D'],
    interval_too_long: ['body/schedule/interval', 'must be at most P30D'],
    grace_out_of_range: ['body/schedule/grace', 'must be at least PT1M and at most the interval'],
    reminder_out_of_range: ['body/schedule/interval', 'leaves no room for a reminder'],
    quiet_hours_invalid: ['body/schedule/quietHours', 'must start and end at different times'],
    time_zone_unknown: ['body/schedule/timeZone', 'is not an IANA time zone such as Asia/Bangkok'],
  };
  const problems = scheduleProblems(schedule, { isDemo });
  if (problems.length > 0) {
    throw new FieldProblems(
      problems.map((problem) => {
        const [field, message] = messages[problem] ?? ['body/schedule', 'is not allowed'];
        return { field, message };
      }),
    );
  }
  return schedule;
}

/** The schedule as the API shows it: ISO 8601 durations and clock times. */
export function scheduleReply(schedule: CheckInSchedule): StayReply['schedule'] {
  return {
    interval: isoMinutes(schedule.intervalMinutes),
    grace: isoMinutes(schedule.graceMinutes),
    ...(schedule.quietHours && {
      quietHours: {
        start: clockOfMinute(schedule.quietHours.startMinute),
        end: clockOfMinute(schedule.quietHours.endMinute),
      },
    }),
    timeZone: schedule.timeZone,
  };
}

function isoMinutes(total: number): string {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
  const iso = `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  return iso === 'P' ? 'PT0M' : iso;
}

function pinProblemsOf(pin: string | undefined, duressPin: string | undefined, fields: [string, string]) {
  if (pin === undefined) return [{ field: fields[0], message: 'must be 6 to 12 digits' }];
  if (duressPin === undefined) return [{ field: fields[1], message: 'must be 6 to 12 digits' }];
  const digits = 'must be 6 to 12 digits';
  const easy = 'is too easy to guess: not one digit repeated nor a run like 123456';
  // Typed by the domain's list, so a problem the domain adds cannot go without a message.
  const messages: Record<PinProblem, [string, string]> = {
    pin_not_digits: [fields[0], digits],
    pin_too_short: [fields[0], digits],
    pin_too_long: [fields[0], digits],
    pin_too_easy: [fields[0], easy],
    duress_pin_too_close: [fields[1], 'must differ from the PIN in at least two digits'],
    duress_pin_invalid: [
      fields[1],
      `${digits}, and not too easy to guess: not one digit repeated nor a run like 123456`,
    ],
  };
  return pinPairProblems(pin, duressPin).map((problem) => {
    const [field, message] = messages[problem];
    return { field, message };
  });
}

/** The stored PINs, or the fields at fault. */
export function pinsFromInput(
  keys: KeyRing,
  stayId: string,
  pin: string,
  duressPin: string,
  fields: [string, string] = ['body/pin', 'body/duressPin'],
) {
  const typed = readPin(pin);
  const typedDuress = readPin(duressPin);
  const problems = pinProblemsOf(typed, typedDuress, fields);
  if (problems.length > 0 || typed === undefined || typedDuress === undefined) throw new FieldProblems(problems);
  return { checkIn: storePin(keys, stayId, typed), duress: storePin(keys, stayId, typedDuress) };
}

const foundThroughForAssessment = {
  social_media: 'social_media',
  friend_or_relative: 'friend_or_relative',
  licensed_agency: 'licensed_agency',
  unlicensed_agent: 'unlicensed_agent',
  job_site: 'job_board',
  other: 'other',
} as const;

/** The job offer's risk level, from the same rules as the public job-offer check; nothing stored but the level. */
export function jobOfferLevelOf(details: StayDetails): 'low' | 'elevated' | 'high' | null {
  const offer = details.jobOffer;
  if (!offer && !details.recruiter && !details.visaType) return null;
  return assessJobOffer({
    answers: {
      destinationCountry: details.destination.country.toUpperCase(),
      ...(details.destination.city && { destinationCity: details.destination.city }),
      ...(offer?.title && { jobTitle: offer.title }),
      ...(offer?.salary && {
        salary: { ...offer.salary, currency: offer.salary.currency.toUpperCase(), period: 'month' },
      }),
      ...(offer?.foundThrough && { foundThrough: foundThroughForAssessment[offer.foundThrough] }),
      ...(details.visaType && { visaType: details.visaType === 'other' ? 'unknown' : details.visaType }),
      ...(details.employer?.name && { employerName: details.employer.name }),
      ...(details.recruiter?.phone && { recruiterPhone: details.recruiter.phone }),
      ...(details.recruiter?.links && { recruiterLinks: details.recruiter.links }),
    },
  }).level;
}

/** The embassy or consulate whose jurisdiction covers the country; the ministry when none does. */
export async function embassyFor(db: Kysely<Database>, country: string): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', 'in', ['embassy', 'consulate']), sql<boolean>`jurisdiction @> array[${country}]::text[]`]),
        eb.and([eb('kind', '=', 'ministry'), eb('parent_id', 'is', null)]),
      ]),
    )
    .orderBy(sql`case when kind = 'embassy' then 0 when kind = 'consulate' then 1 else 2 end`)
    .orderBy('name')
    .executeTakeFirst();
  if (!row) throw new Error('no organisation to take a stay: seed the ministry first');
  return row.id;
}

export const detailsOf = (body: CreateStayBody | StayDetails): StayDetails => ({
  destination: { ...body.destination, country: body.destination.country.toUpperCase() },
  ...(body.employer && { employer: body.employer }),
  ...(body.recruiter && { recruiter: body.recruiter }),
  ...(body.jobOffer && { jobOffer: body.jobOffer }),
  ...(body.route && { route: body.route }),
  ...(body.visaType && { visaType: body.visaType }),
});

const isPlausibleDate = (date: string) => {
  const year = Number(date.slice(0, 4));
  return year >= 1900 && year <= 2200 && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));
};

/** Dates a stay can have: real calendar days of this era, the return not before the start. */
export function checkDates(startsOn: string, expectedReturnOn: string | undefined): void {
  const errors: { field: string; message: string }[] = [];
  if (!isPlausibleDate(startsOn))
    errors.push({ field: 'body/startsOn', message: 'must be a date between 1900 and 2200' });
  if (expectedReturnOn !== undefined && !isPlausibleDate(expectedReturnOn)) {
    errors.push({ field: 'body/expectedReturnOn', message: 'must be a date between 1900 and 2200' });
  } else if (expectedReturnOn !== undefined && expectedReturnOn < startsOn) {
    errors.push({ field: 'body/expectedReturnOn', message: 'must not be before startsOn' });
  }
  if (errors.length > 0) throw new FieldProblems(errors);
}

export const sealDetails = (keys: KeyRing, stayId: string, details: StayDetails) =>
  keys.encryptField(JSON.stringify(details), `stay:${stayId}`);
