// Finds lexicon phrases in normalised text, fast enough for a 20,000-character paste against a few thousand
// phrases. Latin-script phrases match whole words (so "cs" is not found inside "physics", nor "no" inside
// "casino"), through an index of first words; Thai, Chinese, Burmese, Khmer and Lao phrases match as substrings
// with any spaces ignored, because those scripts do not separate words with spaces, through a trie of characters.
// Many lists of phrases (one per signal and language) compile into one matcher that reads the text once; each
// list still gets the matches it would get alone.

import { normaliseText } from '../text/normalise-text.js';
import { longestWithoutOverlaps } from '../text/overlaps.js';

/** One phrase found: the prepared text it covers and where. */
export interface PhraseMatch {
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
}

interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Text ready for matching, with its word tokens and a copy without spaces. Build it with {@link prepareText}. */
export interface PreparedText {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** The text without spaces (line breaks kept), and for each of its characters the offset in `text`. */
  readonly compact: string;
  readonly compactOffsets: readonly number[];
}

/** A Latin phrase's words, and the lists (by position) that hold it. */
interface LatinPhrase {
  readonly words: readonly string[];
  readonly lists: readonly number[];
}

/** A node of the trie of compact phrases: the next characters (UTF-16 units), and the lists a phrase ending here is in. */
interface CompactNode {
  readonly next: Map<number, CompactNode>;
  lists: number[] | undefined;
}

/** Lists of phrases compiled for matching: Latin phrases indexed by first word, longest first; the others in a trie. */
export interface CompiledPhrases {
  readonly listCount: number;
  readonly byFirstWord: ReadonlyMap<string, readonly LatinPhrase[]>;
  readonly compactRoot: CompactNode;
}

const latinOnly = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]*$/u;
const wordPattern = /[\p{Script=Latin}\p{N}]+/gu;
// Between two words of a phrase: spaces, hyphens, apostrophes and a few joining marks ("walk-in", "don't", "tg:"),
// never a line break.
const joiner = /^[ \-'’.:@/&+]*$/u;
const hasLetterOrDigit = /[\p{L}\p{N}]/u;

/**
 * Text ready for matching: each line normalised (see ../text/normalise-text.ts) and the lines joined with "\n",
 * so a line break still ends a clause.
 *
 * ```ts
 * prepareText('FREE  Ticket\nNo Deposit').text; // 'free ticket\nno deposit'
 * ```
 */
export function prepareText(text: string): PreparedText {
  const prepared = text
    .split(/\r\n|\r|\n/)
    .map((line) => normaliseText(line))
    .filter((line) => line !== '')
    .join('\n');
  const tokens = [...prepared.matchAll(wordPattern)].map((match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
  const compact = prepared.replaceAll(' ', '');
  const compactOffsets: number[] = [];
  for (let index = 0; index < prepared.length; index += 1) {
    if (prepared.charCodeAt(index) !== 32) compactOffsets.push(index);
  }
  return { text: prepared, tokens, compact, compactOffsets };
}

function addCompact(root: CompactNode, phrase: string, list: number): void {
  let node = root;
  for (let index = 0; index < phrase.length; index += 1) {
    const unit = phrase.charCodeAt(index);
    let next = node.next.get(unit);
    if (next === undefined) {
      next = { next: new Map(), lists: undefined };
      node.next.set(unit, next);
    }
    node = next;
  }
  node.lists ??= [];
  if (!node.lists.includes(list)) node.lists.push(list);
}

/**
 * Compiles several lists of phrases (as written, with diacritics) into one matcher for {@link findPhraseLists}.
 *
 * ```ts
 * const compiled = compilePhraseLists([['free ticket'], ['placement fee', 'no placement fee']]);
 * findPhraseLists(prepareText('Free ticket, no placement fee'), compiled).map((list) => list.map((m) => m.phrase));
 * // [['free ticket'], ['no placement fee']]
 * ```
 */
export function compilePhraseLists(lists: readonly (readonly string[])[]): CompiledPhrases {
  const latin = new Map<string, { words: string[]; lists: number[] }>();
  const compactRoot: CompactNode = { next: new Map(), lists: undefined };
  lists.forEach((phrases, list) => {
    for (const written of phrases) {
      const phrase = normaliseText(written);
      if (!hasLetterOrDigit.test(phrase)) continue;
      if (latinOnly.test(phrase)) {
        const words = phrase.match(wordPattern) ?? [];
        if (words.length === 0) continue;
        const key = words.join(' ');
        const entry = latin.get(key) ?? { words, lists: [] };
        if (!entry.lists.includes(list)) entry.lists.push(list);
        latin.set(key, entry);
      } else {
        addCompact(compactRoot, phrase.replace(/\s+/gu, ''), list);
      }
    }
  });
  const byFirstWord = new Map<string, LatinPhrase[]>();
  for (const entry of latin.values()) {
    const first = entry.words[0] as string;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), entry]);
  }
  for (const entries of byFirstWord.values()) entries.sort((a, b) => b.words.length - a.words.length);
  return { listCount: lists.length, byFirstWord, compactRoot };
}

/**
 * Compiles one list of phrases (as written, with diacritics) for {@link findPhrases}.
 *
 * ```ts
 * findPhrases(prepareText('No placement fee'), compilePhrases(['placement fee', 'no placement fee']));
 * // [{ phrase: 'no placement fee', start: 0, end: 16 }]
 * ```
 */
export function compilePhrases(phrases: readonly string[]): CompiledPhrases {
  return compilePhraseLists([phrases]);
}

/** Whether a word of the text is a phrase's word, or (the phrase's last word) its English plural: "encoders". */
function isSameWord(word: string, phraseWord: string, isLast: boolean): boolean {
  if (word === phraseWord) return true;
  return isLast && phraseWord.length >= 4 && (word === `${phraseWord}s` || word === `${phraseWord}es`);
}

/**
 * For each token, whether the gap before it joins it to the token before: 0 not yet known, 1 joins, 2 does not.
 * Worked out when first asked, once per text.
 */
type JoinedGaps = Int8Array;

function isJoined(prepared: PreparedText, gaps: JoinedGaps, index: number): boolean {
  if (gaps[index] === 0) {
    const previous = prepared.tokens[index - 1] as Token;
    const token = prepared.tokens[index] as Token;
    gaps[index] = joiner.test(prepared.text.slice(previous.end, token.start)) ? 1 : 2;
  }
  return gaps[index] === 1;
}

function matchesAt(prepared: PreparedText, gaps: JoinedGaps, index: number, words: readonly string[]): boolean {
  for (let offset = 0; offset < words.length; offset += 1) {
    const token = prepared.tokens[index + offset];
    if (token === undefined || !isSameWord(token.word, words[offset] ?? '', offset === words.length - 1)) return false;
    if (offset > 0 && !isJoined(prepared, gaps, index + offset)) return false;
  }
  return true;
}

/** The word, and the singular forms a one-word phrase may be written in the plural of ("encoders"). */
function firstWordForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('s')) {
    const withoutEs = word.endsWith('es') ? word.slice(0, -2) : word.slice(0, -1);
    const withoutS = word.slice(0, -1);
    forms.push(withoutEs);
    if (withoutS !== withoutEs) forms.push(withoutS);
  }
  return forms;
}

/** The Latin phrases that may start with a token, longest first. */
function candidatesFor(word: string, compiled: CompiledPhrases): readonly LatinPhrase[] {
  const forms = firstWordForms(word);
  if (forms.length === 1) return compiled.byFirstWord.get(word) ?? [];
  const found = forms.flatMap((form) => compiled.byFirstWord.get(form) ?? []);
  return found.sort((a, b) => b.words.length - a.words.length);
}

function findLatin(prepared: PreparedText, compiled: CompiledPhrases, found: PhraseMatch[][]): void {
  const gaps: JoinedGaps = new Int8Array(prepared.tokens.length);
  // For each list, the token where it last found a phrase: a list takes only its longest phrase at a token.
  const claimedAt = new Int32Array(compiled.listCount).fill(-1);
  prepared.tokens.forEach((token, index) => {
    let match: PhraseMatch | undefined;
    let matchLength = 0;
    for (const candidate of candidatesFor(token.word, compiled)) {
      if (candidate.lists.every((list) => claimedAt[list] === index)) continue;
      if (!matchesAt(prepared, gaps, index, candidate.words)) continue;
      if (match === undefined || matchLength !== candidate.words.length) {
        const end = (prepared.tokens[index + candidate.words.length - 1] as Token).end;
        match = { phrase: prepared.text.slice(token.start, end), start: token.start, end };
        matchLength = candidate.words.length;
      }
      for (const list of candidate.lists) {
        if (claimedAt[list] === index) continue;
        claimedAt[list] = index;
        found[list]?.push(match);
      }
    }
  });
}

function findCompact(prepared: PreparedText, compiled: CompiledPhrases, found: PhraseMatch[][]): void {
  const { compact, compactOffsets } = prepared;
  const root = compiled.compactRoot;
  if (root.next.size === 0) return;
  for (let at = 0; at < compact.length; at += 1) {
    let node = root.next.get(compact.charCodeAt(at));
    for (let last = at; node !== undefined; ) {
      if (node.lists !== undefined) {
        const start = compactOffsets[at] as number;
        const end = (compactOffsets[last] as number) + 1;
        const match = { phrase: prepared.text.slice(start, end), start, end };
        for (const list of node.lists) found[list]?.push(match);
      }
      last += 1;
      node = last < compact.length ? node.next.get(compact.charCodeAt(last)) : undefined;
    }
  }
}

/**
 * Every match of each compiled list, the longest where a list's matches overlap, in order: one list of matches per
 * list of phrases, each what {@link findPhrases} would find with that list alone.
 */
export function findPhraseLists(prepared: PreparedText, compiled: CompiledPhrases): PhraseMatch[][] {
  const found: PhraseMatch[][] = Array.from({ length: compiled.listCount }, () => []);
  findLatin(prepared, compiled, found);
  findCompact(prepared, compiled, found);
  return found.map((matches) => (matches.length <= 1 ? matches : longestWithoutOverlaps(matches)));
}

/** Every match of the compiled phrases (one list of them), the longest where matches overlap, in order. */
export function findPhrases(prepared: PreparedText, compiled: CompiledPhrases): PhraseMatch[] {
  return findPhraseLists(prepared, compiled)[0] ?? [];
}

// A clause ends at a line break or a punctuation mark; a negation never reaches across one.
const clauseEnd = /[\n.!?;:,，。！？；：•|()[\]{}\p{Extended_Pictographic}]/u;
const negationReach = 24;
const scriptNegationReach = 8;

/** Negating words, compiled: Latin ones as whole words, the others as substrings. */
export interface CompiledNegators {
  readonly words: ReadonlySet<string>;
  readonly phrases: CompiledPhrases;
  readonly substrings: readonly string[];
}

/** Compiles negating words ("no", "tanpa", "không", "ไม่", "不"). */
export function compileNegators(negators: readonly string[]): CompiledNegators {
  const normalised = [
    ...new Set(negators.map((negator) => normaliseText(negator)).filter((negator) => negator !== '')),
  ];
  const latin = normalised.filter((negator) => latinOnly.test(negator));
  return {
    words: new Set(latin),
    phrases: compilePhrases(latin),
    substrings: normalised.filter((negator) => !latinOnly.test(negator)),
  };
}

/** Where the clause holding `start` begins, looking back at most `reach` characters. */
function clauseStart(text: string, start: number, reach: number): number {
  const limit = Math.max(0, start - reach);
  for (let index = start - 1; index >= limit; index -= 1) {
    if (clauseEnd.test(text[index] ?? '')) return index + 1;
  }
  return limit;
}

// What each stretch of text before a match was found to hold, per set of negators: a long text repeats the same
// few words before its matches. Bounded, so a hostile text cannot grow it without end.
const negatorsFound = new WeakMap<CompiledNegators, Map<string, boolean>>();
const negatorsFoundLimit = 10_000;

function hasNegator(text: string, negators: CompiledNegators): boolean {
  if (text === '') return false;
  let seen = negatorsFound.get(negators);
  if (seen === undefined) {
    seen = new Map();
    negatorsFound.set(negators, seen);
  }
  let found = seen.get(text);
  if (found === undefined) {
    found = findPhrases(prepareText(text), negators.phrases).length > 0;
    if (seen.size >= negatorsFoundLimit) seen.clear();
    seen.set(text, found);
  }
  return found;
}

/**
 * Whether a negating word stands just before `match` in the same clause ("no placement fee", "we never keep your
 * passport", "ไม่เก็บค่าหัว", "不收押金"), or inside it when `lookInside` (a pair of words far apart).
 */
export function isNegated(
  prepared: PreparedText,
  match: PhraseMatch,
  negators: CompiledNegators,
  lookInside = false,
): boolean {
  const text = prepared.text;
  const before = text.slice(clauseStart(text, match.start, negationReach), match.start);
  const nearBefore = text.slice(clauseStart(text, match.start, scriptNegationReach), match.start);
  const inside = lookInside ? match.phrase : '';
  if (hasNegator(before, negators) || hasNegator(inside, negators)) return true;
  return negators.substrings.some((negator) => nearBefore.includes(negator) || inside.includes(negator));
}

/** Whether two matches share any character. */
export function overlaps(a: PhraseMatch, b: PhraseMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The index of the first match (of matches in order, not overlapping) that ends after `position`. */
function firstEndingAfter(matches: readonly PhraseMatch[], position: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((matches[middle] as PhraseMatch).end > position) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Pairs of matches from two lists that stand within `distance` characters of each other in one clause, in either
 * order; each pair becomes one match spanning both; the first `limit` of them. `seconds` are in order and do not
 * overlap (as {@link findPhrases} gives them), so only those near each first are looked at.
 */
export function findNearbyPairs(
  prepared: PreparedText,
  firsts: readonly PhraseMatch[],
  seconds: readonly PhraseMatch[],
  distance: number,
  limit = Number.POSITIVE_INFINITY,
): PhraseMatch[] {
  const pairs: PhraseMatch[] = [];
  for (const first of firsts) {
    if (pairs.length >= limit) break;
    // A second before the first ends at most `distance` before it; one after it starts at most `distance` after.
    for (let index = firstEndingAfter(seconds, first.start - distance - 1); index < seconds.length; index += 1) {
      const second = seconds[index] as PhraseMatch;
      if (second.start > first.end + distance) break;
      if (overlaps(first, second)) continue;
      const [left, right] = first.start < second.start ? [first, second] : [second, first];
      const gap = prepared.text.slice(left.end, right.start);
      if (gap.length > distance || clauseEnd.test(gap)) continue;
      pairs.push({ phrase: prepared.text.slice(left.start, right.end), start: left.start, end: right.end });
    }
  }
  return pairs.slice(0, limit);
}
