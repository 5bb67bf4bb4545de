// How many login codes one phone number may be sent, so nobody can flood a person's phone or keep
// guessing codes for it, while the real person is never kept out for long (an hour at most).
// See docs/decisions/0011-phone-one-time-code-login.md.

export interface RateWindow {
  readonly minutes: number;
  readonly maxCodes: number;
}

/** Three codes in any 15 minutes, ten in any hour. */
export const phoneCodeRateWindows: readonly RateWindow[] = [
  { minutes: 15, maxCodes: 3 },
  { minutes: 60, maxCodes: 10 },
];

/** The longest window: older codes never count, so a server may forget them. */
export const phoneCodeRateHorizonMinutes = Math.max(...phoneCodeRateWindows.map((window) => window.minutes));

export type PhoneCodeDecision =
  | { readonly isAllowed: true }
  | { readonly isAllowed: false; readonly retryAfterSeconds: number };

/**
 * Whether one more code may be sent to a phone at `now`, given when the earlier codes were sent.
 * When not, `retryAfterSeconds` is the wait until every window has room again (at least one second).
 *
 * ```ts
 * decidePhoneCodeRequest([t, t, t], t); // { isAllowed: false, retryAfterSeconds: 900 }
 * ```
 */
export function decidePhoneCodeRequest(
  sentAt: readonly Date[],
  now: Date,
  windows: readonly RateWindow[] = phoneCodeRateWindows,
): PhoneCodeDecision {
  let waitMilliseconds = 0;
  for (const window of windows) {
    const windowMilliseconds = window.minutes * 60_000;
    const inWindow = sentAt
      .map((time) => time.getTime())
      // A time after `now` still counts: another server's clock may run a little ahead of ours.
      .filter((time) => time > now.getTime() - windowMilliseconds)
      .sort((a, b) => b - a);
    if (inWindow.length < window.maxCodes) continue;
    // Room comes back when the code that fills the window (the maxCodes-th newest) leaves it.
    const blocking = inWindow[window.maxCodes - 1] as number;
    waitMilliseconds = Math.max(waitMilliseconds, blocking + windowMilliseconds - now.getTime());
  }
  return waitMilliseconds === 0
    ? { isAllowed: true }
    : { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMilliseconds / 1000)) };
}
