// Company names reduced to the part that names the company, so "Golden Fortune Co., Ltd." and "GOLDEN FORTUNE
// COMPANY LIMITED" are one entry for the registry's fuzzy search. Legal forms differ by country and say nothing.
import { normaliseText } from './normalise-text.js';

// Legal forms written with spaces between words, compared word by word after normalisation (no diacritics).
const latinPrefixes = [
  'cong ty tnhh mtv',
  'cong ty tnhh',
  'cong ty co phan',
  'cong ty cp',
  'cong ty',
  'tnhh',
  'pt',
  'p t',
  'cv',
];
const latinSuffixes = [
  'sendirian berhad',
  'sdn bhd',
  'berhad',
  'bhd',
  'private limited',
  'pvt ltd',
  'pte ltd',
  'pty ltd',
  'co ltd',
  'company limited',
  'public company limited',
  'company',
  'limited',
  'ltd',
  'pte',
  'pvt',
  'pty',
  'co',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'llp',
  'plc',
  'opc',
  'jsc',
  'gmbh',
  'tbk',
  'persero',
  'group',
  'international',
  'intl',
  'holdings',
  'holding',
];
// Legal forms in scripts written without spaces (Thai, Lao, Burmese, Khmer, Chinese, Japanese), matched as text.
const scriptPrefixes = ['ห้างหุ้นส่วนจำกัด', 'หจก', 'บริษัท', 'ບໍລິສັດ', 'ក្រុមហ៊ុន', '株式会社'];
const scriptSuffixes = [
  'มหาชน',
  'จำกัด',
  'ຈຳກັດ',
  'ကုမ္ပဏီလီမိတက်',
  'လီမိတက်',
  'ကုမ္ပဏီ',
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '有限公司',
  '集团',
  '集團',
  '公司',
  '株式会社',
];
// Words in brackets that only say where or what kind: "ABC (Thailand) Co., Ltd.", "(มหาชน)".
const bracketedQualifiers =
  /\((?:thailand|cambodia|myanmar|laos|lao pdr|vietnam|malaysia|singapore|philippines|indonesia|hong kong|china|pvt|private|mahachon|泰国|泰國|柬埔寨|缅甸|緬甸|老挝|老撾|越南|马来西亚|馬來西亞|新加坡|菲律宾|菲律賓|印尼|香港|中国|中國)\)/gu;

const normalisedList = (list: readonly string[]) =>
  list.map((entry) => normaliseText(entry)).sort((a, b) => b.length - a.length);
const prefixesInScript = normalisedList(scriptPrefixes);
const suffixesInScript = normalisedList(scriptSuffixes);
const latinPrefixWords = normalisedList(latinPrefixes).map((entry) => entry.split(' '));
const latinSuffixWords = normalisedList(latinSuffixes).map((entry) => entry.split(' '));

function withoutPunctuation(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}\p{M}\s]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const startsWithWords = (words: readonly string[], affix: readonly string[]) =>
  affix.length < words.length && affix.every((word, position) => words[position] === word);
const endsWithWords = (words: readonly string[], affix: readonly string[]) =>
  affix.length < words.length &&
  affix.every((word, position) => words[words.length - affix.length + position] === word);

/** Strips legal forms from both ends until none is left; never strips the name itself away. */
function withoutLegalForms(name: string): string {
  let words = name.split(' ');
  let changed = true;
  while (changed) {
    changed = false;
    const prefix = latinPrefixWords.find((affix) => startsWithWords(words, affix));
    if (prefix) words = words.slice(prefix.length);
    const suffix = latinSuffixWords.find((affix) => endsWithWords(words, affix));
    if (suffix) words = words.slice(0, words.length - suffix.length);
    let joined = words.join(' ');
    for (const affix of prefixesInScript) {
      if (joined.startsWith(affix) && joined.length > affix.length) joined = joined.slice(affix.length).trim();
    }
    for (const affix of suffixesInScript) {
      const rest = joined.slice(0, -affix.length).trim();
      // "有限公司" alone is a legal form, not a company "有限" with "公司" after it.
      if (joined.endsWith(affix) && rest !== '' && !suffixesInScript.includes(`${rest}${affix}`)) joined = rest;
    }
    changed = prefix !== undefined || suffix !== undefined || joined !== words.join(' ');
    words = joined.split(' ');
  }
  return words.join(' ');
}

/** HTML-like tags (`<img src=x onerror=…>`), bounded so a stray `<` costs nothing. */
const markupTags = /<[^<>]{0,300}>/g;

/**
 * A company name for fuzzy matching: lower case, no diacritics, punctuation removed, legal forms removed from
 * either end (Co., Ltd., Sdn Bhd, Pte Ltd, PT, CV, Inc, Corp, LLC, Company Limited, Group, International, 有限公司,
 * 集团, บริษัท … จำกัด, Công ty TNHH, Công ty Cổ phần…). A name that is nothing but legal forms is kept as it is.
 *
 * ```ts
 * normaliseCompanyName('Golden Fortune Co., Ltd.'); // 'golden fortune'
 * normaliseCompanyName('PT. Maju Jaya Abadi'); // 'maju jaya abadi'
 * normaliseCompanyName('Công ty TNHH Thương mại Sao Mai'); // 'thuong mai sao mai'
 * ```
 */
export function normaliseCompanyName(name: string): string {
  // Markup is never part of a company's name: a report that wraps one in tags still matches the name.
  const withoutMarkup = name.replace(markupTags, ' ');
  const plain = withoutPunctuation(normaliseText(withoutMarkup).replace(bracketedQualifiers, ' '));
  return withoutLegalForms(plain) || plain;
}
