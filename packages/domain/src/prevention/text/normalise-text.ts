// Free text reduced to one comparable form, so a place, a phone number or a phrase is found however it was typed.
// Offsets: every finder in this folder reports offsets into the text it was *given*, not into the normalised text;
// `normaliseTextWithOffsets` keeps, for each normalised character, the range of the original it came from.

/** A normalised text and, for each of its UTF-16 units, the half-open range of the original text it came from. */
export interface NormalisedText {
  readonly text: string;
  readonly sourceStart: readonly number[];
  readonly sourceEnd: readonly number[];
}

/** The zero of each decimal digit block people in the region type (the nine digits follow it). */
export const digitZeros = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0e50, // Thai
  0x0ed0, // Lao
  0x1040, // Myanmar
  0x1090, // Myanmar Shan
  0x17e0, // Khmer
  0xff10, // Full-width (NFKC covers it in normaliseText; digitsToAscii alone needs it)
] as const;

// Characters that change nothing visible but split words: zero-width space and joiners, word joiner, byte-order mark,
// soft hyphen. Khmer, Thai and Burmese writers use the zero-width space as an invisible word break.
const invisible = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/u;
const latinLetter = /\p{Script=Latin}/u;
const combiningMark = /\p{M}/gu;

// Latin letters without a decomposition that people still read as a plain letter.
const latinFoldings: Readonly<Record<string, string>> = {
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ø: 'o',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

const nonAsciiDigit = /[^\P{Nd}0-9]/u;
// For each UTF-16 unit, the code of its ASCII digit when it is a digit of the blocks above, else 0.
const asciiDigitCodes = new Uint16Array(0x10000);
for (const zero of digitZeros) {
  for (let digit = 0; digit <= 9; digit += 1) asciiDigitCodes[zero + digit] = 0x30 + digit;
}

/**
 * The same text with every decimal digit of the scripts above written in ASCII; nothing else changes, and the
 * length stays the same, so offsets carry over.
 *
 * ```ts
 * digitsToAscii('โทร ๐๘๑'); // 'โทร 081'
 * ```
 */
export function digitsToAscii(text: string): string {
  if (!nonAsciiDigit.test(text)) return text;
  // Unit by unit through a table (every block above is in the Basic Multilingual Plane), in chunks of characters.
  const pieces: string[] = [];
  const chunk: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    chunk.push(asciiDigitCodes[code] || code);
    if (chunk.length === 4096) {
      pieces.push(String.fromCharCode(...chunk));
      chunk.length = 0;
    }
  }
  pieces.push(String.fromCharCode(...chunk));
  return pieces.join('');
}

const isMyanmarLetter = (character: string | undefined) =>
  character !== undefined && /[\u1000-\u103f\u1050-\u108f\u109a-\u109f]/u.test(character);
const isDigit = (character: string | undefined) => character !== undefined && /\p{Nd}/u.test(character);

/**
 * Burmese writers often type the digit zero ၀ for the letter wa ဝ and the digit seven ၇ for the letter ra ရ,
 * because they look the same. Inside a word (a Myanmar letter on either side, no digit next to it) they are letters.
 */
function restoreMyanmarLookAlikes(text: string): string {
  return text.replace(/[\u1040\u1047]/gu, (digit, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + 1];
    if (isDigit(before) || isDigit(after) || !(isMyanmarLetter(before) || isMyanmarLetter(after))) return digit;
    return digit === '\u1040' ? '\u101d' : '\u101b';
  });
}

/** One base character with the marks that follow it, normalised as the rules above say. */
function normaliseClusterUncached(cluster: string): string {
  if (invisible.test(cluster)) return '';
  let folded = cluster.normalize('NFKC').toLowerCase();
  if (latinLetter.test(folded)) {
    folded = folded.normalize('NFD').replace(combiningMark, '');
    folded = [...folded].map((character) => latinFoldings[character] ?? character).join('');
  }
  return digitsToAscii(folded).replace(/\s+/gu, ' ');
}

// Clusters repeat (a Thai or Chinese text uses a few hundred characters), so each is normalised once. Bounded, so
// a hostile text of ever new characters cannot grow it without end.
const clusterCache = new Map<string, string>();
const clusterCacheLimit = 20_000;

function normaliseCluster(cluster: string): string {
  let normalised = clusterCache.get(cluster);
  if (normalised === undefined) {
    normalised = normaliseClusterUncached(cluster);
    if (clusterCache.size >= clusterCacheLimit) clusterCache.clear();
    clusterCache.set(cluster, normalised);
  }
  return normalised;
}

// One base character and the combining marks after it, or marks with no base; read at one position (sticky).
const clusterAt = /\P{M}\p{M}*|\p{M}+/suy;
const firstCombiningMark = 0x300;

// Which UTF-16 units are combining marks, learnt as they are met: 0 not yet known, 1 a mark, 2 not.
const markUnits = new Uint8Array(0x10000);
const combiningMarkCharacter = /^\p{M}$/u;

function isMarkUnit(code: number): boolean {
  if (code < firstCombiningMark) return false;
  let known = markUnits[code] ?? 2;
  if (known === 0) {
    known = combiningMarkCharacter.test(String.fromCharCode(code)) ? 1 : 2;
    markUnits[code] = known;
  }
  return known === 1;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Where the cluster starting at `start` ends: what `clusterAt` reads there, without a regular expression mostly. */
function clusterEnd(text: string, start: number): number {
  const isPair = isHighSurrogate(text.charCodeAt(start)) && isLowSurrogate(text.charCodeAt(start + 1));
  let end = start + (isPair ? 2 : 1);
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (isHighSurrogate(code)) {
      // Perhaps a mark beyond the Basic Multilingual Plane: the regular expression knows.
      clusterAt.lastIndex = start;
      return start + (clusterAt.exec(text)?.[0].length ?? 1);
    }
    if (!isMarkUnit(code)) break;
    end += 1;
  }
  return end;
}

// Clusters of one UTF-16 unit (most of Thai, Chinese, Burmese…), normalised, by code.
const singleUnitClusters = new Map<number, string>();

function normaliseClusterAt(text: string, start: number, end: number): string {
  if (end !== start + 1) return normaliseCluster(text.slice(start, end));
  const code = text.charCodeAt(start);
  let normalised = singleUnitClusters.get(code);
  if (normalised === undefined) {
    normalised = normaliseClusterUncached(text[start] ?? '');
    singleUnitClusters.set(code, normalised);
  }
  return normalised;
}

/**
 * {@link normaliseText}, keeping where each character came from. Works one base character plus its combining marks
 * at a time, so a match in the normalised text maps back to whole characters of the original. One pass: plain ASCII
 * is handled directly, any other cluster through a cache.
 *
 * ```ts
 * const normalised = normaliseTextWithOffsets('  Mộc  Bài');
 * normalised.text; // 'moc bai'
 * sourceRange(normalised, 4, 7); // { start: 7, end: 10 }: 'Bài'
 * ```
 */
export function normaliseTextWithOffsets(text: string): NormalisedText {
  const prepared = /[\u1040\u1047]/u.test(text) ? restoreMyanmarLookAlikes(text) : text;
  let output = '';
  let endsWithSpace = false;
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  let start = 0;
  while (start < prepared.length) {
    const code = prepared.charCodeAt(start);
    if (code < 0x80 && !(prepared.charCodeAt(start + 1) >= firstCombiningMark)) {
      // Plain ASCII: lower case, any whitespace one space.
      const isSpace = code === 32 || (code >= 9 && code <= 13);
      if (!(isSpace && (output === '' || endsWithSpace))) {
        output += isSpace ? ' ' : String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
        endsWithSpace = isSpace;
        sourceStart.push(start);
        sourceEnd.push(start + 1);
      }
      start += 1;
      continue;
    }
    const end = clusterEnd(prepared, start);
    for (const character of normaliseClusterAt(prepared, start, end)) {
      if (character === ' ' && (output === '' || endsWithSpace)) continue;
      output += character;
      endsWithSpace = character === ' ';
      for (let unit = 0; unit < character.length; unit += 1) {
        sourceStart.push(start);
        sourceEnd.push(end);
      }
    }
    start = end;
  }
  if (endsWithSpace) {
    output = output.slice(0, -1);
    sourceStart.pop();
    sourceEnd.pop();
  }
  return { text: output, sourceStart, sourceEnd };
}

/**
 * NFKC, lower case, Latin diacritics removed (Vietnamese đ → d), Thai, Burmese, Khmer, Lao, Arabic-Indic and
 * full-width digits → ASCII, runs of whitespace → one space (none at either end), zero-width characters removed.
 * Every other script is kept as it is: Thai, Burmese, Khmer and Lao vowel signs are letters, not decoration.
 *
 * ```ts
 * normaliseText('  MYAWADDY\u200b  ၀၈၁ Mộc Bài '); // 'myawaddy 081 moc bai'
 * ```
 */
export function normaliseText(text: string): string {
  return normaliseTextWithOffsets(text).text;
}

/**
 * The range of the original text behind `[start, end)` of the normalised text.
 *
 * ```ts
 * sourceRange(normaliseTextWithOffsets('Ｍｙａ'), 0, 3); // { start: 0, end: 3 }
 * ```
 */
export function sourceRange(normalised: NormalisedText, start: number, end: number): { start: number; end: number } {
  return {
    start: normalised.sourceStart[start] ?? 0,
    end: normalised.sourceEnd[Math.max(start, end - 1)] ?? 0,
  };
}
