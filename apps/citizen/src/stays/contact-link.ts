// Reading a trusted contact's link: the token in its fragment, and the date they last heard from the citizen.

/**
 * The token in a link's fragment (`#abc…`), or undefined when there is none that could be one.
 *
 * @example readLinkToken('#q3Z-8x_Kp2') // 'q3Z-8x_Kp2'
 */
export function readLinkToken(hash: string): string | undefined {
  let token: string;
  try {
    token = decodeURIComponent(hash.replace(/^#/, '')).trim();
  } catch {
    return undefined;
  }
  return /^[A-Za-z0-9._~-]{8,512}$/.test(token) ? token : undefined;
}

/**
 * `lastHeardAt` for a concern, from a date input's `YYYY-MM-DD` (the start of that day where the reader is);
 * undefined when left empty or not a date.
 */
export function lastHeardAtOf(dateValue: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateValue)) return undefined;
  const at = new Date(`${dateValue}T00:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
