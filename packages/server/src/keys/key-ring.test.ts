import { describe, expect, test } from 'vitest';
import { createKeyRing, FieldDecryptionError, generateKeyMaterial, type KeyMaterial } from './key-ring.js';
import { rotateKeyMaterial } from './key-rotation.js';

const material = generateKeyMaterial(new Date('2026-11-23T08:00:00Z'));
const ring = createKeyRing(material);
const passport = 'K1234567Q';
const where = 'citizen:8b1f6c2e:passport';

/** The ciphertext with one character of its sealed part changed. */
function tampered(ciphertext: string): string {
  const parts = ciphertext.split('.');
  const sealed = parts[3] as string;
  const changed = sealed[0] === 'A' ? 'B' : 'A';
  return [...parts.slice(0, 3), `${changed}${sealed.slice(1)}`].join('.');
}

describe('field encryption', () => {
  test('a value encrypted with associated data decrypts to itself with the same associated data', () => {
    const ciphertext = ring.encryptField(passport, where);
    expect(ciphertext).not.toContain(passport);
    expect(ring.decryptField(ciphertext, where)).toBe(passport);
  });

  test('the ciphertext names the current field key and differs every time', () => {
    const first = ring.encryptField(passport, where);
    expect(first.split('.')).toEqual(['v1', material.field[0]?.kid, expect.any(String), expect.any(String)]);
    expect(ring.encryptField(passport, where)).not.toBe(first);
  });

  test('an empty string and non-ASCII text survive the round trip', () => {
    expect(ring.decryptField(ring.encryptField(''))).toBe('');
    expect(ring.decryptField(ring.encryptField('Nguyễn Thị Ánh — 阮'), '')).toBe('Nguyễn Thị Ánh — 阮');
  });

  test('an altered ciphertext is refused with FieldDecryptionError', () => {
    expect(() => ring.decryptField(tampered(ring.encryptField(passport, where)), where)).toThrow(FieldDecryptionError);
  });

  test('a ciphertext moved to another row (other associated data) is refused', () => {
    const ciphertext = ring.encryptField(passport, where);
    expect(() => ring.decryptField(ciphertext, 'citizen:other:passport')).toThrow(FieldDecryptionError);
    expect(() => ring.decryptField(ciphertext)).toThrow(FieldDecryptionError);
  });

  test('a ciphertext whose key id was swapped for another key of the ring is refused', () => {
    const rotated = createKeyRing(rotateKeyMaterial(material));
    const parts = rotated.encryptField(passport, where).split('.');
    const relabelled = [parts[0], material.field[0]?.kid, parts[2], parts[3]].join('.');
    expect(() => rotated.decryptField(relabelled, where)).toThrow(FieldDecryptionError);
  });

  test('a ciphertext under a key the ring does not hold is refused, naming no key bytes', () => {
    const other = createKeyRing(generateKeyMaterial());
    const error = captureError(() => ring.decryptField(other.encryptField(passport, where), where));
    expect(error).toBeInstanceOf(FieldDecryptionError);
    expect(error.message).toMatch(/key this ring does not hold/);
  });

  test.each([
    ['an empty string', ''],
    ['plain text', passport],
    ['an unknown format', 'v2.kid.aaaa.bbbb'],
    ['too few parts', 'v1.kid.aaaa'],
    ['too many parts', `${ring.encryptField(passport)}.extra`],
    ['a short nonce', (() => ring.encryptField(passport).replace(/^(v1\.[^.]+\.)[^.]+/, '$1AAAA'))()],
    ['no room for a tag', `v1.${material.field[0]?.kid}.AAAAAAAAAAAAAAAA.AAAA`],
  ])('%s is refused as not a field ciphertext', (_name, ciphertext) => {
    expect(() => ring.decryptField(ciphertext)).toThrow(FieldDecryptionError);
  });
});

describe('rotation', () => {
  const rotatedMaterial = rotateKeyMaterial(material, new Date('2027-05-01T08:00:00Z'));
  const rotated = createKeyRing(rotatedMaterial);

  test('adds one new key of every kind in front and keeps every old one behind it', () => {
    for (const kind of ['signing', 'encryption', 'hmac', 'field'] as const) {
      expect(rotatedMaterial[kind]).toHaveLength(2);
      expect(rotatedMaterial[kind].slice(1)).toEqual(material[kind]);
      expect(rotatedMaterial[kind][0]?.kid).toMatch(/^20270501-[0-9a-f]{8}$/);
    }
  });

  test('values encrypted before the rotation still decrypt; new ones use the new key id', () => {
    const before = ring.encryptField(passport, where);
    expect(rotated.decryptField(before, where)).toBe(passport);
    const after = rotated.encryptField(passport, where);
    expect(after.split('.')[1]).toBe(rotatedMaterial.field[0]?.kid);
    expect(rotated.decryptField(after, where)).toBe(passport);
    // The ring from before the rotation cannot open what the new key sealed.
    expect(() => ring.decryptField(after, where)).toThrow(FieldDecryptionError);
  });

  test('keyed hashes: the current key hashes, and every key still matches rows hashed before', () => {
    const old = ring.keyedHash('national-id', 'S1234567D');
    const current = rotated.keyedHash('national-id', 'S1234567D');
    expect(current.keyId).toBe(rotatedMaterial.hmac[0]?.kid);
    expect(current.digest.equals(old.digest)).toBe(false);
    const all = rotated.keyedHashes('national-id', 'S1234567D');
    expect(all.map((hash) => hash.keyId)).toEqual(rotatedMaterial.hmac.map((key) => key.kid));
    expect(all[0]?.digest.equals(current.digest)).toBe(true);
    expect(all[1]).toEqual(old);
  });

  test('keyed hashes are separated by purpose and depend on the value', () => {
    const nationalId = ring.keyedHash('national-id', '12345');
    expect(nationalId.digest.equals(ring.keyedHash('phone', '12345').digest)).toBe(false);
    expect(nationalId.digest.equals(ring.keyedHash('national-id', '12346').digest)).toBe(false);
    expect(nationalId.digest.equals(ring.keyedHash('national-id', '12345').digest)).toBe(true);
    expect(nationalId.digest).toHaveLength(32);
  });
});

describe('public keys', () => {
  const rotated = createKeyRing(rotateKeyMaterial(material));

  test('the JWKS lists every signing and encryption key, newest first, without private parts', () => {
    const { keys } = rotated.publicJwks();
    expect(keys.map((key) => key.kid)).toEqual([...rotated.signingKeys, ...rotated.encryptionKeys].map((k) => k.kid));
    expect(keys).toHaveLength(4);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
      expect(key).not.toHaveProperty('d');
    }
    expect(keys.map((key) => `${key.use} ${key.alg}`)).toEqual([
      'sig ES256',
      'sig ES256',
      'enc ECDH-ES+A256KW',
      'enc ECDH-ES+A256KW',
    ]);
  });

  test('every kid in generated material is unique and has no dot (which separates ciphertext parts)', () => {
    const fresh: KeyMaterial = generateKeyMaterial();
    const kids = [fresh.signing, fresh.encryption, fresh.hmac, fresh.field].flat().map((key) => key.kid as string);
    expect(new Set(kids).size).toBe(4);
    for (const kid of kids) expect(kid).not.toContain('.');
  });
});

function captureError(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
