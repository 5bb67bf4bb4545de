// The escalation engine, by example and by property (fast-check) over random sequences of check-ins, pauses,
// schedule changes and clock moves.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CheckInSchedule } from './check-in-schedule.js';
import { advance, applyEvent, type Effect, nextActionAt, type StayEvent, startStay } from './escalation.js';

const minute = 60_000;
const start = Date.UTC(2026, 10, 23, 0, 0);

const schedule: CheckInSchedule = {
  intervalMinutes: 60,
  graceMinutes: 15,
  reminderBeforeMinutes: 10,
  graceReminderEveryMinutes: 5,
  escalateAfterMinutes: 30,
  maxPauseMinutes: 120,
  timeZone: 'Asia/Bangkok',
};

/** Runs events in order, advancing to each tick in between, then to `end`; every effect, in order. */
function run(
  events: readonly StayEvent[],
  end: number,
  options: { ticks?: readonly number[]; at?: CheckInSchedule } = {},
) {
  let current = options.at ?? schedule;
  let state = startStay(start, current);
  const effects: Effect[] = [];
  const steps = [
    ...events.map((event) => ({ at: event.at, event })),
    ...(options.ticks ?? []).map((at) => ({ at, event: undefined })),
  ].sort((a, b) => a.at - b.at || (a.event ? 1 : -1));
  for (const step of steps) {
    if (step.event) {
      const result = applyEvent(state, current, step.event);
      if ('refused' in result) continue;
      state = result.state;
      effects.push(...result.effects);
      if (step.event.type === 'change_schedule') current = step.event.schedule;
    } else {
      const result = advance(state, current, step.at);
      state = result.state;
      effects.push(...result.effects);
    }
  }
  const last = advance(state, current, end);
  return { effects: [...effects, ...last.effects], state: last.state };
}

const ofType = <T extends Effect['type']>(effects: readonly Effect[], type: T) =>
  effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type);

describe('the ladder, by example', () => {
  test('reminder before due, grace reminders, overdue, then the supervisor', () => {
    const { effects } = run([], start + 106 * minute);
    expect(effects.map((effect) => [effect.type, (effect.at - start) / minute])).toEqual([
      ['reminder', 50],
      ['reminder', 60],
      ['reminder', 65],
      ['reminder', 70],
      ['overdue', 75],
      ['supervisor_escalation', 105],
    ]);
  });

  test('a timely check-in starts the next period and nothing is raised', () => {
    const { effects, state } = run([{ type: 'check_in', at: start + 62 * minute, signal: 'ok' }], start + 130 * minute);
    expect(ofType(effects, 'overdue')).toEqual([]);
    expect(state.dueAt).toBe(start + 122 * minute);
  });

  test('SOS and duress skip the ladder; need help raises a help alert', () => {
    const at = start + 5 * minute;
    for (const signal of ['sos', 'duress'] as const) {
      const { effects } = run([{ type: 'check_in', at, signal }], at);
      expect(effects).toEqual([{ type: 'urgent_alert', signal, at }]);
    }
    expect(run([{ type: 'check_in', at, signal: 'need_help' }], at).effects).toEqual([{ type: 'help_alert', at }]);
  });

  test('a duress check-in leaves the stay exactly as an ok check-in does', () => {
    const at = start + 30 * minute;
    const ok = run([{ type: 'check_in', at, signal: 'ok' }], start + 500 * minute);
    const duress = run([{ type: 'check_in', at, signal: 'duress' }], start + 500 * minute);
    expect(duress.state).toEqual(ok.state);
    expect(duress.effects.filter((effect) => effect.type !== 'urgent_alert')).toEqual(ok.effects);
  });

  test('a check-in after an overdue puts the stay back on schedule and says so', () => {
    const at = start + 80 * minute;
    const { effects, state } = run([{ type: 'check_in', at, signal: 'ok' }], at);
    expect(effects.at(-1)).toEqual({ type: 'back_on_schedule', period: 2, at });
    expect(state).toMatchObject({ phase: 'on_schedule', isEscalated: false });
    expect(state.overdueSince).toBeUndefined();
  });

  test('a pause longer than the limit, in the past, or after the end is refused and changes nothing', () => {
    const state = startStay(start, schedule);
    expect(applyEvent(state, schedule, { type: 'pause', at: start, until: start + 121 * minute })).toEqual({
      refused: 'pause_too_long',
    });
    expect(applyEvent(state, schedule, { type: 'pause', at: start, until: start })).toEqual({
      refused: 'pause_in_the_past',
    });
    expect(applyEvent(state, schedule, { type: 'resume', at: start })).toEqual({ refused: 'not_paused' });
    const ended = applyEvent(state, schedule, { type: 'end', at: start });
    if ('refused' in ended) throw new Error('end refused');
    expect(applyEvent(ended.state, schedule, { type: 'check_in', at: start, signal: 'ok' })).toEqual({
      refused: 'stay_ended',
    });
    expect(nextActionAt(ended.state, schedule)).toBeUndefined();
  });

  test('quiet hours move reminders to their end and never move the overdue', () => {
    // 23:00–07:00 in Bangkok (UTC+7); the stay starts at 07:00 local, due at 08:00 local... shifted to be due at 23:30.
    const quiet = { ...schedule, quietHours: { startMinute: 23 * 60, endMinute: 7 * 60 } };
    const lateStart = Date.UTC(2026, 10, 23, 15, 30); // 22:30 in Bangkok
    const state = startStay(lateStart, { ...quiet, intervalMinutes: 60, graceMinutes: 600 });
    const { effects } = advance(
      state,
      { ...quiet, graceMinutes: 600, graceReminderEveryMinutes: 0 },
      lateStart + 700 * minute,
    );
    const reminder = ofType(effects, 'reminder')[0];
    expect(reminder?.at).toBe(Date.UTC(2026, 10, 24, 0, 0)); // 07:00 in Bangkok
    expect(ofType(effects, 'overdue')[0]?.at).toBe(lateStart + 660 * minute);
  });
});

// Random histories: events at random minutes over a few days.
const eventArbitrary: fc.Arbitrary<(at: number) => StayEvent> = fc.oneof(
  fc
    .constantFrom<CheckInSignalChoice>('ok', 'ok', 'ok', 'need_help', 'sos', 'duress')
    .map((signal) => (at: number) => ({ type: 'check_in', at, signal }) as StayEvent),
  fc
    .integer({ min: 1, max: 150 })
    .map((length) => (at: number) => ({ type: 'pause', at, until: at + length * minute }) as StayEvent),
  fc.constant((at: number) => ({ type: 'resume', at }) as StayEvent),
);
type CheckInSignalChoice = 'ok' | 'need_help' | 'sos' | 'duress';

const historyArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 200 * 60 }), eventArbitrary), { maxLength: 25 })
  .map((items) => items.map(([second, make]) => make(start + second * 1000 * 30)).sort((a, b) => a.at - b.at));
const endOf = (events: readonly StayEvent[]) => (events.at(-1)?.at ?? start) + 600 * minute;
const ticksArbitrary = fc
  .array(fc.integer({ min: 0, max: 1500 * 60 }), { maxLength: 40 })
  .map((seconds) => seconds.map((second) => start + second * 1000));

describe('properties', () => {
  test('advancing in one step or in many gives the same effects: a late or repeated worker changes nothing', () => {
    fc.assert(
      fc.property(historyArbitrary, ticksArbitrary, (events, ticks) => {
        const end = endOf(events);
        const before = ticks.filter((tick) => tick <= end);
        expect(run(events, end, { ticks: before }).effects).toEqual(run(events, end).effects);
      }),
    );
  });

  test('exactly one overdue per missed period, never before due + grace, never while paused', () => {
    fc.assert(
      fc.property(historyArbitrary, (events) => {
        const { effects } = run(events, endOf(events));
        const overdue = ofType(effects, 'overdue');
        expect(new Set(overdue.map((effect) => effect.period)).size).toBe(overdue.length);
        for (const effect of overdue) {
          const before = events.filter((event) => event.at <= effect.at);
          const lastCheckIn = Math.max(start, ...before.filter((e) => e.type === 'check_in').map((e) => e.at));
          expect(effect.at - lastCheckIn).toBeGreaterThanOrEqual(
            (schedule.intervalMinutes + schedule.graceMinutes) * minute,
          );
          expect(isInsideAPause(events, effect.at)).toBe(false);
        }
      }),
    );
  });

  test('check-ins always within interval + grace of the last: no overdue, no escalation, ever', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: (60 + 15) * 60 - 1 }), { maxLength: 40 }), (gaps) => {
        let at = start;
        const events: StayEvent[] = gaps.map((gap) => {
          at += gap * 1000;
          return { type: 'check_in', at, signal: 'ok' };
        });
        const { effects } = run(events, at + (60 + 15) * minute - 1);
        expect(effects.filter((effect) => effect.type !== 'reminder')).toEqual([]);
      }),
    );
  });

  test('silence from the start: one overdue for each period that has passed its grace', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (silentMinutes) => {
        const { effects } = run([], start + silentMinutes * minute);
        // Periods whose grace ended strictly before now: 75, 135, 195, … minutes after the start.
        const passed = silentMinutes <= 75 ? 0 : Math.ceil((silentMinutes - 75) / 60);
        expect(ofType(effects, 'overdue')).toHaveLength(passed);
        expect(ofType(effects, 'supervisor_escalation')).toHaveLength(silentMinutes > 105 ? 1 : 0);
      }),
    );
  });

  test('schedule changes never make a stay overdue before its new due time plus grace, nor twice for a period', () => {
    fc.assert(
      fc.property(
        historyArbitrary,
        fc.integer({ min: 0, max: 200 * 60 }),
        fc.integer({ min: 2, max: 240 }),
        (events, changeSecond, interval) => {
          const changeAt = start + changeSecond * 30_000;
          const changed = { ...schedule, intervalMinutes: interval, graceMinutes: Math.min(15, interval) };
          const all = [...events, { type: 'change_schedule', at: changeAt, schedule: changed } as StayEvent].sort(
            (a, b) => a.at - b.at,
          );
          const { effects } = run(all, endOf(all));
          const overdue = ofType(effects, 'overdue');
          expect(new Set(overdue.map((effect) => effect.period)).size).toBe(overdue.length);
          for (const effect of overdue.filter((e) => e.at > changeAt)) {
            expect(effect.at).toBeGreaterThanOrEqual(changeAt + changed.graceMinutes * minute);
          }
        },
      ),
    );
  });

  test('with quiet hours, reminders never fall in them and the overdue times are unchanged', () => {
    const quiet = { ...schedule, quietHours: { startMinute: 22 * 60, endMinute: 6 * 60 } };
    fc.assert(
      fc.property(historyArbitrary, (events) => {
        const end = endOf(events);
        const withQuiet = run(events, end, { at: quiet }).effects;
        const without = run(events, end).effects;
        expect(ofType(withQuiet, 'overdue')).toEqual(ofType(without, 'overdue'));
        for (const reminder of ofType(withQuiet, 'reminder')) {
          const hour = new Date(reminder.at + 7 * 60 * minute).getUTCHours(); // Bangkok, no daylight saving
          expect(hour >= 22 || hour < 6).toBe(false);
        }
      }),
    );
  });
});

/** Whether `at` lies inside a pause that the history set (ending at its limit, a resume or a check-in). */
function isInsideAPause(events: readonly StayEvent[], at: number): boolean {
  let pausedUntil: number | undefined;
  for (const event of events) {
    if (event.at >= at) break;
    if (pausedUntil !== undefined && event.at >= pausedUntil) pausedUntil = undefined;
    if (event.type === 'pause' && event.until - event.at <= schedule.maxPauseMinutes * minute)
      pausedUntil = event.until;
    if (event.type === 'resume' || event.type === 'check_in') pausedUntil = undefined;
  }
  return pausedUntil !== undefined && at < pausedUntil;
}
