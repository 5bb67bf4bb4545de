// Finds the known compound areas, border crossings and transit towns named in free text, however they are spelled.
// Latin-script names are compared word by word with spaces, hyphens and doubled letters ignored, and one wrong letter
// forgiven in names of seven letters or more; names in other scripts are found as written (after normalisation).
import { type Area, compoundAreas, latinLookAlikes, scriptLookAlikes } from './gazetteer-data.js';
import { type NormalisedText, normaliseText, normaliseTextWithOffsets, sourceRange } from './normalise-text.js';
import { longestWithoutOverlaps } from './overlaps.js';

export { type Area, type AreaKind, compoundAreas } from './gazetteer-data.js';

/** One mention of an area. `start` and `end` are offsets into the text given; `matched` is that part of it. */
export interface AreaMatch {
  readonly area: Area;
  readonly matched: string;
  readonly start: number;
  readonly end: number;
}

interface LatinName {
  readonly area: Area;
  /** The words, each with doubled letters collapsed: "shwe", "koko". */
  readonly words: readonly string[];
  /** The words joined: "shwekoko". */
  readonly key: string;
  /** The words joined, then doubled letters collapsed again across the joins: what a run-together spelling gives. */
  readonly joinedKey: string;
  readonly isForgiving: boolean;
  /** Letters only, lower case, diacritics kept: "möngla". Empty when the spelling has no diacritics. */
  readonly accentedForm: string;
}

interface ScriptName {
  readonly area: Area;
  readonly compact: string;
}

interface Candidate {
  readonly area: Area;
  readonly start: number;
  readonly end: number;
}

/** Names of this many letters or more may have one letter wrong, added or missing. */
const forgivingLength = 7;
/** A name spread over more words than this is not the name. */
const maximumWordsPerName = 5;

const latinWord = /[\p{Script=Latin}0-9]+/gu;
const latinOnly = /^[\p{Script=Latin}0-9\s'’.-]+$/u;
// What may stand between the words of one name: "Mya Wadi", "Mya-waddy", "O'Smach", "Poi.pet".
const wordGap = /^[\s'’.\-‐–]{0,2}$/u;

/**
 * "myawaddy" and "myawady" are one word: people double and undouble letters at will. Collapsed word by word, so
 * "was state" (wasstate) does not become "Wa State" (wastate).
 */
function collapseDoubledLetters(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

// The words of a text repeat, so each is collapsed once; bounded, so a hostile text cannot grow it without end.
const collapsedWords = new Map<string, string>();

function collapsedWord(word: string): string {
  let collapsed = collapsedWords.get(word);
  if (collapsed === undefined) {
    collapsed = collapseDoubledLetters(word);
    if (collapsedWords.size >= 20_000) collapsedWords.clear();
    collapsedWords.set(word, collapsed);
  }
  return collapsed;
}

function latinWords(normalised: string): string[] {
  return (normalised.match(latinWord) ?? []).map(collapseDoubledLetters);
}

const hasDiacritics = (text: string) => /[\p{M}đĐ]/u.test(text.normalize('NFD'));
const accentedForm = (text: string) =>
  hasDiacritics(text)
    ? (
        text
          .normalize('NFC')
          .toLowerCase()
          .match(/[\p{L}\p{M}0-9]+/gu) ?? []
      ).join('')
    : '';

/** Whether `a` and `b` differ by at most one letter substituted, added, removed, or two letters swapped. */
function isWithinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    const isSwap = a.length === b.length && a[i] === b[j + 1] && a[i + 1] === b[j];
    if (isSwap) {
      i += 2;
      j += 2;
    } else if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function buildIndex() {
  const latinByKey = new Map<string, LatinName[]>();
  // Names whose run-together spelling collapses further ("Wa Self-Administered Division" → "…istered" + "division").
  const latinByJoinedKey = new Map<string, LatinName[]>();
  // Names that forgive one wrong letter, by first letter (a near spelling keeps the first letter).
  const forgivingByFirstLetter = new Map<string, LatinName[]>();
  const scriptNames: ScriptName[] = [];
  for (const area of compoundAreas) {
    for (const name of area.names) {
      const normalised = normaliseText(name);
      if (latinOnly.test(normalised)) {
        const words = latinWords(normalised);
        const key = words.join('');
        const isForgiving = key.length >= forgivingLength;
        const joinedKey = collapseDoubledLetters(key);
        const entry = { area, words, key, joinedKey, isForgiving, accentedForm: accentedForm(name) };
        latinByKey.set(key, [...(latinByKey.get(key) ?? []), entry]);
        if (joinedKey !== key) latinByJoinedKey.set(joinedKey, [...(latinByJoinedKey.get(joinedKey) ?? []), entry]);
        if (entry.isForgiving) {
          const first = key[0] ?? '';
          forgivingByFirstLetter.set(first, [...(forgivingByFirstLetter.get(first) ?? []), entry]);
        }
      } else {
        scriptNames.push({ area, compact: normalised.replace(/[\s'’.-]/gu, '') });
      }
    }
  }
  const lookAlikeKeys = new Set(latinLookAlikes.map((name) => latinWords(normaliseText(name)).join('')));
  const scriptLookAlikeForms = scriptLookAlikes.map((name) => normaliseText(name));
  const longestLookAlike = Math.max(0, ...scriptLookAlikeForms.map((form) => form.length));
  // Every beginning of a name's key: a run of words whose key is none of these begins no name exactly.
  const keyBeginnings = new Set<string>();
  for (const key of [...latinByKey.keys(), ...latinByJoinedKey.keys()]) {
    for (let length = 1; length <= key.length; length += 1) keyBeginnings.add(key.slice(0, length));
  }
  return {
    latinByKey,
    latinByJoinedKey,
    forgivingByFirstLetter,
    scriptNames,
    lookAlikeKeys,
    scriptLookAlikeForms,
    longestLookAlike,
    keyBeginnings,
  };
}

// Built once when the module loads, not on the first request.
const index = buildIndex();
const gazetteerIndex = () => index;

/**
 * Whether words typed are a spelling with one letter wrong: one word against the whole name ("Sihanoukvile"), or
 * as many words as the name with all but one equal and that one, of four letters or more, one letter off
 * ("Shwe Kokco"). Short words are never forgiven: "was state" is not "Wa State".
 */
function isNearSpelling(typed: readonly string[], key: string, name: LatinName): boolean {
  if (!name.isForgiving || name.key[0] !== key[0]) return false;
  if (typed.length === 1) return isWithinOneEdit(name.joinedKey, key);
  if (typed.length !== name.words.length) return false;
  const different = typed.flatMap((word, position) => (word === name.words[position] ? [] : [position]));
  if (different.length !== 1) return false;
  const position = different[0] ?? 0;
  const typedWord = typed[position] ?? '';
  const nameWord = name.words[position] ?? '';
  return Math.min(typedWord.length, nameWord.length) >= 4 && isWithinOneEdit(nameWord, typedWord);
}

/** Whether a name's key is within one letter of a typed key's length: a near spelling cannot be further. */
const isNearInLength = (name: LatinName, key: string) =>
  Math.abs(name.key.length - key.length) <= 1 || Math.abs(name.joinedKey.length - key.length) <= 1;

/**
 * The Latin name a run of words spells, exactly (after folding) or, for long names, within one letter.
 * `spanAccentedForm` gives the span's letters with their diacritics; it is only worked out for a name found.
 */
function matchLatinSpan(typed: readonly string[], key: string, spanAccentedForm: () => string): LatinName | undefined {
  const { latinByKey, latinByJoinedKey, forgivingByFirstLetter, lookAlikeKeys } = gazetteerIndex();
  // Short words typed with diacritics are other words unless spelled exactly so: Vietnamese "mong là" ("hope that")
  // is not Mong La (nor Möng La), while "Mộc Bài" is Moc Bai.
  const accepts = (name: LatinName) => {
    if (name.isForgiving) return true;
    const accented = spanAccentedForm();
    return accented === '' || name.accentedForm === accented;
  };
  const exact =
    latinByKey.get(key)?.find(accepts) ?? (typed.length === 1 ? latinByJoinedKey.get(key)?.find(accepts) : undefined);
  if (exact) return exact;
  if (key.length < forgivingLength - 1 || lookAlikeKeys.has(key)) return undefined;
  return forgivingByFirstLetter
    .get(key[0] ?? '')
    ?.find((name) => isNearInLength(name, key) && isNearSpelling(typed, key, name) && accepts(name));
}

function findLatinCandidates(normalised: NormalisedText, text: string): Candidate[] {
  const words = [...normalised.text.matchAll(latinWord)].map((word) => ({
    folded: collapsedWord(word[0]),
    start: word.index,
    end: word.index + word[0].length,
  }));
  // Whether each word may continue a name begun before it.
  const continues = words.map(
    (word, position) => position > 0 && wordGap.test(normalised.text.slice(words[position - 1]?.end, word.start)),
  );
  const { forgivingByFirstLetter, keyBeginnings } = gazetteerIndex();
  const candidates: Candidate[] = [];
  words.forEach((startWord, first) => {
    // No forgiving name starts with this letter: only an exact name can follow, and only while the key begins one.
    const isExactOnly = !forgivingByFirstLetter.has(startWord.folded[0] ?? '');
    const typed: string[] = [];
    let key = '';
    const last = Math.min(words.length, first + maximumWordsPerName);
    for (let position = first; position < last; position += 1) {
      const word = words[position] as (typeof words)[number];
      if (position > first && !continues[position]) break;
      typed.push(word.folded);
      key += word.folded;
      if (isExactOnly && !keyBeginnings.has(key)) break;
      let accented: string | undefined;
      const spanAccentedForm = () => {
        if (accented === undefined) {
          const range = sourceRange(normalised, startWord.start, word.end);
          accented = accentedForm(text.slice(range.start, range.end));
        }
        return accented;
      };
      const name = matchLatinSpan(typed, key, spanAccentedForm);
      if (name) candidates.push({ area: name.area, start: startWord.start, end: word.end });
    }
  });
  return candidates;
}

const compactedAway = /[\s'’.-]/u;

const isLatinOrDigit = (character: string | undefined) =>
  character !== undefined && /[\p{Script=Latin}0-9]/u.test(character);

/** Names in other scripts, found as written; the text is compacted the same way the names are. */
function findScriptCandidates(normalised: NormalisedText): Candidate[] {
  const { scriptNames, scriptLookAlikeForms, longestLookAlike } = gazetteerIndex();
  const kept: number[] = [];
  let compact = '';
  for (let position = 0; position < normalised.text.length; position += 1) {
    const character = normalised.text[position] ?? '';
    const code = normalised.text.charCodeAt(position);
    const isAway =
      code < 0x80
        ? code === 32 || code === 39 || code === 46 || code === 45 || (code >= 9 && code <= 13)
        : compactedAway.test(character);
    if (isAway) continue;
    compact += character;
    kept.push(position);
  }
  // For each position of the compact text, the furthest end of a look-alike word starting there (or -1).
  const lookAlikeEnds = new Int32Array(compact.length).fill(-1);
  for (const form of scriptLookAlikeForms) {
    for (let at = compact.indexOf(form); at !== -1; at = compact.indexOf(form, at + 1)) {
      lookAlikeEnds[at] = Math.max(lookAlikeEnds[at] ?? -1, at + form.length);
    }
  }
  // Inside a look-alike word: one starting at or before `start` (by at most its length) that reaches `end`.
  const blocked = (start: number, end: number) => {
    for (let at = start; at >= 0 && at >= start - longestLookAlike; at -= 1) {
      if ((lookAlikeEnds[at] ?? -1) >= end) return true;
    }
    return false;
  };
  const candidates: Candidate[] = [];
  for (const name of scriptNames) {
    for (let at = compact.indexOf(name.compact); at !== -1; at = compact.indexOf(name.compact, at + 1)) {
      const end = at + name.compact.length;
      const start = kept[at] ?? 0;
      const last = kept[end - 1] ?? 0;
      // "KK园区" must not be the tail of a longer Latin word.
      if (isLatinOrDigit(name.compact[0]) && isLatinOrDigit(normalised.text[start - 1])) continue;
      if (isLatinOrDigit(name.compact.at(-1)) && isLatinOrDigit(normalised.text[last + 1])) continue;
      if (blocked(at, end)) continue;
      candidates.push({ area: name.area, start, end: last + 1 });
    }
  }
  return candidates;
}

/**
 * Every mention of a known area in free text, in order, across spellings and scripts. Offsets are into `text`.
 *
 * ```ts
 * findAreas('Job in Mya Wadi, transport from แม่สอด').map((match) => match.area.id); // ['myawaddy', 'mae-sot']
 * ```
 */
export function findAreas(text: string): AreaMatch[] {
  const normalised = normaliseTextWithOffsets(text);
  const candidates = [...findLatinCandidates(normalised, text), ...findScriptCandidates(normalised)];
  // Longest first, then earliest; a mention inside a longer one already taken is dropped.
  return longestWithoutOverlaps(candidates).map((candidate) => {
    const { start, end } = sourceRange(normalised, candidate.start, candidate.end);
    return { area: candidate.area, matched: text.slice(start, end), start, end };
  });
}
