// Our own keys: OIDC client signing and encryption keys (published at our JWKS), the HMAC keys for
// look-up hashes, and the field-encryption keys. Every kind holds several keys so they can rotate:
// the first signs, hashes or encrypts; all of them verify, match or decrypt.
// Where the keys come from (a key file, or a demo file generated on first start): key-files.ts.
// Why the keys are split this way and how they rotate: docs/decisions/0006-keys-and-secrets.md.
import { createCipheriv, createDecipheriv, createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';

export interface KeyedHash {
  readonly keyId: string;
  readonly digest: Buffer;
}

export interface KeyRing {
  /** Private ES256 JWKs, newest first; the first signs client assertions and DPoP proofs. */
  readonly signingKeys: readonly JWK[];
  /** Private ECDH-ES P-256 JWKs, newest first; providers encrypt ID tokens and userinfo to them. */
  readonly encryptionKeys: readonly JWK[];
  /** The public halves of every signing and encryption key, each with kid, use and alg; never `d`. */
  publicJwks(): { keys: PublicJwk[] };
  /** HMAC-SHA-256 of `value` under the current key, domain-separated by `purpose`. */
  keyedHash(purpose: string, value: string): KeyedHash;
  /** The same under every key, current first: look-ups match rows written before a rotation. */
  keyedHashes(purpose: string, value: string): KeyedHash[];
  /**
   * AES-256-GCM with the current field key; the key id travels with the ciphertext
   * (`v1.<kid>.<iv>.<ciphertext+tag>`, base64url). `associatedData` binds the value to where it is
   * stored (say `citizen:<id>:passport`), so a ciphertext copied into another row fails to decrypt.
   */
  encryptField(plaintext: string, associatedData?: string): string;
  /** Opens a value sealed under any field key of the ring; throws {@link FieldDecryptionError} otherwise. */
  decryptField(ciphertext: string, associatedData?: string): string;
}

/** A public P-256 key as published in our JWKS. */
export interface PublicJwk extends JWK {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  readonly kid: string;
  readonly use: 'sig' | 'enc';
  readonly alg: string;
}

/** The key file's contents: what `homeward keys generate` prints and demo mode writes to its data folder. */
export interface KeyMaterial {
  readonly format: 'homeward-keys/1';
  readonly signing: readonly JWK[];
  readonly encryption: readonly JWK[];
  readonly hmac: readonly SymmetricKey[];
  readonly field: readonly SymmetricKey[];
}

export interface SymmetricKey {
  readonly kid: string;
  /** 32 random bytes, base64url. */
  readonly key: string;
}

/**
 * A fresh key id: the date it was made and random bytes, so an operator can tell keys apart.
 * Never contains a dot, which separates the parts of a field ciphertext.
 */
export function newKeyId(now: Date = new Date()): string {
  return `${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
}

function ecKey(use: 'sig' | 'enc', kid: string): JWK {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { ...jwk, kid, use, alg: use === 'sig' ? 'ES256' : 'ECDH-ES+A256KW' };
}

/** One new key of every kind. */
export function generateKeyMaterial(now: Date = new Date()): KeyMaterial {
  return {
    format: 'homeward-keys/1',
    signing: [ecKey('sig', newKeyId(now))],
    encryption: [ecKey('enc', newKeyId(now))],
    hmac: [{ kid: newKeyId(now), key: randomBytes(32).toString('base64url') }],
    field: [{ kid: newKeyId(now), key: randomBytes(32).toString('base64url') }],
  };
}

const fieldFormat = 'v1';
const ivBytes = 12;
const tagBytes = 16;

/**
 * A field ciphertext that cannot be opened: malformed, sealed under a key this ring does not hold,
 * altered, or bound to other associated data. The message never contains the ciphertext.
 */
export class FieldDecryptionError extends Error {
  override readonly name = 'FieldDecryptionError';
}

/** Wraps checked key material; see {@link KeyRing}. */
export function createKeyRing(material: KeyMaterial): KeyRing {
  const hmacKeys = material.hmac.map((entry) => ({ kid: entry.kid, key: Buffer.from(entry.key, 'base64url') }));
  const fieldKeys = new Map(material.field.map((entry) => [entry.kid, Buffer.from(entry.key, 'base64url')]));
  const hashWith = (entry: { kid: string; key: Buffer }, purpose: string, value: string): KeyedHash => ({
    keyId: entry.kid,
    digest: createHmac('sha256', entry.key).update(purpose).update('\0').update(value, 'utf8').digest(),
  });
  return {
    signingKeys: material.signing,
    encryptionKeys: material.encryption,
    // Each field picked by name: a private part can only be published by adding it here.
    publicJwks: () => ({
      keys: [...material.signing, ...material.encryption].map(
        ({ x, y, kid, use, alg }) => ({ kty: 'EC', crv: 'P-256', x, y, kid, use, alg }) as PublicJwk,
      ),
    }),
    keyedHash: (purpose, value) => hashWith(first(hmacKeys, 'hmac'), purpose, value),
    keyedHashes: (purpose, value) => hmacKeys.map((entry) => hashWith(entry, purpose, value)),
    encryptField: (plaintext, associatedData = '') => {
      const { kid } = first(material.field, 'field');
      const key = fieldKeys.get(kid) as Buffer;
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
      cipher.setAAD(Buffer.from(`${kid}\0${associatedData}`, 'utf8'));
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [fieldFormat, kid, iv.toString('base64url'), sealed.toString('base64url')].join('.');
    },
    decryptField: (ciphertext, associatedData = '') => {
      const parts = ciphertext.split('.');
      const [format, kid, ivText, sealedText] = parts;
      if (parts.length !== 4 || format !== fieldFormat || ivText === undefined || sealedText === undefined) {
        throw new FieldDecryptionError('not a field ciphertext');
      }
      const key = fieldKeys.get(kid as string);
      if (key === undefined)
        throw new FieldDecryptionError('field ciphertext sealed under a key this ring does not hold');
      const iv = Buffer.from(ivText, 'base64url');
      const sealed = Buffer.from(sealedText, 'base64url');
      if (iv.length !== ivBytes || sealed.length < tagBytes) throw new FieldDecryptionError('not a field ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
      decipher.setAAD(Buffer.from(`${kid}\0${associatedData}`, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
      try {
        const opened = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - tagBytes)), decipher.final()]);
        return opened.toString('utf8');
      } catch {
        throw new FieldDecryptionError('field ciphertext failed authentication (altered, or other associated data)');
      }
    },
  };
}

function first<T>(list: readonly T[], kind: string): T {
  const entry = list[0];
  if (entry === undefined) throw new Error(`the key ring has no ${kind} key`);
  return entry;
}
