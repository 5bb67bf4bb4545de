// Word pairs that signal together when they stand close to each other in one clause, in either order: ads say
// "free air ticket", "ticket free", "Tiket flight + hotel PERCUMA", "护照由公司统一保管", and no list of whole phrases
// keeps up with every word order. Each side lists the words of every language; matched like lexicon phrases.
import type { PhraseSignal } from '../phrase-signals.js';

export interface NearbyWords {
  readonly signal: PhraseSignal;
  readonly first: readonly string[];
  readonly second: readonly string[];
}

/** How far apart (in normalised characters, within one clause) the two words of a pair may stand. */
export const nearbyDistance = 30;

const travelWords = [
  'ticket',
  'tickets',
  'air ticket',
  'flight',
  'flights',
  'airfare',
  'plane ticket',
  'tiket',
  'tiket pesawat',
  'tambang',
  'vé máy bay',
  'ตั๋วเครื่องบิน',
  'ตั๋ว',
  'ค่าเดินทาง',
  'pamasahe',
  '机票',
  '機票',
  '路费',
  'လေယာဉ်လက်မှတ်',
  'សំបុត្រយន្តហោះ',
  'ປີ້ຍົນ',
];

const freeWords = [
  'free',
  'covered',
  'gratis',
  'ditanggung',
  'percuma',
  'miễn phí',
  'ฟรี',
  'ออกให้',
  'libre',
  'libreng',
  'sagot',
  '免费',
  '免費',
  '报销',
  '報銷',
  'အခမဲ့',
  'ឥតគិតថ្លៃ',
  'ຟຣີ',
];

const passportWords = [
  'passport',
  'passports',
  'paspor',
  'pasport',
  'hộ chiếu',
  'พาสปอร์ต',
  'หนังสือเดินทาง',
  '护照',
  '護照',
  'ပတ်စပို့',
  'ပတ်စ်ပို့',
  'លិខិតឆ្លងដែន',
  'ໜັງສືຜ່ານແດນ',
];

const holdingWords = [
  'keep',
  'keeps',
  'kept',
  'hold',
  'holds',
  'held',
  'surrender',
  'hand over',
  'give',
  'safekeeping',
  'ditahan',
  'disimpan',
  'dipegang',
  'serahkan',
  'simpan',
  'giữ',
  'thu giữ',
  'ยึด',
  'เก็บไว้',
  'hawak',
  'itatago',
  'kukunin',
  '保管',
  '扣',
  '上交',
  'သိမ်း',
  'ထိန်းသိမ်း',
  'រក្សាទុក',
  'ເກັບ',
];

/** The pairs, by signal. */
export const nearbyWords: readonly NearbyWords[] = [
  { signal: 'free_travel', first: travelWords, second: freeWords },
  { signal: 'passport_held', first: passportWords, second: holdingWords },
];
