// Reads the pasted text of a job offer with the phrase lexicons: which signals, kinds of work, languages, places and
// messaging apps it names, and in which languages it seems to be written. Pure reading; the rules decide what
// matters (see flag-rules.ts).
import { type AreaMatch, findAreas } from '../text/gazetteer.js';
import { normaliseText } from '../text/normalise-text.js';
import { type Language, languages } from './languages.js';
import { lexicons } from './lexicons/index.js';
import { type MessagingApp, messagingAppNames, messagingApps } from './lexicons/messaging-apps.js';
import { nearbyDistance, nearbyWords } from './lexicons/nearby-words.js';
import { countryNames } from './lexicons/places.js';
import {
  compileNegators,
  compilePhraseLists,
  findNearbyPairs,
  findPhraseLists,
  isNegated,
  type PhraseMatch,
  type PreparedText,
  prepareText,
} from './phrase-matcher.js';
import { negatableSignals, type OfferJobFamily, type PhraseSignal, phraseSignals } from './phrase-signals.js';

/** What the text of an offer says, before any answer is taken into account. */
export interface OfferText {
  /** The matched phrases of each signal (normalised text), in order. */
  readonly phrases: Readonly<Record<PhraseSignal, readonly string[]>>;
  /** Kinds of work named, most named first. */
  readonly jobFamilies: readonly OfferJobFamily[];
  /** Languages the job asks for (BCP 47 primary tags), in order of first mention. */
  readonly languagesNamed: readonly string[];
  /** Countries named (ISO 3166-1 alpha-2), by name or city, in order of first mention. */
  readonly countriesNamed: readonly string[];
  /** Compound areas, border crossings and transit towns named (the gazetteer's matches). */
  readonly areas: readonly AreaMatch[];
  /** Messaging apps named as a way to reach the recruiter. */
  readonly messagingApps: readonly MessagingApp[];
  /** The languages the text seems to be written in, most likely first (from lexicon hits and scripts). */
  readonly writtenIn: readonly Language[];
  /** An age window asked for ("age 18–35"), when one is written. */
  readonly ageWindow: { readonly from: number; readonly to: number } | undefined;
}

/** One list of phrases of the combined matcher: what it stands for. */
type Tagged<Key> = { readonly key: Key; readonly language: Language | undefined; readonly list: number };

const phraseLists: (readonly string[])[] = [];

/** Adds a list of phrases to the combined matcher; its position among the lists. */
function addList(phrases: readonly string[] | undefined): number {
  phraseLists.push(phrases ?? []);
  return phraseLists.length - 1;
}

function tagEach<Key extends string>(
  entries: (language: Language) => Readonly<Partial<Record<Key, readonly string[]>>>,
): Tagged<Key>[] {
  return lexicons.flatMap((lexicon) =>
    Object.entries(entries(lexicon.language)).map(([key, phrases]) => ({
      key: key as Key,
      language: lexicon.language,
      list: addList(phrases as readonly string[] | undefined),
    })),
  );
}

const lexiconOf = (language: Language) => lexicons.find((lexicon) => lexicon.language === language);
const taggedSignals = tagEach<PhraseSignal>((language) => lexiconOf(language)?.phrases ?? {});
const taggedFamilies = tagEach<OfferJobFamily>((language) => lexiconOf(language)?.jobFamilies ?? {});
const taggedLanguageNames = tagEach<string>((language) => lexiconOf(language)?.languageNames ?? {});
const taggedNearby = nearbyWords.map((pair) => ({
  signal: pair.signal,
  first: addList(pair.first),
  second: addList(pair.second),
}));
const taggedCountries: Tagged<string>[] = Object.entries(countryNames).map(([country, names]) => ({
  key: country,
  language: undefined,
  list: addList(names),
}));
const taggedApps: Tagged<MessagingApp>[] = messagingApps.map((app) => ({
  key: app,
  language: undefined,
  list: addList(messagingAppNames[app]),
}));
// Every lexicon, nearby word, country and app name in one matcher, compiled once when the module loads: a text is
// read once, whatever the number of lists.
const compiledLists = compilePhraseLists(phraseLists);
const negators = compileNegators(lexicons.flatMap((lexicon) => lexicon.negators));
const commonWordLanguages = new Map<string, Language[]>();
for (const lexicon of lexicons) {
  for (const word of lexicon.commonWords ?? []) {
    const normalised = normaliseText(word);
    commonWordLanguages.set(normalised, [...(commonWordLanguages.get(normalised) ?? []), lexicon.language]);
  }
}

/** A match found in one language's lexicon for one key. */
interface KeyedMatch<Key> extends PhraseMatch {
  readonly key: Key;
  /** The lexicon's language; `undefined` for a pair of nearby words, which mixes languages, or a name. */
  readonly language: Language | undefined;
}

function keyed<Key>(found: readonly PhraseMatch[][], tagged: readonly Tagged<Key>[]): KeyedMatch<Key>[] {
  const matches: KeyedMatch<Key>[] = [];
  for (const { key, language, list } of tagged) {
    for (const match of found[list] ?? []) matches.push({ ...match, key, language });
  }
  return matches;
}

/** A phrase whose meaning another phrase over the same words reverses ("no placement fee", "you keep your passport"). */
/** Pairs of nearby words taken from one text for one signal at most: an ad repeats a lure a few times, not hundreds. */
const mostPairs = 64;

const cancelledBy: Readonly<Partial<Record<PhraseSignal, PhraseSignal>>> = {
  recruitment_fee: 'no_fee',
  debt: 'no_fee',
  passport_held: 'passport_safe',
};

/** Whether any of `matches` (in order of start) overlaps `match`, using the running furthest end of the matches. */
function overlapsAny(matches: readonly PhraseMatch[], reach: readonly number[], match: PhraseMatch): boolean {
  // The matches that start before `match` ends; one of them overlaps it when the furthest of their ends is past its start.
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((matches[middle] as PhraseMatch).start < match.end) low = middle + 1;
    else high = middle;
  }
  return low > 0 && (reach[low - 1] as number) > match.start;
}

/** The matches of one key in order of start, with the furthest end reached so far at each. */
function indexOfKey(matches: readonly KeyedMatch<PhraseSignal>[], key: PhraseSignal) {
  const ofKey = matches.filter((match) => match.key === key).sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const match of ofKey) reach.push(Math.max(reach.at(-1) ?? Number.NEGATIVE_INFINITY, match.end));
  return { matches: ofKey, reach };
}

function findSignalMatches(prepared: PreparedText, found: readonly PhraseMatch[][]): KeyedMatch<PhraseSignal>[] {
  const direct = keyed(found, taggedSignals);
  const paired = taggedNearby.flatMap(({ signal, first, second }) =>
    findNearbyPairs(prepared, found[first] ?? [], found[second] ?? [], nearbyDistance, mostPairs).map((match) => ({
      ...match,
      key: signal,
      language: undefined,
    })),
  );
  const all = [...direct, ...paired];
  const cancellers = new Map(
    [...new Set(Object.values(cancelledBy))].map((key) => [key, indexOfKey(all, key)] as const),
  );
  return all.filter((match, index) => {
    const canceller = cancelledBy[match.key];
    const cancelling = canceller === undefined ? undefined : cancellers.get(canceller);
    if (cancelling && overlapsAny(cancelling.matches, cancelling.reach, match)) return false;
    if (!negatableSignals.includes(match.key)) return true;
    const isPair = index >= direct.length;
    return !isNegated(prepared, match, negators, isPair);
  });
}

function phrasesBySignal(matches: readonly KeyedMatch<PhraseSignal>[]): Record<PhraseSignal, string[]> {
  const phrases = Object.fromEntries(phraseSignals.map((signal) => [signal, [] as string[]])) as Record<
    PhraseSignal,
    string[]
  >;
  const seen = new Set<string>();
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    const seenKey = `${match.key}\u0000${match.phrase}`;
    if (seen.has(seenKey)) continue;
    seen.add(seenKey);
    phrases[match.key].push(match.phrase);
  }
  return phrases;
}

/** Keys ordered by how often they were matched, then by first mention. */
function rankKeys<Key>(matches: readonly KeyedMatch<Key>[]): Key[] {
  const counts = new Map<Key, { count: number; first: number }>();
  for (const match of matches) {
    const entry = counts.get(match.key) ?? { count: 0, first: match.start };
    counts.set(match.key, { count: entry.count + 1, first: Math.min(entry.first, match.start) });
  }
  return [...counts.entries()].sort(([, a], [, b]) => b.count - a.count || a.first - b.first).map(([key]) => key);
}

function inOrderOfMention<Key>(matches: readonly { readonly key: Key; readonly start: number }[]): Key[] {
  return [...new Set([...matches].sort((a, b) => a.start - b.start).map((match) => match.key))];
}

// Scripts that identify a language on their own.
const scriptLanguages: readonly [RegExp, Language][] = [
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Myanmar}/gu, 'my'],
  [/\p{Script=Khmer}/gu, 'km'],
  [/\p{Script=Lao}/gu, 'lo'],
  [/\p{Script=Han}/gu, 'zh'],
];

/**
 * Languages the text is written in: those whose script appears, then those whose lexicon matched most. A phrase
 * several lexicons share ("hotel", "deposit") counts for each of them in part.
 */
function guessWrittenIn(original: string, prepared: PreparedText, matches: readonly KeyedMatch<unknown>[]): Language[] {
  const scores = new Map<Language, number>();
  for (const [script, language] of scriptLanguages) {
    // Most texts use one or two scripts: the others are ruled out by one search each.
    script.lastIndex = 0;
    const count = script.test(original) ? (original.match(script)?.length ?? 0) : 0;
    if (count >= 4) scores.set(language, count);
  }
  const sharedBy = new Map<string, Set<Language>>();
  for (const { language, start, end } of matches) {
    if (language === undefined) continue;
    const key = `${start}:${end}`;
    sharedBy.set(key, (sharedBy.get(key) ?? new Set()).add(language));
  }
  for (const token of prepared.tokens) {
    for (const language of commonWordLanguages.get(token.word) ?? []) {
      scores.set(language, (scores.get(language) ?? 0) + token.word.length);
    }
  }
  for (const [key, sharing] of sharedBy) {
    const [start = 0, end = 0] = key.split(':').map(Number);
    for (const language of sharing) scores.set(language, (scores.get(language) ?? 0) + (end - start) / sharing.size);
  }
  return languages
    .filter((language) => (scores.get(language) ?? 0) > 0)
    .sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0));
}

const agePattern =
  /(?:age|aged|umur|usia|tuoi|อายุ|年龄|年齡|edad|gulang|အသက်|umur)\D{0,12}?(\d{2})\s*(?:-|–|~|to|sampai|hingga|s\/d|den|ถึง|至|到|မှ)\s*(\d{2})/u;

function findAgeWindow(prepared: PreparedText): OfferText['ageWindow'] {
  const match = agePattern.exec(prepared.text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from >= 14 && to > from && to <= 70 ? { from, to } : undefined;
}

/**
 * Reads a job offer's text with every lexicon at once.
 *
 * ```ts
 * readOfferText('Customer service in Bangkok, no experience needed, free ticket').phrases.free_travel; // ['free ticket']
 * ```
 */
export function readOfferText(text: string): OfferText {
  const prepared = prepareText(text);
  const found = findPhraseLists(prepared, compiledLists);
  const signalMatches = findSignalMatches(prepared, found);
  const familyMatches = keyed(found, taggedFamilies);
  const languageMatches = keyed(found, taggedLanguageNames);
  const countryMatches = keyed(found, taggedCountries);
  const appMatches = keyed(found, taggedApps);
  return {
    phrases: phrasesBySignal(signalMatches),
    jobFamilies: rankKeys(familyMatches),
    languagesNamed: inOrderOfMention(languageMatches),
    countriesNamed: inOrderOfMention(countryMatches),
    areas: findAreas(text),
    messagingApps: inOrderOfMention(appMatches),
    writtenIn: guessWrittenIn(text, prepared, [...signalMatches, ...familyMatches]),
    ageWindow: findAgeWindow(prepared),
  };
}
