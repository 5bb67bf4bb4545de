// How a citizen's SMS or WhatsApp reply is read: a code, help, SOS, or something else.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  classifyReply,
  helpWords,
  normaliseReply,
  replyCodeMaxLength,
  replyCodeMinLength,
  sosWords,
} from './reply-words.js';

// The zero of each digit block a citizen may type a code in.
const digitScripts = {
  ascii: 0x30,
  thai: 0x0e50,
  burmese: 0x1040,
  khmer: 0x17e0,
  lao: 0x0ed0,
  fullWidth: 0xff10,
} as const;

const inScript = (code: string, zero: number) =>
  [...code].map((digit) => String.fromCharCode(zero + Number(digit))).join('');

const codeArbitrary = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: replyCodeMinLength, maxLength: replyCodeMaxLength })
  .map((digits) => digits.join(''));
const scriptArbitrary = fc.constantFrom(...Object.values(digitScripts));
// What people put between groups of digits: nothing, a space, a dash, an en dash, a full-width space.
const separatorArbitrary = fc.constantFrom('', ' ', '-', ' - ', '\u2013', '\u3000');
const paddingArbitrary = fc.constantFrom('', ' ', '  ', '\t', '\n', '\u200b');

describe('classifyReply reads codes', () => {
  test.each([
    ['135790', '135790'],
    ['1357 90', '135790'],
    ['13-57-90', '135790'],
    [' ๑๓๕๗๙๐ ', '135790'],
    ['၁၃၅၇၉၀', '135790'],
    ['១៣៥៧៩០', '135790'],
    ['໑໓໕໗໙໐', '135790'],
    ['１３５７９０', '135790'],
    ['1234', '1234'],
    ['482913750264', '482913750264'],
  ])('%j is the code %s', (reply, code) => {
    expect(classifyReply(reply)).toEqual({ kind: 'code', code });
  });

  test('a Burmese letter wa or ra typed for the look-alike digit zero or seven reads as that digit', () => {
    expect(classifyReply('၁၃၅ရ၉ဝ')).toEqual({ kind: 'code', code: '135790' });
  });

  test.each(['123', '1234567890123', '12a456', '+66812345678', '1234.', 'ဝဝဝဝ', 'code 123456'])(
    '%j is not a code',
    (reply) => {
      expect(classifyReply(reply).kind).not.toBe('code');
    },
  );

  test('digits in any script, with any separators and padding, read as the same ASCII code', () => {
    fc.assert(
      fc.property(
        codeArbitrary,
        scriptArbitrary,
        fc.array(separatorArbitrary, { minLength: replyCodeMaxLength, maxLength: replyCodeMaxLength }),
        paddingArbitrary,
        paddingArbitrary,
        (code, zero, separators, before, after) => {
          const typed = [...inScript(code, zero)].map((digit, index) => digit + (separators[index] ?? '')).join('');
          // A separator after the last digit would be a trailing dash, not a code: keep only those between digits.
          const reply = before + typed.replace(/[\s\-\u2013\u3000]+$/u, '') + after;
          expect(classifyReply(reply)).toEqual({ kind: 'code', code });
        },
      ),
    );
  });

  test('a code never reads as help or SOS', () => {
    fc.assert(
      fc.property(codeArbitrary, scriptArbitrary, (code, zero) => {
        expect(['help', 'sos']).not.toContain(classifyReply(inScript(code, zero)).kind);
      }),
    );
  });
});

describe('classifyReply reads help and SOS', () => {
  const listed = [
    ...helpWords.map((word) => [word, 'help'] as const),
    ...sosWords.map((word) => [word, 'sos'] as const),
  ];

  test('the brief’s words in every language are listed as the right kind', () => {
    const kindOf = (word: string) => classifyReply(word).kind;
    for (const word of [
      'HELP',
      'TOLONG',
      'BANTUAN',
      'ช่วย',
      'GIÚP',
      'GIUP',
      'TULONG',
      'ကူညီ',
      'ជួយ',
      'ຊ່ວຍ',
      '帮助',
      '幫助',
    ]) {
      expect(kindOf(word), word).toBe('help');
    }
    for (const word of ['SOS', '救命', 'CỨU', 'CUU']) expect(kindOf(word), word).toBe('sos');
  });

  test('every listed word is written as a reply normalises to, so it can ever match', () => {
    for (const [word] of listed) expect(normaliseReply(word), word).toBe(word);
  });

  test('no word is listed as both help and SOS', () => {
    expect(helpWords.filter((word) => sosWords.includes(word))).toEqual([]);
  });

  test('every listed word, in any case and with spaces around it, reads as its kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...listed),
        fc.constantFrom('lower', 'upper', 'title'),
        paddingArbitrary,
        paddingArbitrary,
        ([word, kind], casing, before, after) => {
          const cased =
            casing === 'upper'
              ? word.toUpperCase()
              : casing === 'title'
                ? word.charAt(0).toUpperCase() + word.slice(1)
                : word;
          expect(classifyReply(before + cased + after)).toEqual({ kind });
        },
      ),
    );
  });

  test('a listed word as the first word of a longer reply, or with punctuation, reads as its kind', () => {
    expect(classifyReply('Help me please')).toEqual({ kind: 'help' });
    expect(classifyReply('tolong saya')).toEqual({ kind: 'help' });
    expect(classifyReply('Giúp tôi với')).toEqual({ kind: 'help' });
    expect(classifyReply('SOS!!!')).toEqual({ kind: 'sos' });
    expect(classifyReply('ＳＯＳ')).toEqual({ kind: 'sos' });
    expect(classifyReply('救命！')).toEqual({ kind: 'sos' });
    expect(classifyReply('ជួយ។')).toEqual({ kind: 'help' });
    expect(classifyReply('s.o.s.')).toEqual({ kind: 'sos' });
    expect(classifyReply('Cứu tôi')).toEqual({ kind: 'sos' });
  });

  test('Vietnamese typed with combining tone marks reads like the composed letters', () => {
    expect(classifyReply('giu\u0301p')).toEqual({ kind: 'help' });
    expect(classifyReply('CU\u031B\u0301U')).toEqual({ kind: 'sos' });
  });

  test('a listed word inside another word, or later in the reply, is not a call for help', () => {
    for (const reply of ['helpful', 'I am fine, no help needed', 'sosis', 'thanks, all good', 'ok']) {
      expect(classifyReply(reply), reply).toEqual({ kind: 'other' });
    }
  });
});

describe('classifyReply reads everything else as other', () => {
  const listedWords = [...helpWords, ...sosWords];

  test('random text without digits or listed words is other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const normalised = normaliseReply(text);
        fc.pre(!/[0-9]/.test(normalised));
        fc.pre(!listedWords.some((word) => normalised.includes(word)));
        expect(classifyReply(text)).toEqual({ kind: 'other' });
      }),
    );
  });

  test('random text mixing words of the ten scripts, without listed words, is other', () => {
    const letters = fc.constantFrom(...'abcxyz ÀẾỨđ กขค ကခဂ កខគ ກຂຄ 你好谢 .,!?'.split(''));
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 30 }), (characters) => {
        const text = characters.join('');
        const normalised = normaliseReply(text);
        fc.pre(!listedWords.some((word) => normalised.includes(word)));
        expect(classifyReply(text)).toEqual({ kind: 'other' });
      }),
    );
  });

  test('an empty or blank reply is other', () => {
    for (const reply of ['', '   ', '\u200b', '\n\t']) expect(classifyReply(reply)).toEqual({ kind: 'other' });
  });
});
