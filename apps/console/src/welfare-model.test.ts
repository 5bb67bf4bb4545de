// The welfare-check screens' rules: who sees them, risk factors and ages as sentences (rendered with the real
// catalogues, so a broken ICU message fails here), what the forms send, the queue's filter and its refreshes.
import { describe, expect, test } from 'vitest';
import { createTranslator } from '../../citizen/src/i18n/translator';
import { alertSources, alertsPath, type RiskFactor } from './alerts-api';
import english from './locales/en.json';
import {
  alertAge,
  areaName,
  contactAttemptToSend,
  durationParts,
  explainFactor,
  isActionable,
  isUrgentSource,
  type Message,
  queueFilter,
  refreshIntervalMs,
  resolutionToSend,
  shouldRefresh,
  sourceNames,
  welfareRoles,
} from './welfare-model';

const catalogues = import.meta.glob<Record<string, string>>('./locales/*.json', { eager: true, import: 'default' });
const inEnglish = createTranslator('en', english, english);
const render = (message: Message) => inEnglish(message.words[0], message.values);
const sentence = (factor: RiskFactor) => render(explainFactor(factor, (code) => (code === 'MM' ? 'Myanmar' : code)));

describe('who sees the welfare checks', () => {
  test('consular officers and supervisors, the roles the policy lets read alerts', () => {
    expect(welfareRoles).toEqual(['consular_officer', 'consular_supervisor']);
  });
});

describe('risk factors as sentences', () => {
  test('hours overdue say how many, with the points they add', () => {
    expect(sentence({ code: 'hours_overdue', weight: 12, detail: 6 })).toBe('6 hours overdue (+12)');
    expect(sentence({ code: 'hours_overdue', weight: 2, detail: 1 })).toBe('1 hour overdue (+2)');
  });

  test('the signals say what the citizen did', () => {
    expect(sentence({ code: 'duress_signal', weight: 100 })).toBe('Checked in with the duress PIN (+100)');
    expect(sentence({ code: 'sos_signal', weight: 90 })).toBe('Sent an SOS (+90)');
    expect(sentence({ code: 'asked_for_help', weight: 40 })).toBe('Asked for help (+40)');
    expect(sentence({ code: 'missed_check_in', weight: 10 })).toBe('Missed a check-in (+10)');
  });

  test('places are named: a gazetteer area by its name, a country in the page language', () => {
    expect(sentence({ code: 'near_compound_area', weight: 20, detail: 'kk-park' })).toBe(
      'Staying at or near a known scam-compound area: KK Park (+20)',
    );
    expect(sentence({ code: 'near_compound_area', weight: 20, detail: 'shwe-kokko' })).toContain('Shwe Kokko');
    expect(sentence({ code: 'compound_country', weight: 10, detail: 'MM' })).toBe(
      'Staying in a country with scam compounds: Myanmar (+10)',
    );
    expect(areaName('golden-triangle-sez')).toBe('Golden Triangle SEZ');
  });

  test('counts are counted, in the singular where one', () => {
    expect(sentence({ code: 'prior_alerts', weight: 5, detail: 1 })).toBe('1 earlier alert in the last 90 days (+5)');
    expect(sentence({ code: 'prior_alerts', weight: 20, detail: 9 })).toBe(
      '9 earlier alerts in the last 90 days (+20)',
    );
    expect(sentence({ code: 'concern_from_family', weight: 30, detail: 2 })).toBe('2 open concerns from family (+30)');
    expect(sentence({ code: 'concern_from_family', weight: 25 })).toBe('A family member raised a concern (+25)');
    expect(sentence({ code: 'pin_failures', weight: 30 })).toBe('Repeated wrong PINs (+30)');
    expect(sentence({ code: 'pin_failures', weight: 30, detail: 5 })).toBe('5 wrong PINs in a row (+30)');
  });

  test('a job offer says its level', () => {
    expect(sentence({ code: 'job_offer_red_flags', weight: 20, detail: 'high' })).toBe(
      'Their job offer was rated high risk (+20)',
    );
    expect(sentence({ code: 'job_offer_red_flags', weight: 10, detail: 'medium' })).toBe(
      'Their job offer was rated medium risk (+10)',
    );
  });

  test('a factor this console does not know yet still shows, by its code, rather than vanishing', () => {
    expect(sentence({ code: 'new_signal', weight: 7 })).toBe('Other factor: new_signal (+7)');
    expect(sentence({ code: 'hours_overdue', weight: 4 })).toBe('Other factor: hours_overdue (+4)');
  });

  test('every factor message formats in every language, with the numbers in it', () => {
    const factors: RiskFactor[] = [
      { code: 'hours_overdue', weight: 12, detail: 6 },
      { code: 'prior_alerts', weight: 15, detail: 3 },
      { code: 'concern_from_family', weight: 30, detail: 2 },
      { code: 'job_offer_red_flags', weight: 20, detail: 'high' },
      { code: 'near_compound_area', weight: 20, detail: 'myawaddy' },
      { code: 'pin_failures', weight: 30, detail: 4 },
    ];
    for (const [path, catalogue] of Object.entries(catalogues)) {
      const language = /([a-z]+)\.json$/.exec(path)?.[1] ?? 'en';
      const translate = createTranslator(language, catalogue, english);
      for (const factor of factors) {
        const message = explainFactor(factor);
        expect(catalogue[message.words[0]], `${message.words[0]} in ${language}`).toBeTruthy();
        const text = translate(message.words[0], message.values);
        expect(text, `${factor.code} in ${language}`).toContain(String(factor.weight));
        expect(text, `${factor.code} in ${language}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('an alert’s age', () => {
  const raisedAt = '2026-03-01T09:00:00Z';
  const at = (iso: string) => render(alertAge(raisedAt, new Date(iso)));

  test('minutes in the first hour, hours for two days, then days, each rounded down', () => {
    expect(at('2026-03-01T09:00:30Z')).toBe('raised just now');
    expect(at('2026-03-01T09:07:59Z')).toBe('raised 7 min ago');
    expect(at('2026-03-01T12:20:00Z')).toBe('raised 3 h ago');
    expect(at('2026-03-03T08:59:00Z')).toBe('raised 47 h ago');
    expect(at('2026-03-03T09:00:00Z')).toBe('raised 2 days ago');
  });

  test('a clock slightly behind the server never shows a negative age', () => {
    expect(at('2026-03-01T08:58:00Z')).toBe('raised just now');
  });
});

describe('schedule durations', () => {
  const say = (iso: string) => durationParts(iso)?.map(render).join(' ');

  test('read as words, part by part', () => {
    expect(say('P7D')).toBe('7 days');
    expect(say('P1D')).toBe('1 day');
    expect(say('PT2M')).toBe('2 minutes');
    expect(say('P1DT12H')).toBe('1 day 12 hours');
  });

  test('anything else is not a duration', () => {
    expect(durationParts('7 days')).toBeUndefined();
    expect(durationParts('P')).toBeUndefined();
    expect(durationParts('PT')).toBeUndefined();
  });
});

describe('sources', () => {
  test('SOS and duress are the urgent ones', () => {
    expect(alertSources.filter(isUrgentSource)).toEqual(['sos', 'duress']);
  });

  test('every source the API names has words', () => {
    for (const source of alertSources) expect(english[sourceNames[source][0] as keyof typeof english]).toBeTruthy();
  });
});

describe('what the forms send', () => {
  test('a contact attempt needs a channel and an outcome; the note is trimmed and left out when blank', () => {
    expect(contactAttemptToSend('', 'no_answer', '')).toEqual({ ok: false, message: 'choiceNeeded' });
    expect(contactAttemptToSend('phone', '', '')).toEqual({ ok: false, message: 'choiceNeeded' });
    expect(contactAttemptToSend('phone', 'no_answer', '   ')).toEqual({
      ok: true,
      value: { channel: 'phone', outcome: 'no_answer' },
    });
    expect(contactAttemptToSend('whatsapp', 'reached_safe', ' Called back from a new number ')).toEqual({
      ok: true,
      value: { channel: 'whatsapp', outcome: 'reached_safe', note: 'Called back from a new number' },
    });
  });

  test('"other" needs a note saying what happened, for the next officer on shift', () => {
    expect(contactAttemptToSend('phone', 'other', ' ')).toEqual({ ok: false, message: 'noteNeeded' });
    expect(resolutionToSend('other', '')).toEqual({ ok: false, message: 'noteNeeded' });
    expect(resolutionToSend('other', 'Employer confirmed by the labour attaché')).toEqual({
      ok: true,
      value: { reason: 'other', note: 'Employer confirmed by the labour attaché' },
    });
  });

  test('a resolution needs a reason', () => {
    expect(resolutionToSend('', 'fine')).toEqual({ ok: false, message: 'choiceNeeded' });
    expect(resolutionToSend('checked_in', '')).toEqual({ ok: true, value: { reason: 'checked_in' } });
  });

  test('only open and contacting alerts can be acted on', () => {
    expect(isActionable('open')).toBe(true);
    expect(isActionable('contacting')).toBe(true);
    expect(isActionable('resolved')).toBe(false);
    expect(isActionable('escalated')).toBe(false);
  });
});

describe('the queue', () => {
  test('asks for highest risk first by default, and leaves out "any" and unknown values', () => {
    expect(queueFilter({ status: '', source: '', sort: '' })).toEqual({ sort: 'risk' });
    expect(queueFilter({ status: 'resolved', source: 'sos', sort: 'age' })).toEqual({
      status: 'resolved',
      source: 'sos',
      sort: 'age',
    });
    expect(queueFilter({ status: 'deleted', source: 'rumour', sort: 'name' })).toEqual({ sort: 'risk' });
  });

  test('becomes the contract’s query string', () => {
    expect(alertsPath({ sort: 'risk', limit: 25 })).toBe('/api/v1/alerts?sort=risk&limit=25');
    expect(alertsPath({ status: 'open', source: 'duress', sort: 'age', cursor: 'abc=' })).toBe(
      '/api/v1/alerts?status=open&source=duress&sort=age&cursor=abc%3D',
    );
  });

  test('refreshes every 30 seconds while the page is visible, never while hidden', () => {
    const readAt = 1_000_000;
    expect(refreshIntervalMs).toBe(30_000);
    expect(shouldRefresh('visible', readAt, readAt + 30_000)).toBe(true);
    expect(shouldRefresh('visible', readAt, readAt + 5_000)).toBe(false);
    expect(shouldRefresh('hidden', readAt, readAt + 600_000)).toBe(false);
  });
});
