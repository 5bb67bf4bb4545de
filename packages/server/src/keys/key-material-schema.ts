// The shape of a key file, checked before any key is used: a wrong file stops start-up with a message
// naming the part at fault, never with a stack trace and never echoing key material.
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import type { KeyMaterial } from './key-ring.js';

/** Dots separate the parts of a field ciphertext, so a key id never contains one. */
const KeyIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
/** 32 bytes as unpadded base64url: a P-256 coordinate or private scalar, or a symmetric key. */
const Bytes32Schema = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' });

function privateEcJwkSchema(use: 'sig' | 'enc', alg: string) {
  return Type.Object(
    {
      kty: Type.Literal('EC'),
      crv: Type.Literal('P-256'),
      x: Bytes32Schema,
      y: Bytes32Schema,
      d: Bytes32Schema,
      kid: KeyIdSchema,
      use: Type.Literal(use),
      alg: Type.Literal(alg),
    },
    { additionalProperties: false },
  );
}

const SymmetricKeySchema = Type.Object({ kid: KeyIdSchema, key: Bytes32Schema }, { additionalProperties: false });

export const KeyMaterialSchema = Type.Object(
  {
    format: Type.Literal('homeward-keys/1'),
    signing: Type.Array(privateEcJwkSchema('sig', 'ES256'), { minItems: 1 }),
    encryption: Type.Array(privateEcJwkSchema('enc', 'ECDH-ES+A256KW'), { minItems: 1 }),
    hmac: Type.Array(SymmetricKeySchema, { minItems: 1 }),
    field: Type.Array(SymmetricKeySchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

// The schema and the KeyMaterial interface describe the same thing; this fails to compile if they drift.
const sameShape: Static<typeof KeyMaterialSchema> extends KeyMaterial ? true : never = true;
void sameShape;

const kinds = ['signing', 'encryption', 'hmac', 'field'] as const;

/**
 * Everything wrong with `value` as key material, one short line each (empty when it is usable).
 * Lines name JSON pointers and key ids, never key bytes.
 */
export function findKeyMaterialProblems(value: unknown): string[] {
  if (!Value.Check(KeyMaterialSchema, value)) return describeSchemaErrors(value);
  const material = value as KeyMaterial;
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const kind of kinds) {
    for (const entry of material[kind]) {
      const kid = entry.kid as string;
      if (seen.has(kid)) problems.push(`key id ${JSON.stringify(kid)} appears more than once`);
      seen.add(kid);
    }
  }
  for (const kind of ['signing', 'encryption'] as const) {
    for (const jwk of material[kind]) {
      if (!isConsistentEcKey(jwk)) {
        problems.push(
          `${kind} key ${JSON.stringify(jwk.kid)} is not a valid P-256 private key (d does not match x, y)`,
        );
      }
    }
  }
  return problems;
}

/**
 * Whether the private scalar really belongs to the published point: a mismatch would publish a key nobody
 * can use. Node takes x and y as given when importing a private JWK, so the check signs with the private
 * key and verifies with the public point alone.
 */
function isConsistentEcKey(jwk: KeyMaterial['signing'][number]): boolean {
  try {
    const { x, y, d } = jwk;
    const privateKey = createPrivateKey({ key: { kty: 'EC', crv: 'P-256', x, y, d }, format: 'jwk' });
    const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x, y }, format: 'jwk' });
    const probe = Buffer.from('homeward key check');
    return verify('sha256', probe, publicKey, sign('sha256', probe, privateKey));
  } catch {
    return false;
  }
}

const shownErrors = 5;

function describeSchemaErrors(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['it must hold one JSON object, as printed by `homeward keys generate`'];
  }
  const lines: string[] = [];
  for (const error of Value.Errors(KeyMaterialSchema, value)) {
    // An unknown property is reported twice (as a false schema and as additionalProperties); keep the clearer one.
    if (error.keyword === 'boolean') continue;
    const where = error.instancePath === '' ? 'the top level' : error.instancePath;
    if (error.keyword === 'additionalProperties') {
      const names = (error.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      lines.push(`${where} has unknown fields: ${names.join(', ')}`);
    } else if (error.keyword === 'pattern' && /\/(x|y|d|key)$/.test(error.instancePath)) {
      lines.push(`${where} must be 32 bytes as unpadded base64url (43 characters)`);
    } else {
      lines.push(`${where} ${error.message}`);
    }
  }
  const unique = [...new Set(lines)];
  const hidden = unique.length - shownErrors;
  return hidden > 0 ? [...unique.slice(0, shownErrors), `and ${hidden} more`] : unique;
}
