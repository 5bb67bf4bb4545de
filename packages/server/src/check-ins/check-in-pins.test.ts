// Check-in PINs kept as keyed hashes: which PIN was typed, across key rotation, and never readable from the row.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { createKeyRing, generateKeyMaterial } from '../keys/key-ring.js';
import { rotateKeyMaterial } from '../keys/key-rotation.js';
import { matchPin, storePin } from './check-in-pins.js';

const material = generateKeyMaterial();
const keys = createKeyRing(material);

test('the check-in PIN, the duress PIN and anything else are told apart', () => {
  const stayId = randomUUID();
  const stored = { checkIn: storePin(keys, stayId, '482913'), duress: storePin(keys, stayId, '907162') };
  expect(matchPin(keys, stayId, '482913', stored)).toBe('check_in');
  expect(matchPin(keys, stayId, '907162', stored)).toBe('duress');
  expect(matchPin(keys, stayId, '482914', stored)).toBe('none');
  expect(matchPin(keys, stayId, '', stored)).toBe('none');
});

test('a PIN is bound to its stay: the same PIN of another stay neither matches nor looks alike', () => {
  const [first, second] = [randomUUID(), randomUUID()];
  const stored = { checkIn: storePin(keys, first, '482913'), duress: storePin(keys, first, '907162') };
  expect(matchPin(keys, second, '482913', stored)).toBe('none');
  expect(storePin(keys, second, '482913').digest.equals(stored.checkIn.digest)).toBe(false);
  expect(stored.checkIn.digest.toString('hex')).not.toContain('482913');
});

test('after the HMAC key rotates, PINs stored under the old key still match; new ones use the new key', () => {
  const stayId = randomUUID();
  const stored = { checkIn: storePin(keys, stayId, '482913'), duress: storePin(keys, stayId, '907162') };
  const rotated = createKeyRing(rotateKeyMaterial(material));
  expect(matchPin(rotated, stayId, '907162', stored)).toBe('duress');
  expect(matchPin(rotated, stayId, '482913', stored)).toBe('check_in');
  expect(storePin(rotated, stayId, '482913').keyId).not.toBe(stored.checkIn.keyId);
});

test('a digest under a key the ring no longer has matches nothing', () => {
  const stayId = randomUUID();
  const other = createKeyRing(generateKeyMaterial());
  const stored = { checkIn: storePin(other, stayId, '482913'), duress: storePin(other, stayId, '907162') };
  expect(matchPin(keys, stayId, '482913', stored)).toBe('none');
});
