import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normaliseText } from '../text/normalise-text.js';
import {
  compileNegators,
  compilePhraseLists,
  compilePhrases,
  findNearbyPairs,
  findPhraseLists,
  findPhrases,
  isNegated,
  overlaps,
  type PhraseMatch,
  prepareText,
} from './phrase-matcher.js';

const phrasesIn = (text: string, phrases: readonly string[]) =>
  findPhrases(prepareText(text), compilePhrases(phrases)).map((match) => match.phrase);

describe('findPhrases', () => {
  test('Latin phrases match whole words only, across case, diacritics, hyphens and spacing', () => {
    expect(phrasesIn('CS staff; physics teacher', ['cs'])).toEqual(['cs']);
    expect(phrasesIn('Casino work', ['no'])).toEqual([]);
    expect(phrasesIn('KHÔNG CẦN KINH NGHIỆM', ['không cần kinh nghiệm'])).toEqual(['khong can kinh nghiem']);
    expect(phrasesIn('walk in interview', ['walk-in interview'])).toEqual(['walk in interview']);
    expect(phrasesIn('Don’t tell your family', ["don't tell your family"])).toEqual(['don’t tell your family']);
  });

  test('Thai, Chinese and Burmese phrases match inside words, with spaces ignored', () => {
    expect(phrasesIn('รับสมัครด่วนมาก', ['ด่วน'])).toEqual(['ด่วน']);
    expect(phrasesIn('包 机票', ['包机票'])).toEqual(['包 机票']);
    expect(phrasesIn('အတွေ့အကြုံ မလိုပါ', ['အတွေ့အကြုံမလို'])).toEqual(['အတွေ့အကြုံ မလို']);
  });

  test('a Latin word inside Chinese or Thai text still matches', () => {
    expect(phrasesIn('会打字English OK', ['english'])).toEqual(['english']);
  });

  test('the last word of a phrase also matches its English plural', () => {
    expect(phrasesIn('Hiring encoders and typists', ['encoder', 'typist'])).toEqual(['encoders', 'typists']);
    expect(phrasesIn('Hiring encoders', ['encoder job'])).toEqual([]);
  });

  test('the longest phrase wins where two overlap', () => {
    expect(phrasesIn('No placement fee', ['placement fee', 'no placement fee'])).toEqual(['no placement fee']);
  });

  test('a line break ends a phrase', () => {
    expect(phrasesIn('free\nticket', ['free ticket'])).toEqual([]);
  });
});

describe('isNegated', () => {
  const negators = compileNegators(['no', 'never', 'tanpa', 'ไม่', '不']);
  const negated = (text: string, phrase: string) => {
    const prepared = prepareText(text);
    const [match] = findPhrases(prepared, compilePhrases([phrase]));
    if (!match) throw new Error(`${phrase} not found`);
    return isNegated(prepared, match, negators);
  };

  test('a negation just before, in the same clause, negates', () => {
    expect(negated('We never keep your passport', 'keep your passport')).toBe(true);
    expect(negated('Tanpa biaya penempatan', 'biaya penempatan')).toBe(true);
    expect(negated('ไม่เก็บค่าหัว', 'ค่าหัว')).toBe(true);
    expect(negated('不收押金', '押金')).toBe(true);
  });

  test('a negation in an earlier clause does not', () => {
    expect(negated('No experience, deposit 500 USD', 'deposit')).toBe(false);
    expect(negated('No experience.\nPlacement fee 500', 'placement fee')).toBe(false);
  });
});

test('findNearbyPairs joins words that stand close in one clause, in either order', () => {
  const prepared = prepareText('Tiket flight + hotel PERCUMA. Free meals, ticket by you');
  const firsts = findPhrases(prepared, compilePhrases(['tiket', 'ticket']));
  const seconds = findPhrases(prepared, compilePhrases(['percuma', 'free']));
  expect(findNearbyPairs(prepared, firsts, seconds, 30).map((pair) => pair.phrase)).toEqual([
    'tiket flight + hotel percuma',
  ]);
});

describe('findPhraseLists', () => {
  test('each list gets what it would get alone, however many lists are compiled together', () => {
    const lists = [['free ticket', 'ticket'], ['placement fee', 'no placement fee'], ['ticket'], ['ด่วน', '包机票']];
    const text = prepareText('Free ticket! No placement fee. รับสมัครด่วน 包 机票 ticket');
    const together = findPhraseLists(text, compilePhraseLists(lists));
    expect(together.map((matches) => matches.map((match) => match.phrase))).toEqual([
      ['free ticket', 'ticket'],
      ['no placement fee'],
      ['ticket', 'ticket'],
      ['ด่วน', '包 机票'],
    ]);
    lists.forEach((list, index) => {
      expect(together[index]).toEqual(findPhrases(text, compilePhrases(list)));
    });
  });

  // The matcher as first written: every phrase of a list tried at every word, and every script phrase searched
  // for on its own; slow, plain, and what the combined matcher must agree with.
  function phrasesOneByOne(text: string, phrases: readonly string[]): string[] {
    const prepared = prepareText(text);
    const found: PhraseMatch[] = [];
    const normalised = phrases.map((phrase) => normaliseText(phrase)).filter((phrase) => /[\p{L}\p{N}]/u.test(phrase));
    const isLatin = (phrase: string) => /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]*$/u.test(phrase);
    prepared.tokens.forEach((token, index) => {
      let longest: PhraseMatch | undefined;
      for (const phrase of normalised.filter(isLatin)) {
        const words = phrase.match(/[\p{Script=Latin}\p{N}]+/gu) ?? [];
        const matches = words.every((word, offset) => {
          const typed = prepared.tokens[index + offset];
          if (!typed) return false;
          const isLast = offset === words.length - 1;
          const same =
            typed.word === word ||
            (isLast && word.length >= 4 && (typed.word === `${word}s` || typed.word === `${word}es`));
          const previous = prepared.tokens[index + offset - 1];
          const gap = offset === 0 || !previous ? '' : prepared.text.slice(previous.end, typed.start);
          return same && /^[ \-'’.:@/&+]*$/u.test(gap);
        });
        const end = prepared.tokens[index + words.length - 1]?.end ?? 0;
        if (words.length > 0 && matches && (!longest || end > longest.end)) {
          longest = { phrase: prepared.text.slice(token.start, end), start: token.start, end };
        }
      }
      if (longest) found.push(longest);
    });
    for (const phrase of normalised.filter((phrase) => !isLatin(phrase)).map((phrase) => phrase.replace(/\s+/gu, ''))) {
      for (let at = prepared.compact.indexOf(phrase); at !== -1; at = prepared.compact.indexOf(phrase, at + 1)) {
        const start = prepared.compactOffsets[at] ?? 0;
        const end = (prepared.compactOffsets[at + phrase.length - 1] ?? 0) + 1;
        found.push({ phrase: prepared.text.slice(start, end), start, end });
      }
    }
    const kept: PhraseMatch[] = [];
    for (const match of [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
      if (!kept.some((other) => overlaps(match, other))) kept.push(match);
    }
    return kept.sort((a, b) => a.start - b.start).map((match) => match.phrase);
  }

  test('finds what trying every phrase at every word finds', () => {
    const vocabulary = ['free', 'ticket', 'tickets', 'no', 'fee', 'fees', 'placement', 'ด่วน', 'มาก', '包', '机票'];
    const separators = [' ', '  ', '-', '\n', ', ', ''];
    const piece = fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)).map(([a, b]) => a + b);
    const phrase = fc
      .array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join('')),
        fc.array(fc.array(phrase, { maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        (text, lists) => {
          const together = findPhraseLists(prepareText(text), compilePhraseLists(lists));
          lists.forEach((list, index) => {
            expect(together[index]?.map((match) => match.phrase)).toEqual(phrasesOneByOne(text, list));
          });
        },
      ),
    );
  });

  test('a line of 20,000 characters with a phrase at every word is read, overlaps and all', () => {
    const prepared = prepareText('ticket free '.repeat(1_700));
    const [tickets, pairs] = findPhraseLists(prepared, compilePhraseLists([['ticket'], ['free ticket']]));
    expect(tickets).toHaveLength(1_700);
    expect(pairs).toHaveLength(1_699);
  });
});

test('findNearbyPairs finds every pair that comparing each first with each second finds', () => {
  const prepared = prepareText(
    `${'ticket free, free ticket. '.repeat(40)}tiket x x x x x x x x x x x x x x percuma free`,
  );
  const firsts = findPhrases(prepared, compilePhrases(['ticket', 'tiket']));
  const seconds = findPhrases(prepared, compilePhrases(['free', 'percuma']));
  const everyPair = firsts.flatMap((first) =>
    seconds.flatMap((second) => {
      const [left, right] = first.start < second.start ? [first, second] : [second, first];
      const gap = prepared.text.slice(left.end, right.start);
      if (overlaps(first, second) || gap.length > 30 || /[\n.!?;:,]/u.test(gap)) return [];
      return [{ phrase: prepared.text.slice(left.start, right.end), start: left.start, end: right.end }];
    }),
  );
  expect(everyPair.length).toBeGreaterThan(80);
  expect(findNearbyPairs(prepared, firsts, seconds, 30)).toEqual(everyPair);
});
