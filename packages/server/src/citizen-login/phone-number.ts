// Phone numbers as people type them, reduced to E.164 so one number always hashes the same.
// See docs/decisions/0011-phone-one-time-code-login.md.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * The number in E.164 (`+66812345678`), or `undefined` when it is not a valid number of any country.
 * Spaces, dots, dashes, brackets and a `tel:` prefix are allowed; the country code is required, written
 * `+66` or `0066`, because a citizen abroad may be using a phone from home or from the host country.
 *
 * ```ts
 * normalisePhoneNumber('0066 81-234 5678'); // '+66812345678'
 * ```
 */
export function normalisePhoneNumber(typed: string): string | undefined {
  const trimmed = typed.trim().replace(/^tel:/i, '');
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed;
  if (!international.startsWith('+')) return undefined;
  const parsed = parsePhoneNumberFromString(international);
  return parsed?.isValid() ? parsed.number : undefined;
}
