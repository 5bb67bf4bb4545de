// Rotation: a new key of every kind goes in front (it signs, hashes and encrypts from now on) and the old
// ones stay behind it (they still verify, match and decrypt) until they may be retired.
// When each kind may be dropped: docs/decisions/0006-keys-and-secrets.md.
import { generateKeyMaterial, type KeyMaterial } from './key-ring.js';

/** `material` with one fresh key of every kind in front of the old ones. */
export function rotateKeyMaterial(material: KeyMaterial, now: Date = new Date()): KeyMaterial {
  const fresh = generateKeyMaterial(now);
  return {
    format: material.format,
    signing: [...fresh.signing, ...material.signing],
    encryption: [...fresh.encryption, ...material.encryption],
    hmac: [...fresh.hmac, ...material.hmac],
    field: [...fresh.field, ...material.field],
  };
}

export class KeyRetirementError extends Error {
  override readonly name = 'KeyRetirementError';
}

/**
 * `material` without the key `kid`. The current (first) key of a kind is never retired: rotate first,
 * so something always signs, hashes and encrypts.
 */
export function retireKey(material: KeyMaterial, kid: string): KeyMaterial {
  const kinds = ['signing', 'encryption', 'hmac', 'field'] as const;
  const kind = kinds.find((candidate) => material[candidate].some((entry) => entry.kid === kid));
  if (kind === undefined) throw new KeyRetirementError(`no key has the id ${JSON.stringify(kid)}`);
  if (material[kind][0]?.kid === kid) {
    throw new KeyRetirementError(
      `${JSON.stringify(kid)} is the current ${kind} key; run \`homeward keys rotate\` first, then retire it`,
    );
  }
  return { ...material, [kind]: material[kind].filter((entry) => entry.kid !== kid) };
}
