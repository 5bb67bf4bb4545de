// The escalation engine: a pure state machine over one stay. Time comes in as an argument, never from the machine,
// so a worker that runs late, twice, or after a crash computes exactly the same effects: each effect carries the
// time it was due, and advancing to a moment in one step or in many gives the same effects (a property test proves
// it). The ladder: reminder before the due time → due → grace reminders → overdue (a welfare-check alert; trusted
// contacts told) → unresolved after a while: supervisor escalation. SOS and duress skip the ladder. Quiet hours
// delay reminders, never alerts. Times are epoch milliseconds (UTC). See docs/decisions/0014-escalation-engine.md.
import { type CheckInSchedule, outsideQuietHours } from './check-in-schedule.js';

export type CheckInSignal = 'ok' | 'need_help' | 'sos' | 'duress';

export type StayPhase = 'on_schedule' | 'overdue' | 'paused' | 'ended';

export interface EscalationState {
  readonly phase: StayPhase;
  /** Counts the periods: each check-in and each missed period opens the next one. */
  readonly period: number;
  /** When the current period's check-in is due. */
  readonly dueAt: number;
  /** Reminders already sent in this period: the one before the due time, then those in the grace period. */
  readonly remindersSent: number;
  /** When the first unresolved overdue happened; undefined when on schedule. */
  readonly overdueSince?: number | undefined;
  readonly isEscalated: boolean;
  /** While paused: when the pause ends by itself. */
  readonly pausedUntil?: number | undefined;
}

export type Effect =
  | { readonly type: 'reminder'; readonly period: number; readonly at: number; readonly stage: 'before_due' | 'grace' }
  | { readonly type: 'overdue'; readonly period: number; readonly at: number }
  | { readonly type: 'supervisor_escalation'; readonly period: number; readonly at: number }
  | { readonly type: 'urgent_alert'; readonly signal: 'sos' | 'duress'; readonly at: number }
  | { readonly type: 'help_alert'; readonly at: number }
  | { readonly type: 'back_on_schedule'; readonly period: number; readonly at: number };

export type StayEvent =
  | { readonly type: 'check_in'; readonly at: number; readonly signal: CheckInSignal }
  | { readonly type: 'pause'; readonly at: number; readonly until: number }
  | { readonly type: 'resume'; readonly at: number }
  | { readonly type: 'change_schedule'; readonly at: number; readonly schedule: CheckInSchedule }
  | { readonly type: 'end'; readonly at: number };

export interface Transition {
  readonly state: EscalationState;
  readonly effects: readonly Effect[];
}

export type EventRefusal = 'stay_ended' | 'pause_too_long' | 'pause_in_the_past' | 'not_paused';

/** A new stay: its first check-in is due one interval after it starts. */
export function startStay(startedAt: number, schedule: CheckInSchedule): EscalationState {
  return {
    phase: 'on_schedule',
    period: 1,
    dueAt: startedAt + minutes(schedule.intervalMinutes),
    remindersSent: 0,
    isEscalated: false,
  };
}

const minutes = (count: number) => count * 60_000;

/**
 * The next moment something may happen to this stay without anyone acting: what a worker indexes on
 * (`next_action_at`) to claim only stays with work to do, once the clock is past it. `undefined` when nothing ever
 * will (ended).
 */
export function nextActionAt(state: EscalationState, schedule: CheckInSchedule): number | undefined {
  if (state.phase === 'ended') return undefined;
  const escalation = escalationAt(state, schedule);
  if (state.phase === 'paused') return Math.min(state.pausedUntil ?? Number.POSITIVE_INFINITY, escalation);
  const reminder = nextReminder(state, schedule);
  return Math.min(
    state.dueAt + minutes(schedule.graceMinutes),
    escalation,
    reminder?.effect.at ?? Number.POSITIVE_INFINITY,
  );
}

type Reminder = Extract<Effect, { type: 'reminder' }>;

/**
 * The reminder still to come in this period, already moved out of quiet hours, with its place in the period's
 * ladder (0 is the one before the due time when there is one); none if it would land after the stay is overdue.
 */
function nextReminder(
  state: EscalationState,
  schedule: CheckInSchedule,
): { effect: Reminder; index: number } | undefined {
  const overdueAt = state.dueAt + minutes(schedule.graceMinutes);
  const hasBefore = schedule.reminderBeforeMinutes > 0;
  for (let index = state.remindersSent; ; index += 1) {
    const isBefore = hasBefore && index === 0;
    if (!isBefore && schedule.graceReminderEveryMinutes <= 0) return undefined;
    const at = isBefore
      ? state.dueAt - minutes(schedule.reminderBeforeMinutes)
      : state.dueAt + (index - (hasBefore ? 1 : 0)) * minutes(schedule.graceReminderEveryMinutes);
    if (at >= overdueAt) return undefined;
    const moved = outsideQuietHours(at, schedule);
    // One moved past the overdue moment is skipped: the overdue alert says more than it would.
    if (moved < overdueAt) {
      return {
        effect: { type: 'reminder', period: state.period, at: moved, stage: isBefore ? 'before_due' : 'grace' },
        index,
      };
    }
  }
}

/** When an unresolved overdue calls in a supervisor; never when there is none or it already happened. */
function escalationAt(state: EscalationState, schedule: CheckInSchedule): number {
  return state.overdueSince !== undefined && !state.isEscalated
    ? state.overdueSince + minutes(schedule.escalateAfterMinutes)
    : Number.POSITIVE_INFINITY;
}

/**
 * Everything due strictly before `now`, in time order. Strictly, so that an event at the very moment a timer is due
 * (a check-in at the last second of the grace period) comes first, whether or not a worker advanced to that moment
 * before it. Advancing to `now` in one call or in many gives the same effects and the same state; advancing again
 * to the same moment gives none.
 */
export function advance(state: EscalationState, schedule: CheckInSchedule, now: number): Transition {
  const effects: Effect[] = [];
  let current = state;
  for (;;) {
    if (current.phase === 'ended') break;
    const escalation = escalationAt(current, schedule);
    if (current.phase === 'paused') {
      const pauseEnd = current.pausedUntil ?? Number.POSITIVE_INFINITY;
      // A pause stops reminders and new overdue periods, never the escalation of one already overdue.
      if (escalation < Math.min(now, pauseEnd)) {
        effects.push({ type: 'supervisor_escalation', period: current.period, at: escalation });
        current = { ...current, isEscalated: true };
        continue;
      }
      if (pauseEnd >= now) break;
      current = endPause(current, pauseEnd);
      continue;
    }
    const overdueAt = current.dueAt + minutes(schedule.graceMinutes);
    const reminder = nextReminder(current, schedule);
    const reminderAt = reminder?.effect.at ?? Number.POSITIVE_INFINITY;
    const next = Math.min(overdueAt, escalation, reminderAt);
    if (next >= now) break;
    if (escalation === next) {
      effects.push({ type: 'supervisor_escalation', period: current.period, at: escalation });
      current = { ...current, isEscalated: true };
    } else if (reminder && reminderAt === next) {
      effects.push(reminder.effect);
      current = { ...current, remindersSent: reminder.index + 1 };
    } else {
      // The period is missed: one overdue for it, and the next period starts where it would have.
      effects.push({ type: 'overdue', period: current.period, at: overdueAt });
      current = {
        ...current,
        phase: 'overdue',
        period: current.period + 1,
        dueAt: current.dueAt + minutes(schedule.intervalMinutes),
        remindersSent: 0,
        overdueSince: current.overdueSince ?? overdueAt,
      };
    }
  }
  return { state: current, effects };
}

function endPause(state: EscalationState, at: number): EscalationState {
  // Back from a pause, the citizen is due at once: the grace period is theirs to check in.
  return {
    ...state,
    phase: state.overdueSince === undefined ? 'on_schedule' : 'overdue',
    pausedUntil: undefined,
    dueAt: Math.max(state.dueAt, at),
    remindersSent: 0,
  };
}

/**
 * One event at its time: first everything due before it, then the event. An event the stay cannot take (a pause
 * longer than the schedule allows, anything after the stay ended) is refused and changes nothing.
 *
 * ```ts
 * applyEvent(state, schedule, { type: 'check_in', at: now, signal: 'duress' });
 * // { state: on schedule again, effects: [{ type: 'urgent_alert', signal: 'duress', at: now }] }
 * ```
 */
export function applyEvent(
  state: EscalationState,
  schedule: CheckInSchedule,
  event: StayEvent,
): Transition | { readonly refused: EventRefusal } {
  if (state.phase === 'ended') return { refused: 'stay_ended' };
  if (event.type === 'pause') {
    if (event.until <= event.at) return { refused: 'pause_in_the_past' };
    if (event.until - event.at > minutes(schedule.maxPauseMinutes)) return { refused: 'pause_too_long' };
  }
  const before = advance(state, schedule, event.at);
  if (event.type === 'resume' && before.state.phase !== 'paused') return { refused: 'not_paused' };
  const effects = [...before.effects];
  let next = before.state;
  switch (event.type) {
    case 'check_in': {
      if (next.overdueSince !== undefined)
        effects.push({ type: 'back_on_schedule', period: next.period, at: event.at });
      if (event.signal === 'sos' || event.signal === 'duress') {
        effects.push({ type: 'urgent_alert', signal: event.signal, at: event.at });
      } else if (event.signal === 'need_help') {
        effects.push({ type: 'help_alert', at: event.at });
      }
      next = {
        phase: 'on_schedule',
        period: next.period + 1,
        dueAt: event.at + minutes(schedule.intervalMinutes),
        remindersSent: 0,
        isEscalated: false,
      };
      break;
    }
    case 'pause':
      next = { ...next, phase: 'paused', pausedUntil: event.until };
      break;
    case 'resume':
      next = endPause(next, event.at);
      break;
    case 'change_schedule': {
      // The new interval counts from the period's start, but a change never makes a stay due in the past.
      const periodStart = next.dueAt - minutes(schedule.intervalMinutes);
      const dueAt = Math.max(event.at, periodStart + minutes(event.schedule.intervalMinutes));
      next = { ...next, dueAt, remindersSent: 0 };
      break;
    }
    case 'end':
      next = { ...next, phase: 'ended', pausedUntil: undefined };
      break;
  }
  return { state: next, effects };
}
