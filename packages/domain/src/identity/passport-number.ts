// Passport numbers as a citizen types them, reduced to one form so the same passport always hashes the same.
// See docs/decisions/0011-phone-one-time-code-login.md.

/**
 * ICAO 9303 gives the document number nine characters in the machine-readable zone, with an overflow
 * for longer national numbers; real numbers run from about 6 to 12 letters and digits. We accept a
 * little more on both sides so no genuine passport is refused, and nothing that is clearly not one.
 */
export const passportNumberLength = { min: 5, max: 20 } as const;

/**
 * Upper-case, without spaces or hyphens (people copy `A 1234 567` or `a1234-567` from the page);
 * `undefined` when what is left is not 5 to 20 letters A–Z and digits.
 *
 * ```ts
 * normalisePassportNumber(' e 1234 567 '); // 'E1234567'
 * normalisePassportNumber('12/34'); // undefined
 * ```
 */
export function normalisePassportNumber(raw: string): string | undefined {
  const compact = raw.replace(/[\s-]+/g, '').toUpperCase();
  const { min, max } = passportNumberLength;
  return new RegExp(`^[A-Z0-9]{${min},${max}}$`).test(compact) ? compact : undefined;
}
