// Lists of literal phrases (currency names, number words, pay words) turned into letter trees that find a phrase
// starting or ending at a given place in a text, and give back its meaning. No regular expressions: a lookup
// reads at most as many characters as the longest phrase (plus the spaces inside it), whatever the text, so
// reading an ad stays linear in its length and nothing is compiled on the first call.

export interface PhraseMatch<Meaning> {
  /** Offsets into the text searched: `text.slice(start, end)` is the phrase as written. */
  readonly start: number;
  readonly end: number;
  readonly meaning: Meaning;
}

/**
 * Where a lookup may read: like searching `text.slice(from, to)`, characters outside are neither matched nor
 * looked at when deciding whether a phrase is glued to other letters.
 */
export interface Bounds {
  readonly from: number;
  readonly to: number;
}

export interface PhraseTable<Meaning> {
  /** The longest phrase that starts exactly at `at`. */
  readonly matchAt: (text: string, at: number, bounds?: Bounds) => PhraseMatch<Meaning> | undefined;
  /** The longest phrase that ends exactly at `end`, inside the bounds. */
  readonly matchEndingAt: (text: string, end: number, bounds?: Bounds) => PhraseMatch<Meaning> | undefined;
  /** The last phrase found reading `text.slice(from, to)` from left to right, one phrase after another. */
  readonly lastMatchIn: (text: string, from: number, to: number) => PhraseMatch<Meaning> | undefined;
  /** The meaning of a phrase as written (spaces and, unless the table is case-sensitive, case ignored). */
  readonly meaningOf: (written: string) => Meaning | undefined;
}

interface TreeNode<Meaning> {
  /** Next nodes by the UTF-16 code unit read (both cases of a letter lead to the same node). */
  readonly next: Map<number, TreeNode<Meaning>>;
  /** Where a space in the phrase leads: any run of spaces, or none, is read there. */
  afterSpaces: TreeNode<Meaning> | undefined;
  /** Whether the character that led here is a Latin letter, so the phrase must not be glued to other letters. */
  readonly isLatin: boolean;
  isPhrase: boolean;
  meaning: Meaning | undefined;
}

const latinLetter = /\p{Script=Latin}/u;
const letterOrMark = /[\p{L}\p{M}]/u;
const space = ' ';

function newNode<Meaning>(isLatin: boolean): TreeNode<Meaning> {
  return { next: new Map(), afterSpaces: undefined, isLatin, isPhrase: false, meaning: undefined };
}

/** Whether a UTF-16 code unit is what `\s` matches in a regular expression. */
export function isSpaceCode(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether each code unit of the Basic Multilingual Plane is a letter or mark: 0 not known yet, 1 yes, 2 no. */
const isLetterOrMarkKnown = new Uint8Array(0x10000);

function isLetterOrMarkCodePoint(codePoint: number): boolean {
  if (codePoint < 0x80) return (codePoint >= 65 && codePoint <= 90) || (codePoint >= 97 && codePoint <= 122);
  if (codePoint > 0xffff) return letterOrMark.test(String.fromCodePoint(codePoint));
  let known = isLetterOrMarkKnown[codePoint];
  if (known === 0) {
    known = letterOrMark.test(String.fromCharCode(codePoint)) ? 1 : 2;
    isLetterOrMarkKnown[codePoint] = known;
  }
  return known === 1;
}

/** Whether the character just before `at` (not before `from`) is a letter or a combining mark. */
export function isLetterBefore(text: string, at: number, from = 0): boolean {
  if (at <= from) return false;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at - 2 >= from) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff)
      return isLetterOrMarkCodePoint((high - 0xd800) * 0x400 + low - 0xdc00 + 0x10000);
  }
  return isLetterOrMarkCodePoint(low);
}

/** Whether the character at `at` (before `to`) is a letter or a combining mark. */
export function isLetterAt(text: string, at: number, to = text.length): boolean {
  if (at >= to) return false;
  const high = text.charCodeAt(at);
  if (high >= 0xd800 && high <= 0xdbff && at + 1 < to) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff)
      return isLetterOrMarkCodePoint((high - 0xd800) * 0x400 + low - 0xdc00 + 0x10000);
  }
  return isLetterOrMarkCodePoint(high);
}

/** The phrase as the units the tree reads: a run of spaces is one `space`, and "/" may have spaces around it. */
function unitsOf(phrase: string, caseSensitive: boolean): string[] {
  const written = caseSensitive ? phrase : phrase.toLowerCase();
  const units: string[] = [];
  for (const character of written.replace(/\s+/g, space).replace(/\//g, ' / ')) {
    if (character === space && units[units.length - 1] === space) continue;
    units.push(character);
  }
  return units;
}

/** The code units a phrase's character is read from in a text: itself and, unless case-sensitive, its capital. */
function codesOf(character: string, caseSensitive: boolean): number[] {
  const codes = [character.charCodeAt(0)];
  const capital = character.toUpperCase();
  if (!caseSensitive && capital !== character && capital.length === 1) codes.push(capital.charCodeAt(0));
  return codes;
}

function addPhrase<Meaning>(
  root: TreeNode<Meaning>,
  units: readonly string[],
  meaning: Meaning,
  caseSensitive: boolean,
): void {
  let node = root;
  for (const unit of units) {
    if (unit === space) {
      node.afterSpaces ??= newNode(false);
      node = node.afterSpaces;
      continue;
    }
    const codes = codesOf(unit, caseSensitive);
    let next = node.next.get(codes[0] ?? 0);
    if (next === undefined) {
      next = newNode(unit.length === 1 && latinLetter.test(unit));
      for (const code of codes) node.next.set(code, next);
    }
    node = next;
  }
  if (!node.isPhrase) {
    node.isPhrase = true;
    node.meaning = meaning;
  }
}

function skipSpacesForward(text: string, at: number, to: number): number {
  let position = at;
  while (position < to && isSpaceCode(text.charCodeAt(position))) position += 1;
  return position;
}

function skipSpacesBackward(text: string, at: number, from: number): number {
  let position = at;
  while (position > from && isSpaceCode(text.charCodeAt(position - 1))) position -= 1;
  return position;
}

/** The farthest end of a phrase read forward from `node` at `at`, not past `to`, and the node it ends on. */
function readForward<Meaning>(
  node: TreeNode<Meaning>,
  text: string,
  at: number,
  to: number,
  best: { end: number; node: TreeNode<Meaning> | undefined },
): void {
  if (node.isPhrase && at > best.end && !(node.isLatin && isLetterAt(text, at, to))) {
    best.end = at;
    best.node = node;
  }
  if (at < to) {
    const next = node.next.get(text.charCodeAt(at));
    if (next !== undefined) readForward(next, text, at + 1, to, best);
  }
  if (node.afterSpaces !== undefined) {
    readForward(node.afterSpaces, text, skipSpacesForward(text, at, to), to, best);
  }
}

/** The same, reading backward from `at` in the tree of reversed phrases. */
function readBackward<Meaning>(
  node: TreeNode<Meaning>,
  text: string,
  at: number,
  from: number,
  best: { start: number; node: TreeNode<Meaning> | undefined },
): void {
  if (node.isPhrase && at < best.start && !(node.isLatin && isLetterBefore(text, at, from))) {
    best.start = at;
    best.node = node;
  }
  if (at > from) {
    const next = node.next.get(text.charCodeAt(at - 1));
    if (next !== undefined) readBackward(next, text, at - 1, from, best);
  }
  if (node.afterSpaces !== undefined) {
    readBackward(node.afterSpaces, text, skipSpacesBackward(text, at, from), from, best);
  }
}

function keyOf(text: string, caseSensitive: boolean): string {
  const compact = text.replace(/\s+/g, '');
  return caseSensitive ? compact : compact.toLowerCase();
}

/**
 * A table of phrases and their meanings. Spaces in a phrase match any run of spaces or none (people type
 * "per month" and "permonth"), "/" may have spaces around it, and a phrase that starts or ends with a Latin letter
 * must not be glued to other letters, so "rm" is never found inside "form" nor "tr" inside "trong". Other scripts
 * (Thai, Chinese, Burmese) are written without spaces between words, so their phrases are found anywhere.
 *
 * ```ts
 * const periods = phraseTable([['per month', 'month'], ['/tháng', 'month']]);
 * periods.matchAt('1500 per  month', 5); // { start: 5, end: 15, meaning: 'month' }
 * periods.matchEndingAt('lương/tháng', 11); // { start: 5, end: 11, meaning: 'month' }
 * ```
 */
export function phraseTable<Meaning>(
  entries: readonly (readonly [string, Meaning])[],
  options: { readonly caseSensitive?: boolean } = {},
): PhraseTable<Meaning> {
  const caseSensitive = options.caseSensitive ?? false;
  const meanings = new Map<string, Meaning>();
  const forward = newNode<Meaning>(false);
  const backward = newNode<Meaning>(false);
  for (const [phrase, meaning] of entries) {
    const key = keyOf(phrase, caseSensitive);
    if (!meanings.has(key)) meanings.set(key, meaning);
    const units = unitsOf(phrase, caseSensitive);
    if (units.length === 0) continue;
    addPhrase(forward, units, meaning, caseSensitive);
    addPhrase(backward, [...units].reverse(), meaning, caseSensitive);
  }

  // Most lookups fail on the first character: they return before allocating anything.
  const matchAt = (text: string, at: number, bounds?: Bounds) => {
    const from = bounds?.from ?? 0;
    const to = bounds?.to ?? text.length;
    if (at < from || at >= to) return undefined;
    const first = forward.next.get(text.charCodeAt(at));
    if (first === undefined && forward.afterSpaces === undefined) return undefined;
    const best: { end: number; node: TreeNode<Meaning> | undefined } = { end: -1, node: undefined };
    if (first !== undefined && !(first.isLatin && isLetterBefore(text, at, from))) {
      readForward(first, text, at + 1, to, best);
    }
    if (forward.afterSpaces !== undefined) {
      readForward(forward.afterSpaces, text, skipSpacesForward(text, at, to), to, best);
    }
    const { end, node } = best;
    return node === undefined ? undefined : { start: at, end, meaning: node.meaning as Meaning };
  };

  const matchEndingAt = (text: string, end: number, bounds?: Bounds) => {
    const from = bounds?.from ?? 0;
    const to = bounds?.to ?? text.length;
    if (end <= from || end > to) return undefined;
    const last = backward.next.get(text.charCodeAt(end - 1));
    if (last === undefined && backward.afterSpaces === undefined) return undefined;
    const best: { start: number; node: TreeNode<Meaning> | undefined } = { start: end + 1, node: undefined };
    if (last !== undefined && !(last.isLatin && isLetterAt(text, end, to)))
      readBackward(last, text, end - 1, from, best);
    if (backward.afterSpaces !== undefined) {
      readBackward(backward.afterSpaces, text, skipSpacesBackward(text, end, from), from, best);
    }
    const { start, node } = best;
    return node === undefined ? undefined : { start, end, meaning: node.meaning as Meaning };
  };

  const lastMatchIn = (text: string, from: number, to: number) => {
    const bounds = { from, to };
    let last: PhraseMatch<Meaning> | undefined;
    let position = from;
    while (position < to) {
      const match = matchAt(text, position, bounds);
      if (match === undefined || match.end <= position) {
        position += 1;
        continue;
      }
      last = match;
      position = match.end;
    }
    return last;
  };

  return {
    matchAt,
    matchEndingAt,
    lastMatchIn,
    meaningOf: (written) => meanings.get(keyOf(written, caseSensitive)),
  };
}
