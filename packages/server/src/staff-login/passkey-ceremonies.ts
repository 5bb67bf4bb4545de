// The two WebAuthn ceremonies (register a passkey, log in with one) on @simplewebauthn/server; no
// database here. Passkeys are discoverable (resident) credentials with user verification required:
// the authenticator itself checks a PIN or biometric, so a passkey is both factors in one and is
// phishing-resistant, being bound to our origin.
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';

/** Who we are to the authenticator: the RP ID is the public URL's host, the expected origin its origin. */
export interface RelyingParty {
  readonly id: string;
  readonly name: string;
  readonly origin: string;
}

export function relyingPartyOf(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, name: 'Homeward', origin: url.origin };
}

/** How long the browser waits for the person at the authenticator. */
export const ceremonyTimeoutMilliseconds = 120_000;
/** How long a challenge stays usable on our side: the browser's wait plus slack for the network. */
export const challengeLifetimeMilliseconds = 5 * 60_000;

export interface PasskeyOwner {
  readonly staffId: string;
  readonly email: string;
  readonly displayName: string;
}

export function registrationOptions(
  relyingParty: RelyingParty,
  owner: PasskeyOwner,
  existingCredentialIds: readonly string[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: relyingParty.name,
    rpID: relyingParty.id,
    userName: owner.email,
    userDisplayName: owner.displayName,
    // The user handle is the staff id (a random UUID, no personal data); a discoverable login returns it.
    userID: userHandleOf(owner.staffId),
    timeout: ceremonyTimeoutMilliseconds,
    attestationType: 'none',
    excludeCredentials: existingCredentialIds.map((id) => ({ id })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  });
}

export interface RegisteredPasskey {
  readonly credentialId: string;
  readonly publicKey: Uint8Array;
  readonly counter: number;
  readonly transports: readonly string[];
  readonly deviceType: string;
  readonly isBackedUp: boolean;
  readonly aaguid: string;
}

/** The new passkey, or a short reason code (for the audit log) when the response does not verify. */
export async function verifyRegistration(
  relyingParty: RelyingParty,
  response: RegistrationResponseJSON,
  expectedChallenge: string,
): Promise<{ readonly passkey: RegisteredPasskey } | { readonly failure: string }> {
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: relyingParty.origin,
      expectedRPID: relyingParty.id,
      requireUserPresence: true,
      requireUserVerification: true,
    });
    if (!result.verified) return { failure: 'registration_not_verified' };
    const { credential, credentialDeviceType, credentialBackedUp, aaguid } = result.registrationInfo;
    return {
      passkey: {
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        deviceType: credentialDeviceType,
        isBackedUp: credentialBackedUp,
        aaguid,
      },
    };
  } catch {
    // The library's messages may quote parts of the response; the reason code is all we keep.
    return { failure: 'registration_invalid' };
  }
}

export function authenticationOptions(relyingParty: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
  // No allowCredentials: the authenticator offers its discoverable credentials, so nobody types a name.
  return generateAuthenticationOptions({
    rpID: relyingParty.id,
    timeout: ceremonyTimeoutMilliseconds,
    userVerification: 'required',
  });
}

export interface StoredPasskey {
  readonly credentialId: string;
  readonly publicKey: Uint8Array;
  readonly counter: number;
  readonly transports: readonly string[];
}

/** The counter the authenticator now reports, or a reason code when the assertion does not verify. */
export async function verifyAuthentication(
  relyingParty: RelyingParty,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  passkey: StoredPasskey,
): Promise<{ readonly newCounter: number } | { readonly failure: string }> {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: relyingParty.origin,
      expectedRPID: relyingParty.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: passkey.counter,
        transports: [...passkey.transports],
      },
      requireUserVerification: true,
    });
    if (!result.verified) return { failure: 'assertion_not_verified' };
    return { newCounter: result.authenticationInfo.newCounter };
  } catch (error) {
    // The library refuses a counter that did not move forward: the sign of a cloned authenticator.
    const isCounterRegression = error instanceof Error && /counter/i.test(error.message);
    return { failure: isCounterRegression ? 'counter_regression' : 'assertion_invalid' };
  }
}

/** The WebAuthn user handle for a staff id: its 16 bytes. */
export function userHandleOf(staffId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(staffId.replaceAll('-', ''), 'hex'));
}

/** The staff id a user handle (base64url, as a discoverable login returns it) stands for. */
export function staffIdOfUserHandle(userHandle: string): string | undefined {
  const hex = Buffer.from(userHandle, 'base64url').toString('hex');
  if (hex.length !== 32) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
