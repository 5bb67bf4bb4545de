// The moderation screen's rules: who sees it, the subjects a moderator approves, and when a decision may go.
import { describe, expect, test } from 'vitest';
import { approvedSubjects, chooseScreen, draftSubjects, reportDecision, screensFor } from './moderation-model';
import { screenshotPath, withQuery } from './registry-api';

describe('the console navigation', () => {
  test('consular staff start at the welfare checks, then registry moderation; analysts moderate; an admin gets the staff screen', () => {
    expect(screensFor('consular_officer')).toEqual(['welfare', 'deliveries', 'registry']);
    expect(screensFor('consular_supervisor')).toEqual(['welfare', 'deliveries', 'registry']);
    expect(screensFor('analyst')).toEqual(['registry']);
    expect(screensFor('admin')).toEqual(['staff']);
  });

  test('caseworkers and liaisons get neither', () => {
    for (const role of ['partner_caseworker', 'partner_manager', 'law_enforcement_liaison'] as const) {
      expect(screensFor(role)).toEqual([]);
      expect(chooseScreen(role, '#/registry')).toBeUndefined();
      expect(chooseScreen(role, '#/welfare')).toBeUndefined();
    }
  });

  test('an address for a screen the role lacks shows its own first screen', () => {
    expect(chooseScreen('admin', '#/registry')).toBe('staff');
    expect(chooseScreen('admin', '#/welfare')).toBe('staff');
    expect(chooseScreen('analyst', '#/welfare')).toBe('registry');
    expect(chooseScreen('consular_officer', '#/staff')).toBe('welfare');
    expect(chooseScreen('consular_officer', '')).toBe('welfare');
    expect(chooseScreen('consular_officer', '#/registry')).toBe('registry');
    expect(chooseScreen('consular_officer', '#/deliveries')).toBe('deliveries');
    expect(chooseScreen('admin', '#/deliveries')).toBe('staff');
  });
});

describe('the subjects a moderator approves', () => {
  test('start from the reporter’s subjects as typed, with the form they were matched by', () => {
    expect(draftSubjects([{ kind: 'phone', value: '081 234 5678', normalised: '+66812345678' }])).toEqual([
      { kind: 'phone', value: '081 234 5678', normalised: '+66812345678' },
    ]);
  });

  test('are trimmed, and rows without a value left out', () => {
    expect(
      approvedSubjects([
        { kind: 'handle', value: ' @recruit_th ', normalised: '@recruit_th' },
        { kind: 'url', value: '   ', normalised: 'example.com' },
      ]),
    ).toEqual([{ kind: 'handle', value: '@recruit_th' }]);
  });
});

describe('reportDecision', () => {
  const drafts = [{ kind: 'phone' as const, value: '+66812345678', normalised: '+66812345678' }];

  test('every decision needs a reason, for the record', () => {
    expect(reportDecision('reject', '  ', drafts)).toEqual({ ok: false, message: 'reasonNeeded' });
    expect(reportDecision('approve', '', drafts)).toEqual({ ok: false, message: 'reasonNeeded' });
    expect(reportDecision('reject', ' Names the victim ', drafts)).toEqual({
      ok: true,
      decision: { decision: 'reject', reason: 'Names the victim' },
    });
  });

  test('an approval sends the edited subjects and needs at least one', () => {
    expect(reportDecision('approve', 'Fits the pattern', [])).toEqual({ ok: false, message: 'subjectNeeded' });
    expect(reportDecision('approve', 'Matches two other reports', drafts)).toEqual({
      ok: true,
      decision: {
        decision: 'approve',
        reason: 'Matches two other reports',
        subjects: [{ kind: 'phone', value: '+66812345678' }],
      },
    });
  });
});

describe('the registry API paths', () => {
  test('carry only the defined query values and encode ids', () => {
    expect(withQuery('/api/v1/registry/reports', { status: 'pending', cursor: undefined })).toBe(
      '/api/v1/registry/reports?status=pending',
    );
    expect(screenshotPath('a/b', 2)).toBe('/api/v1/registry/reports/a%2Fb/screenshots/2');
  });
});
