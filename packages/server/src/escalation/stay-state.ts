// Between a stay row's columns and the escalation engine's state (packages/domain/src/escalation): read one, write
// the other. The engine works in epoch milliseconds; the row in timestamptz.
import { type CheckInSchedule, type EscalationState, nextActionAt } from '@homeward/domain';
import type { StoredSchedule } from '../stays/stay-tables.js';

/** The columns of `stay` that hold the engine's state. */
export interface StateColumns {
  readonly phase: EscalationState['phase'];
  readonly period: number;
  readonly due_at: Date;
  readonly reminders_sent: number;
  readonly overdue_since: Date | null;
  readonly is_escalated: boolean;
  readonly paused_until: Date | null;
}

export function stateOf(columns: StateColumns): EscalationState {
  return {
    phase: columns.phase,
    period: columns.period,
    dueAt: columns.due_at.getTime(),
    remindersSent: columns.reminders_sent,
    overdueSince: columns.overdue_since?.getTime(),
    isEscalated: columns.is_escalated,
    pausedUntil: columns.paused_until?.getTime(),
  };
}

const dateOrNull = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));

/** The state as column values, with the moment the sweep should next look at the stay. */
export function columnsOf(
  state: EscalationState,
  schedule: CheckInSchedule,
): StateColumns & { readonly next_action_at: Date | null } {
  return {
    phase: state.phase,
    period: state.period,
    due_at: new Date(state.dueAt),
    reminders_sent: state.remindersSent,
    overdue_since: dateOrNull(state.overdueSince),
    is_escalated: state.isEscalated,
    paused_until: dateOrNull(state.pausedUntil),
    next_action_at: dateOrNull(nextActionAt(state, schedule)),
  };
}

/** The stored schedule is the domain's schedule; the database hands jsonb back as an object. */
export function scheduleOf(stored: StoredSchedule | string): CheckInSchedule {
  return typeof stored === 'string' ? (JSON.parse(stored) as CheckInSchedule) : stored;
}
