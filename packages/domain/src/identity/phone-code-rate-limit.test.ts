import { describe, expect, test } from 'vitest';
import { decidePhoneCodeRequest, phoneCodeRateHorizonMinutes } from './phone-code-rate-limit.js';

const now = new Date('2026-11-23T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('decidePhoneCodeRequest', () => {
  test('the first three codes in fifteen minutes are sent', () => {
    expect(decidePhoneCodeRequest([], now)).toEqual({ isAllowed: true });
    expect(decidePhoneCodeRequest([minutesAgo(1), minutesAgo(2)], now)).toEqual({ isAllowed: true });
  });

  test('a fourth code within fifteen minutes waits until the oldest of the three is fifteen minutes old', () => {
    expect(decidePhoneCodeRequest([minutesAgo(1), minutesAgo(2), minutesAgo(10)], now)).toEqual({
      isAllowed: false,
      retryAfterSeconds: 5 * 60,
    });
  });

  test('codes older than fifteen minutes count only towards the hourly ten', () => {
    const earlier = [16, 20, 25, 30, 35, 40, 45].map(minutesAgo);
    expect(decidePhoneCodeRequest([...earlier, minutesAgo(1), minutesAgo(2)], now)).toEqual({ isAllowed: true });
    const tenInTheHour = [...earlier, minutesAgo(1), minutesAgo(2), minutesAgo(3)];
    // Both windows are full: the quarter hour frees up in 12 minutes, the hour only when the 45-minute-old code leaves it.
    expect(decidePhoneCodeRequest(tenInTheHour, now)).toEqual({ isAllowed: false, retryAfterSeconds: 15 * 60 });
  });

  test('nobody waits longer than the longest window', () => {
    const flood = Array.from({ length: 50 }, (_, index) => minutesAgo(index / 10));
    const decision = decidePhoneCodeRequest(flood, now);
    expect(decision.isAllowed).toBe(false);
    if (!decision.isAllowed) expect(decision.retryAfterSeconds).toBeLessThanOrEqual(phoneCodeRateHorizonMinutes * 60);
  });

  test('codes stamped a little after now by a server whose clock runs ahead still count', () => {
    const ahead = new Date(now.getTime() + 2000);
    const decision = decidePhoneCodeRequest([ahead, ahead, ahead], now);
    expect(decision).toEqual({ isAllowed: false, retryAfterSeconds: 15 * 60 + 2 });
  });

  test('a code exactly one window old no longer counts', () => {
    expect(decidePhoneCodeRequest([minutesAgo(15), minutesAgo(15), minutesAgo(15)], now)).toEqual({ isAllowed: true });
  });
});
