// What a result and a registry entry say: the level in words, warning signs strongest first, good signs
// apart, and "reported N times since …, by K independent reporters" in the reader's language.
import { describe, expect, test } from 'vitest';
import { createTranslator } from '../i18n/translator';
import english from '../locales/en.json';
import thai from '../locales/th.json';
import type { JobOfferCheckResult } from './prevention-api';
import { describeEntry, describeResult } from './result-view';

const result: JobOfferCheckResult = {
  level: 'high',
  score: 11,
  flags: [
    { code: 'salary_far_above_market', weight: 3, explanation: 'The pay is far above what the work earns.' },
    { code: 'licensed_agency', weight: -2, explanation: 'A licensed agency is named.' },
    { code: 'compound_area', weight: 5, explanation: 'Myawaddy is a known scam-compound area.' },
  ],
  advice: [{ code: 'contact_embassy', text: 'Contact your embassy.' }],
  registryMatches: [
    {
      kind: 'phone',
      display: '+66 81 234 5678',
      reportCount: 3,
      reporterCount: 2,
      firstReportedAt: '2026-11-02T08:00:00Z',
    },
  ],
  language: 'en',
};

describe('describeResult', () => {
  test('names the level in words, not by colour alone', () => {
    const view = describeResult(result);
    expect(view.level).toBe('high');
    expect(view.title).toEqual({ key: 'check.level.high', english: 'High risk' });
    expect(english[view.title.key as keyof typeof english]).toBe('High risk');
  });

  test('lists warning signs strongest first and good signs apart', () => {
    const view = describeResult(result);
    expect(view.warnings).toEqual([
      'Myawaddy is a known scam-compound area.',
      'The pay is far above what the work earns.',
    ]);
    expect(view.reassurances).toEqual(['A licensed agency is named.']);
    expect(view.advice).toEqual(['Contact your embassy.']);
  });

  test('a level the page does not know shows as "some warning signs", never as low', () => {
    expect(describeResult({ ...result, level: 'severe' as never }).level).toBe('elevated');
  });

  test('a registry match says how often, since when and by how many, in English and in Thai', () => {
    const [match] = describeResult(result).matches;
    expect(match?.display).toBe('+66 81 234 5678');
    const reported = match?.reported;
    if (reported === undefined) throw new Error('no match');
    expect(createTranslator('en-GB', english, english)(reported.key, reported.values)).toBe(
      'Reported 3 times since 2 Nov 2026, by 2 independent reporters.',
    );
    const inThai = createTranslator('th', thai, english)(reported.key, reported.values);
    expect(inThai).toMatch(/[\u0E00-\u0E7F]/);
    expect(inThai).toContain('3');
  });

  test('one report by one reporter reads in the singular', () => {
    const view = describeEntry({
      id: 'e1',
      kind: 'company',
      display: 'Golden Fortune Co.',
      reportCount: 1,
      reporterCount: 1,
      firstReportedAt: '2026-11-23T09:00:00Z',
      lastReportedAt: '2026-11-23T09:00:00Z',
      disputed: false,
    });
    expect(createTranslator('en-GB', english, english)(view.reported.key, view.reported.values)).toBe(
      'Reported 1 time since 23 Nov 2026, by 1 independent reporter.',
    );
    expect(view.kind.key).toBe('registry.kind.company');
  });
});
