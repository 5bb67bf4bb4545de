// What a citizen's SMS or WhatsApp reply asks for: a check-in code, help, SOS, or nothing we understand.
// Replies come from cheap or borrowed phones, typed fast and perhaps watched, in any of Homeward's ten languages and
// their digits; reading them generously matters more than reading them strictly. Whether a code is the check-in PIN
// or the duress PIN is the server's to decide (it compares both), never this module's.
import { pinMaxLength } from '../check-ins/check-in-pin.js';
import { digitsToAscii } from '../prevention/text/normalise-text.js';

export type ReplyKind =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'sos' }
  | { readonly kind: 'other' };

/**
 * The shortest reply read as a code. Shorter than any PIN (6 digits) on purpose: a citizen who drops a digit is
 * told the code was not recognised and the try is counted, instead of being told how to check in as if they never had.
 */
export const replyCodeMinLength = 4;
/** The longest reply read as a code: the longest PIN. */
export const replyCodeMaxLength = pinMaxLength;

/**
 * Words that ask for help, as written after {@link normaliseReply} (lower case, composed). Chosen to be rare as the
 * first word of an ordinary reply. Each language's `reply_hint` message names one of them.
 */
export const helpWords: readonly string[] = [
  'help', // en
  'tolong', // id, ms
  'bantuan', // id, ms
  'ช่วย', // th
  'ขอความช่วยเหลือ', // th: "asking for help"
  'giúp', // vi
  'giup', // vi, typed without tone marks
  'tulong', // fil
  'ကူညီ', // my
  'ကူညီပါ', // my: "please help"
  'ជួយ', // km
  'ជួយផង', // km: "please help"
  'ຊ່ວຍ', // lo
  'ຊ່ວຍແດ່', // lo: "please help"
  '帮助', // zh, simplified
  '幫助', // zh, traditional
  '帮忙', // zh, simplified: "a hand"
  '幫忙', // zh, traditional
  '帮帮我', // zh: "help me"
];

/**
 * Words that call for rescue now: an SOS skips the escalation ladder. SOS is understood in every language; the
 * rest are each language's cry for rescue rather than its word for assistance.
 */
export const sosWords: readonly string[] = [
  'sos',
  's.o.s',
  'ช่วยด้วย', // th: the cry "help!"
  'cứu', // vi: "rescue"
  'cuu', // vi, typed without tone marks
  'saklolo', // fil: the cry "help!"
  'ကယ်ပါ', // my: "save me"
  'ຊ່ວຍດ້ວຍ', // lo: the cry "help!"
  '救命', // zh: "save my life"
  '救救我', // zh: "save me"
];

const wordKinds: ReadonlyMap<string, 'help' | 'sos'> = new Map([
  ...helpWords.map((word) => [word, 'help'] as const),
  ...sosWords.map((word) => [word, 'sos'] as const),
]);

// Zero-width space, joiners and marks, word joiner, byte-order mark, soft hyphen: invisible, but Thai, Khmer and
// Burmese keyboards put zero-width spaces between words, so they split words like a space does.
const invisible = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/gu;
// Punctuation around a word ("HELP!", "¿sos?", "ជួយ។", "救命！"), which NFKC has already made half-width where it can.
const edgePunctuation = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
// Digits with single spaces (whitespace is collapsed first) or dashes of any kind between them.
const codeShape = /^[0-9](?:[ \p{Pd}]*[0-9])*$/u;
// Burmese digits zero and seven look exactly like the letters wa and ra, and people type either.
const myanmarLookAlikeDigits = /[\u101d\u101b]/gu;
const onlyDigitsAndLookAlikes = /^[0-9\u101d\u101b \p{Pd}]+$/u;

/**
 * A reply reduced to one comparable form: NFKC (full-width letters and digits become plain), invisible characters
 * as spaces, lower case, the digits of every script people here type as ASCII, whitespace collapsed and trimmed.
 *
 * ```ts
 * normaliseReply('  ＨＥＬＰ\u200b ๑๒๓ '); // 'help 123'
 * ```
 */
export function normaliseReply(text: string): string {
  const composed = text.normalize('NFKC').replace(invisible, ' ').toLowerCase();
  return digitsToAscii(composed).replace(/\s+/gu, ' ').trim();
}

/**
 * What a reply asks for. A reply of 4 to 12 digits (in any script, spaces or dashes between them) is a code; a
 * reply that is, or starts with, a help or SOS word is that; anything else is `other`.
 *
 * ```ts
 * classifyReply('๑๓๕๗ ๙๐'); // { kind: 'code', code: '135790' }
 * classifyReply('Tolong saya'); // { kind: 'help' }
 * classifyReply('救命！'); // { kind: 'sos' }
 * ```
 */
export function classifyReply(text: string): ReplyKind {
  const reply = normaliseReply(text);
  const code = readCode(reply);
  if (code !== undefined) return { kind: 'code', code };
  const firstWord = reply.split(' ', 1)[0] ?? '';
  // The whole reply first, so a listed phrase with a space in it is found; then its first word.
  for (const candidate of [reply, firstWord]) {
    const kind = wordKinds.get(candidate.replace(edgePunctuation, ''));
    if (kind) return { kind };
  }
  return { kind: 'other' };
}

function readCode(reply: string): string | undefined {
  let shaped = reply;
  // Only in a reply that is otherwise all digits is a wa or ra a mistyped digit; anywhere else it is a letter.
  if (onlyDigitsAndLookAlikes.test(reply) && /[0-9]/.test(reply)) {
    shaped = reply.replace(myanmarLookAlikeDigits, (letter) => (letter === '\u101d' ? '0' : '7'));
  }
  if (!codeShape.test(shaped)) return undefined;
  const digits = shaped.replace(/[^0-9]/g, '');
  return digits.length >= replyCodeMinLength && digits.length <= replyCodeMaxLength ? digits : undefined;
}
