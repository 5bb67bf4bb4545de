// The demo provider's registered clients, acr levels and test hooks: plain data, kept apart from
// demo-idp-provider.ts so that importing them does not load oidc-provider (which the server loads
// only when the demo provider is on).
export const demoPlainClientId = 'homeward-demo';
export const demoFapiClientId = 'homeward-demo-fapi';

/** The acr values the demo asserts: Singpass's levels for the FAPI client, eIDAS levels for the plain one. */
export const demoFapiAcr = 'urn:singpass:authentication:loa:2';
export const demoPlainAcr = 'http://eidas.europa.eu/LoA/substantial';
export const supportedAcrValues = [
  'urn:singpass:authentication:loa:1',
  'urn:singpass:authentication:loa:2',
  'urn:singpass:authentication:loa:3',
  'http://eidas.europa.eu/LoA/low',
  'http://eidas.europa.eu/LoA/substantial',
  'http://eidas.europa.eu/LoA/high',
];

/**
 * Test-only ways to make the provider misbehave or change, used on the running instance by a test (never
 * from configuration): a rewritten ID token proves the relying party refuses it; a rotated signing key
 * and a count of JWKS requests prove it re-fetches the provider's keys when it must, and only then.
 */
export interface DemoIdentityProviderTestHooks {
  /** Rewrites the ID token's claims before signing; `signWith: 'stranger'` signs with an unpublished key under the published kid. */
  idToken?: (claims: Record<string, unknown>) => {
    claims: Record<string, unknown>;
    signWith?: 'provider' | 'stranger';
  };
  /** Called each time the provider's JWKS is requested, so a test can count the relying party's fetches. */
  onJwksRequest?: () => void;
  /**
   * Rotates abruptly: the next request meets a new provider whose signing key has a new kid, and the old
   * key is no longer published. Provider sessions and logins under way are lost with the old instance.
   */
  readonly rotateSigningKey: () => void;
}

/** The acr the demo asserts: the first requested value it knows, else the client's usual level. */
export function demoAcrFor(clientId: string, requested: string | undefined): string {
  const known = requested?.split(' ').find((value) => supportedAcrValues.includes(value));
  return known ?? (clientId === demoFapiClientId ? demoFapiAcr : demoPlainAcr);
}
