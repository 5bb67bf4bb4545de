// Schedule limits, ISO 8601 durations and quiet hours.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type CheckInSchedule,
  durationMinutes,
  ladderFor,
  outsideQuietHours,
  scheduleProblems,
} from './check-in-schedule.js';

const schedule: CheckInSchedule = {
  intervalMinutes: 24 * 60,
  graceMinutes: 120,
  reminderBeforeMinutes: 60,
  graceReminderEveryMinutes: 30,
  escalateAfterMinutes: 240,
  maxPauseMinutes: 3 * 24 * 60,
  timeZone: 'Asia/Bangkok',
};

describe('scheduleProblems', () => {
  test('a daily schedule is fine; two minutes only in demo mode; more than 30 days never', () => {
    expect(scheduleProblems(schedule, { isDemo: false })).toEqual([]);
    const twoMinutes = { ...schedule, intervalMinutes: 2, graceMinutes: 1, reminderBeforeMinutes: 1 };
    expect(scheduleProblems(twoMinutes, { isDemo: true })).toEqual([]);
    expect(scheduleProblems(twoMinutes, { isDemo: false })).toEqual(['interval_too_short']);
    expect(scheduleProblems({ ...schedule, intervalMinutes: 31 * 24 * 60 }, { isDemo: false })).toContain(
      'interval_too_long',
    );
  });

  test('grace, reminders, quiet hours and the time zone are checked', () => {
    const bad = {
      ...schedule,
      graceMinutes: 0,
      reminderBeforeMinutes: 24 * 60,
      quietHours: { startMinute: 600, endMinute: 600 },
      timeZone: 'Mars/Olympus',
    };
    expect(scheduleProblems(bad, { isDemo: false })).toEqual([
      'grace_out_of_range',
      'reminder_out_of_range',
      'quiet_hours_invalid',
      'time_zone_unknown',
    ]);
    expect(scheduleProblems({ ...schedule, intervalMinutes: Number.NaN }, { isDemo: true })).toContain(
      'interval_too_short',
    );
  });
});

test('durationMinutes reads weeks, days, hours and minutes, and nothing of variable length', () => {
  expect(durationMinutes('P7D')).toBe(7 * 24 * 60);
  expect(durationMinutes('PT2M')).toBe(2);
  expect(durationMinutes('P1DT12H')).toBe(36 * 60);
  expect(durationMinutes('P2W')).toBe(14 * 24 * 60);
  for (const wrong of ['P', 'PT', 'P1M', 'P1Y', '7D', 'P1DT', 'P-1D', 'P1.5D', '']) {
    expect(durationMinutes(wrong), wrong).toBeUndefined();
  }
});

test('outsideQuietHours moves a time inside them to their end, across midnight, in the citizen’s zone', () => {
  const quiet = { ...schedule, quietHours: { startMinute: 22 * 60, endMinute: 6 * 60 } };
  const at = (hour: number, minute = 0) => Date.UTC(2026, 10, 23, hour - 7, minute); // Bangkok is UTC+7
  expect(outsideQuietHours(at(12), quiet)).toBe(at(12));
  expect(outsideQuietHours(at(23, 30), quiet)).toBe(at(30)); // 06:00 the next day
  expect(outsideQuietHours(at(5, 59), quiet)).toBe(at(6));
  expect(outsideQuietHours(at(6), quiet)).toBe(at(6));
  expect(outsideQuietHours(at(23, 30), schedule)).toBe(at(23, 30));
});

test('the ladder a citizen’s choice implies stays within the schedule’s limits, for any interval and grace allowed', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 30 * 24 * 60 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (interval, share) => {
        const grace = Math.max(1, Math.floor(interval * share));
        const ladder = ladderFor({ intervalMinutes: interval, graceMinutes: grace, timeZone: 'Asia/Bangkok' });
        expect(scheduleProblems(ladder, { isDemo: true })).toEqual([]);
        expect(ladder.reminderBeforeMinutes).toBeLessThan(interval);
        expect(ladder.graceReminderEveryMinutes).toBeGreaterThanOrEqual(1);
        expect(ladder.escalateAfterMinutes).toBeLessThanOrEqual(24 * 60);
      },
    ),
  );
  expect(ladderFor({ intervalMinutes: 7 * 24 * 60, graceMinutes: 24 * 60, timeZone: 'UTC' })).toMatchObject({
    reminderBeforeMinutes: 120,
    graceReminderEveryMinutes: 360,
    escalateAfterMinutes: 24 * 60,
  });
});
