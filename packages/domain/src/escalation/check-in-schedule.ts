// A stay's check-in schedule: how often, how much grace, when reminders go out, when silence is escalated,
// and the citizen's quiet hours, in which reminders wait but alerts never do. See docs/decisions/0014-escalation-engine.md.

export interface QuietHours {
  /** Local minute of the day quiet hours start (0–1439), in the schedule's time zone. */
  readonly startMinute: number;
  /** Local minute of the day they end; before `startMinute` means they run past midnight. */
  readonly endMinute: number;
}

export interface CheckInSchedule {
  /** Time between check-ins. */
  readonly intervalMinutes: number;
  /** After the due time, how long before silence becomes overdue. */
  readonly graceMinutes: number;
  /** How long before the due time the first reminder goes out; 0 for none. */
  readonly reminderBeforeMinutes: number;
  /** During the grace period, a reminder every so often (the first at the due time); 0 for none. */
  readonly graceReminderEveryMinutes: number;
  /** How long an overdue stay may stay unresolved before a supervisor is called in. */
  readonly escalateAfterMinutes: number;
  /** The longest pause ("offline until …") a citizen may set. */
  readonly maxPauseMinutes: number;
  readonly quietHours?: QuietHours | undefined;
  /** IANA time zone of the citizen, for quiet hours. */
  readonly timeZone: string;
}

export type ScheduleProblem =
  | 'interval_too_short'
  | 'interval_too_long'
  | 'grace_out_of_range'
  | 'reminder_out_of_range'
  | 'quiet_hours_invalid'
  | 'time_zone_unknown';

const day = 24 * 60;

/**
 * The limits a schedule must keep: an interval from 1 day to 30 days (from 2 minutes in demo mode, so a newcomer
 * can watch the whole ladder), a grace period of at most the interval, reminders inside the interval.
 *
 * ```ts
 * scheduleProblems({ ...schedule, intervalMinutes: 60 }, { isDemo: false }); // ['interval_too_short']
 * ```
 */
export function scheduleProblems(schedule: CheckInSchedule, options: { readonly isDemo: boolean }): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const shortest = options.isDemo ? 2 : day;
  if (!(schedule.intervalMinutes >= shortest)) problems.push('interval_too_short');
  if (!(schedule.intervalMinutes <= 30 * day)) problems.push('interval_too_long');
  if (!(schedule.graceMinutes >= 1 && schedule.graceMinutes <= schedule.intervalMinutes)) {
    problems.push('grace_out_of_range');
  }
  if (
    !(schedule.reminderBeforeMinutes >= 0 && schedule.reminderBeforeMinutes < schedule.intervalMinutes) ||
    !(schedule.graceReminderEveryMinutes >= 0)
  ) {
    problems.push('reminder_out_of_range');
  }
  const quiet = schedule.quietHours;
  if (
    quiet &&
    !(isMinuteOfDay(quiet.startMinute) && isMinuteOfDay(quiet.endMinute) && quiet.startMinute !== quiet.endMinute)
  ) {
    problems.push('quiet_hours_invalid');
  }
  if (!isTimeZone(schedule.timeZone)) problems.push('time_zone_unknown');
  return problems;
}

const isMinuteOfDay = (value: number) => Number.isInteger(value) && value >= 0 && value < day;

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Minutes in an ISO 8601 duration of weeks, days, hours and minutes (`P7D`, `PT2M`, `P1DT12H`); `undefined` for
 * anything else, including years and months, whose length varies.
 *
 * ```ts
 * durationMinutes('P1DT12H'); // 2160
 * ```
 */
export function durationMinutes(iso: string): number | undefined {
  const match = /^P(?:(\d{1,4})W)?(?:(\d{1,5})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,7})M)?)?$/.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return undefined;
  const [, weeks = '0', days = '0', hours = '0', minutes = '0'] = match;
  return Number(weeks) * 7 * day + Number(days) * day + Number(hours) * 60 + Number(minutes);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local minute of the day (0–1439) at `atMs` in a time zone. */
export function localMinuteOfDay(atMs: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(atMs));
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  const minute = Number(parts.find((part) => part.type === 'minute')?.value);
  return hour * 60 + minute;
}

/**
 * The first moment at or after `atMs` outside the quiet hours: `atMs` itself when it is not in them. Only
 * reminders are moved; alerts never wait.
 */
export function outsideQuietHours(atMs: number, schedule: CheckInSchedule): number {
  const quiet = schedule.quietHours;
  if (!quiet) return atMs;
  const minute = localMinuteOfDay(atMs, schedule.timeZone);
  const isQuiet =
    quiet.startMinute < quiet.endMinute
      ? minute >= quiet.startMinute && minute < quiet.endMinute
      : minute >= quiet.startMinute || minute < quiet.endMinute;
  if (!isQuiet) return atMs;
  const minutesLeft = (quiet.endMinute - minute + day) % day;
  // To the start of the minute quiet hours end in.
  return atMs - (atMs % 60_000) + minutesLeft * 60_000;
}

/** What a citizen chooses; the rest of the ladder follows from it (`ladderFor`). */
export interface ScheduleChoice {
  readonly intervalMinutes: number;
  readonly graceMinutes: number;
  readonly quietHours?: QuietHours | undefined;
  readonly timeZone: string;
}

/** The longest "offline until …": a month, the longest interval. */
export const maxPauseMinutes = 30 * day;

/**
 * The whole schedule from the citizen's choice: a reminder two hours before the due time (half the interval when
 * that is shorter), reminders through the grace period (every six hours, or half the grace period when shorter),
 * and a supervisor called in when an overdue stay stays unresolved for a day (twice the interval when that is
 * shorter, so a demo schedule shows the whole ladder in minutes).
 *
 * ```ts
 * ladderFor({ intervalMinutes: 10080, graceMinutes: 1440, timeZone: 'Asia/Bangkok' }).reminderBeforeMinutes; // 120
 * ```
 */
export function ladderFor(choice: ScheduleChoice): CheckInSchedule {
  return {
    intervalMinutes: choice.intervalMinutes,
    graceMinutes: choice.graceMinutes,
    reminderBeforeMinutes: Math.min(120, Math.floor(choice.intervalMinutes / 2)),
    graceReminderEveryMinutes: Math.max(1, Math.min(360, Math.floor(choice.graceMinutes / 2))),
    escalateAfterMinutes: Math.min(day, choice.intervalMinutes * 2),
    maxPauseMinutes,
    quietHours: choice.quietHours,
    timeZone: choice.timeZone,
  };
}
