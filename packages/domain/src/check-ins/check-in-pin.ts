// Check-in PINs: the one a citizen checks in with and the duress PIN that checks in the same way while silently
// raising an urgent alert. Which PINs are acceptable, and how a typed PIN is read. Storing and comparing them is the
// server's (keyed hashes, both compared every time); see docs/decisions/0015-check-in-pins.md.
import { digitsToAscii } from '../prevention/text/normalise-text.js';

export const pinMinLength = 6;
export const pinMaxLength = 12;

export type PinProblem =
  | 'pin_not_digits'
  | 'pin_too_short'
  | 'pin_too_long'
  | 'pin_too_easy'
  | 'duress_pin_too_close'
  | 'duress_pin_invalid';

/**
 * A PIN as typed, with spaces and dashes dropped and the digits of any script people here type (Thai, Burmese,
 * Khmer, Lao, full width) read as 0–9; `undefined` when anything else is left.
 *
 * ```ts
 * readPin(' ၁၂၃ ၄၅၆ '); // '123456'
 * ```
 */
export function readPin(typed: string): string | undefined {
  const compact = digitsToAscii(typed).replace(/[\s-]/g, '');
  return /^[0-9]+$/.test(compact) ? compact : undefined;
}

/**
 * What is wrong with a pair of PINs, in order; empty when both may be used. A PIN has 6 to 12 digits and is not a
 * run anyone would guess first (one digit repeated, or counting up or down). The duress PIN follows the same rules
 * and differs from the check-in PIN in at least two places, so one slip of a finger never sends the other signal.
 *
 * ```ts
 * pinPairProblems('482913', '482914'); // ['duress_pin_too_close']
 * ```
 */
export function pinPairProblems(pin: string, duressPin: string): PinProblem[] {
  const problems = singlePinProblems(pin);
  if (singlePinProblems(duressPin).length > 0) problems.push('duress_pin_invalid');
  else if (differingPlaces(pin, duressPin) < 2) problems.push('duress_pin_too_close');
  return problems;
}

function singlePinProblems(pin: string): PinProblem[] {
  if (!/^[0-9]*$/.test(pin)) return ['pin_not_digits'];
  if (pin.length < pinMinLength) return ['pin_too_short'];
  if (pin.length > pinMaxLength) return ['pin_too_long'];
  return isEasyRun(pin) ? ['pin_too_easy'] : [];
}

/** One digit repeated, or each digit one more (or one less) than the last, wrapping 9→0. */
function isEasyRun(pin: string): boolean {
  const steps = new Set<number>();
  for (let index = 1; index < pin.length; index += 1) {
    steps.add((Number(pin[index]) - Number(pin[index - 1]) + 10) % 10);
  }
  return steps.size === 1 && [0, 1, 9].includes([...steps][0] ?? -1);
}

/** Places in which two PINs differ; a difference in length counts as that many places. */
function differingPlaces(a: string, b: string): number {
  let count = Math.abs(a.length - b.length);
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) if (a[index] !== b[index]) count += 1;
  return count;
}
