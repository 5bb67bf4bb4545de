// A WebAuthn authenticator in software, for server tests: it makes real ES256 key pairs, "none"
// attestations and signed assertions, byte for byte as the specification lays them out, so the
// server's verification runs unchanged. The browser ceremony itself is tested in Chromium
// (e2e/staff-passkey.test.ts); this one lets the server tests reach every refusal quickly.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

interface StoredCredential {
  readonly id: Buffer;
  readonly privateKey: KeyObject;
  readonly rpId: string;
  readonly userHandle: string;
  counter: number;
}

const flags = { userPresent: 0x01, userVerified: 0x04, attestedCredentialData: 0x40 } as const;

export class SoftwareAuthenticator {
  readonly credentials: StoredCredential[] = [];

  /** `origin` is what the browser would put in the client data (the page's origin). */
  constructor(
    private readonly origin: string,
    private readonly options: { readonly isUserVerified?: boolean } = {},
  ) {}

  /** navigator.credentials.create(), as @simplewebauthn/browser's startRegistration() returns it. */
  createCredential(options: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const id = randomBytes(16);
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const credential: StoredCredential = { id, privateKey, rpId, userHandle: options.user.id, counter: 0 };
    this.credentials.push(credential);

    const coseKey = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x ?? '', 'base64url')],
      [-3, Buffer.from(jwk.y ?? '', 'base64url')],
    ]);
    const attested = Buffer.concat([
      Buffer.alloc(16), // AAGUID: all zero, as for "none" attestation
      uint16(id.length),
      id,
      Buffer.from(isoCBOR.encode(coseKey)),
    ]);
    const authenticatorData = this.authenticatorData(credential, flags.attestedCredentialData, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', authenticatorData],
      ]),
    );
    return {
      id: id.toString('base64url'),
      rawId: id.toString('base64url'),
      type: 'public-key',
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge).toString('base64url'),
        attestationObject: Buffer.from(attestationObject).toString('base64url'),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** navigator.credentials.get() with a discoverable credential (the newest one unless told otherwise). */
  getAssertion(
    options: PublicKeyCredentialRequestOptionsJSON,
    credential: StoredCredential | undefined = this.credentials.at(-1),
  ): AuthenticationResponseJSON {
    if (!credential) throw new Error('this authenticator holds no credential');
    credential.counter += 1;
    const authenticatorData = this.authenticatorData(credential, 0);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge);
    const signed = Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]);
    return {
      id: credential.id.toString('base64url'),
      rawId: credential.id.toString('base64url'),
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authenticatorData.toString('base64url'),
        // ES256 signatures in WebAuthn are DER-encoded, which is what Node's sign() produces.
        signature: sign('sha256', signed, credential.privateKey).toString('base64url'),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  private authenticatorData(credential: StoredCredential, extraFlags: number, attested?: Buffer): Buffer {
    const userVerified = this.options.isUserVerified === false ? 0 : flags.userVerified;
    return Buffer.concat([
      createHash('sha256').update(credential.rpId).digest(),
      Buffer.from([flags.userPresent | userVerified | extraFlags]),
      uint32(credential.counter),
      ...(attested ? [attested] : []),
    ]);
  }

  private clientData(type: string, challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }), 'utf8');
  }
}

function uint16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}
