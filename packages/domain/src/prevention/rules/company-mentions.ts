// Company names written with a legal form ("Contoh Apparel (Cambodia) Co., Ltd.", "PT Sinar Karya", "示例软件科技有限公司",
// "Công ty TNHH …", "บริษัท … จำกัด"), and e-mail addresses at a company's own domain. A scam ad rarely names a
// company people can look up; an ordinary one usually does. The names also go to the registry look-up.

// Up to six words, each starting with a capital letter or a digit, then a legal form: "Contoh Apparel Co., Ltd.".
// Read so that a hostile text (a run of 20,000 digits) costs time in proportion to its length, not its square:
// - a word is taken whole, at once (a lookahead captures it and a back-reference consumes it): only a whole word can
//   be followed by a space or a comma anyway;
// - a name is tried only at the first capital or digit of a run of word characters (see findLatinCompanyNames):
//   starting later in the same run would read the same words after it, and fail or succeed alike.
const wordCharacters = String.raw`[\p{L}0-9&'’.-]`;
const capitalisedWords = String.raw`(?:(?=(?<word>${wordCharacters}+))\k<word>(?=(?<space>\s+))\k<space>(?=[\p{Lu}0-9])){0,5}?(?=(?<lastWord>${wordCharacters}+))\k<lastWord>`;
// What `\s*,?\s+` matches before the legal form, taken whole: spaces and a comma, then spaces.
const beforeLegalForm = String.raw`(?:(?=(?<beforeComma>\s*))\k<beforeComma>,)?(?=(?<gap>\s+))\k<gap>`;
const latinSuffixes = String.raw`(?:\(\p{L}+\)\s+)?(?:Co\.?,?\s*Ltd\.?|Company\s+Limited|Sdn\.?\s*Bhd\.?|Pte\.?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|JSC|PLC)`;

const latinNameAt = new RegExp(String.raw`${capitalisedWords}${beforeLegalForm}${latinSuffixes}(?![\p{L}])`, 'uy');
const nameStart = /[\p{Lu}0-9]/gu;
const wordRunAt = new RegExp(`${wordCharacters}*`, 'uy');

/** Matches of `(?:[\p{Lu}0-9]\S*\s+){0,5}?[\p{Lu}0-9]\S*\s*,?\s+<legal form>` (word characters as above), in order. */
function findLatinCompanyNames(text: string): { name: string; start: number }[] {
  const names: { name: string; start: number }[] = [];
  nameStart.lastIndex = 0;
  for (let start = nameStart.exec(text); start !== null; start = nameStart.exec(text)) {
    latinNameAt.lastIndex = start.index;
    const match = latinNameAt.exec(text);
    if (match) {
      names.push({ name: match[0].trim(), start: start.index });
      nameStart.lastIndex = latinNameAt.lastIndex;
    } else {
      // No name starts later in this run of word characters either.
      wordRunAt.lastIndex = start.index;
      wordRunAt.exec(text);
      nameStart.lastIndex = wordRunAt.lastIndex;
    }
  }
  return names;
}

const patterns: readonly RegExp[] = [
  /(?<![\p{L}])(?:PT|CV)\.?\s+((?:[\p{Lu}][\p{L}]*\s*){1,5})/gu,
  /(?:Công ty|CÔNG TY)\s+(?:TNHH|Cổ phần|CP|cổ phần)\s+((?:[\p{L}0-9]+\s*){1,6})/gu,
  /บริษัท\s*([^\s]{2,40}?)\s*จำกัด/gu,
  /([\p{Script=Han}A-Za-z0-9（）()]{2,24}?(?:有限公司|有限責任公司|股份公司))/gu,
];

const freeMailDomains = new Set([
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'icloud.com',
  'qq.com',
  '163.com',
  '126.com',
  'proton.me',
  'protonmail.com',
  'mail.com',
  'ymail.com',
]);

/**
 * Company names written with a legal form, as written (trimmed), in order of appearance.
 *
 * ```ts
 * findCompanyNames('Sewing operators wanted – Contoh Apparel Co., Ltd., Phnom Penh'); // ['Contoh Apparel Co., Ltd.']
 * ```
 */
export function findCompanyNames(text: string): string[] {
  const names = [
    ...findLatinCompanyNames(text),
    ...patterns.flatMap((pattern) =>
      [...text.matchAll(pattern)].map((match) => ({ name: match[0].trim(), start: match.index })),
    ),
  ];
  return [...new Set(names.sort((a, b) => a.start - b.start).map((entry) => entry.name))];
}

const localPartCharacter = /^[\p{L}0-9._%+-]$/u;
const domainAt = /(?:[a-z0-9-]+\.)+[a-z]{2,}/iuy;

/** Where the local part of an address ending before the "@" at `at` starts, not before `from`; `at` when there is none. */
function localPartStart(text: string, at: number, from: number): number {
  let start = at;
  while (start > from) {
    const low = text.charCodeAt(start - 1);
    const isPair = start - 2 >= from && low >= 0xdc00 && low <= 0xdfff;
    const character = isPair ? text.slice(start - 2, start) : (text[start - 1] ?? '');
    if (!localPartCharacter.test(character)) break;
    start -= character.length;
  }
  return start;
}

/**
 * Domains of e-mail addresses that are not free mail services: a company's own address.
 *
 * ```ts
 * findCompanyMailDomains('CV to hr@contoh-plastik.com.my or jobs@gmail.com'); // ['contoh-plastik.com.my']
 * ```
 */
export function findCompanyMailDomains(text: string): string[] {
  const domains: string[] = [];
  // What `/[\p{L}0-9._%+-]+@((?:[a-z0-9-]+\.)+[a-z]{2,})/giu` finds, read from each "@" instead of from each
  // character (which costs the square of a long run of letters with no "@" after it).
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', Math.max(at + 1, from))) {
    if (localPartStart(text, at, from) === at) continue;
    domainAt.lastIndex = at + 1;
    const domain = domainAt.exec(text)?.[0];
    if (domain === undefined) continue;
    domains.push(domain.toLowerCase());
    from = domainAt.lastIndex;
  }
  return [...new Set(domains.filter((domain) => !freeMailDomains.has(domain)))];
}
