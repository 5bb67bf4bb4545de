// The job-offer check reads up to 20,000 characters pasted by anyone. Texts built to make a reader go back over what
// it has read (long runs of digits, letters, dots, phone-like or link-like pieces) must give a sensible reading: no
// place, no contact, nothing raised. (How long they take is measured by bench/job-offer-assess.mjs, not here.)
import { describe, expect, test } from 'vitest';
import { assessJobOffer } from './assess-job-offer.js';

/** `piece` repeated to exactly `length` characters. */
const filled = (piece: string, length: number) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

const hostilePieces = [
  '1,',
  '1',
  '万',
  '$ ',
  '၁ ',
  'Rp 1.1.1.1.1.',
  '@a ',
  'a.b',
  '+6 6 8 1 ',
  '0066 ',
  'A',
  'Ab ',
  '-',
  '@',
  'x.',
];

const scamAd = `Customer service job in Sihanoukville, salary 1500 USD per month, free ticket, no experience.
Contact WhatsApp +855 12 345 678 or Telegram @hr_team_kh`;

describe('hostile texts of 20,000 characters', () => {
  test.each(hostilePieces)('%j repeated: low, with no place, contact, company or salary', (piece) => {
    const assessment = assessJobOffer({ text: filled(piece, 20_000) });
    expect(assessment.level).toBe('low');
    expect(assessment.signals.areas).toEqual([]);
    expect(assessment.signals.contacts).toEqual({ phones: [], urls: [], handles: [] });
    expect(assessment.signals.companyNames).toEqual([]);
    expect(assessment.signals.salary).toBeUndefined();
  });

  test('an ad after a hostile run is read as it is alone', () => {
    const alone = assessJobOffer({ text: scamAd });
    expect(alone.level).toBe('high');
    expect(alone.signals.areas.map((area) => area.id)).toEqual(['sihanoukville']);
    expect(alone.signals.contacts.phones).toEqual(['+85512345678']);
    for (const piece of hostilePieces) {
      const after = assessJobOffer({ text: `${filled(piece, 19_000)}\n\n${scamAd}` });
      expect(after.level, piece).toBe('high');
      expect(after.signals.areas.map((area) => area.id)).toEqual(['sihanoukville']);
      expect(after.signals.contacts.phones, piece).toEqual(['+85512345678']);
      expect(after.signals.contacts.handles, piece).toContain('telegram:@hr_team_kh');
    }
  });

  test('an ad repeated to 20,000 characters says what it says once', () => {
    const once = assessJobOffer({ text: scamAd });
    const repeated = assessJobOffer({ text: filled(`${scamAd}\n`, 20_000) });
    expect(repeated.level).toBe(once.level);
    expect(repeated.signals.contacts).toEqual(once.signals.contacts);
    expect(repeated.signals.phrases).toEqual(once.signals.phrases);
    expect(repeated.flags.map((flag) => flag.code)).toEqual(once.flags.map((flag) => flag.code));
  });
});
