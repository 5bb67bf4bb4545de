// What differs between national digital ID providers, so an operator picks a profile instead of
// writing code: scopes, acr values, whether PAR, DPoP and encrypted responses are used, where the
// national identifier and the name are found, and how acr/amr map to our assurance levels.
// Sources and open questions: docs/decisions/0009-citizen-login-oidc.md.
import type { AssuranceLevel } from '@homeward/domain';
import type { OidcProfileName } from '../config/config.js';

export interface OidcProfile {
  readonly name: OidcProfileName;
  /** Requested unless HOMEWARD_OIDC_SCOPE overrides it. */
  readonly scope: string;
  /** Requested unless HOMEWARD_OIDC_ACR_VALUES overrides it; undefined sends none. */
  readonly acrValues: string | undefined;
  /** FAPI 2.0: pushed authorization requests (RFC 9126); the front channel carries only request_uri. */
  readonly usesPushedAuthorization: boolean;
  /** FAPI 2.0: DPoP (RFC 9449) on PAR, token and userinfo, with a fresh key per login. */
  readonly usesDpop: boolean;
  /** ID token and userinfo arrive encrypted (JWE) to our encryption key. */
  readonly expectsEncryptedResponses: boolean;
  /** When to call userinfo: always, never, or only when the ID token lacks the name. */
  readonly userinfo: 'always' | 'never' | 'if-name-missing';
  /** Claim paths holding the national identifier, first found wins (e.g. ['sub_attributes', 'identity_number']). */
  readonly nationalIdClaims: readonly (readonly string[])[];
  /** Claim paths holding a display name, first found wins. */
  readonly nameClaims: readonly (readonly string[])[];
  /** Assurance for a login whose acr (and amr) the provider returned. */
  assuranceOf(acr: string | undefined, amr: readonly string[] | undefined): AssuranceLevel;
}

/** eIDAS levels of assurance, which several providers reuse as acr values. */
const eidasAssurance: Readonly<Record<string, AssuranceLevel>> = {
  'http://eidas.europa.eu/LoA/high': 'high',
  'http://eidas.europa.eu/LoA/substantial': 'substantial',
  'http://eidas.europa.eu/LoA/low': 'low',
};

/** An amr list that shows more than one factor (RFC 8176 values) earns at least 'substantial'. */
function isMultiFactor(amr: readonly string[] | undefined): boolean {
  if (amr === undefined) return false;
  return amr.includes('mfa') || (amr.length >= 2 && new Set(amr).size >= 2);
}

function fromTable(table: Readonly<Record<string, AssuranceLevel>>) {
  return (acr: string | undefined, amr: readonly string[] | undefined): AssuranceLevel => {
    const level = acr === undefined ? undefined : table[acr];
    if (level !== undefined) return level;
    // An acr we do not know proves nothing; the amr may still show a second factor.
    return isMultiFactor(amr) ? 'substantial' : 'low';
  };
}

const nameClaims = [['name'], ['sub_attributes', 'name']] as const;

export const oidcProfileList: readonly OidcProfile[] = [
  {
    name: 'generic',
    scope: 'openid profile',
    acrValues: undefined,
    usesPushedAuthorization: false,
    usesDpop: false,
    expectsEncryptedResponses: false,
    userinfo: 'if-name-missing',
    nationalIdClaims: [],
    nameClaims,
    assuranceOf: fromTable(eidasAssurance),
  },
  {
    // Singpass FAPI 2.0 (mandatory for every relying party by 31 December 2026).
    name: 'singpass',
    scope: 'openid user.identity name',
    acrValues: 'urn:singpass:authentication:loa:2',
    usesPushedAuthorization: true,
    usesDpop: true,
    expectsEncryptedResponses: true,
    userinfo: 'if-name-missing',
    nationalIdClaims: [['sub_attributes', 'identity_number']],
    nameClaims,
    assuranceOf: fromTable({
      'urn:singpass:authentication:loa:3': 'high',
      'urn:singpass:authentication:loa:2': 'substantial',
      'urn:singpass:authentication:loa:1': 'low',
    }),
  },
  {
    // MyDigital ID (Malaysia): plain OIDC with private_key_jwt. Its claim names are not public; see 0009.
    name: 'mydigital-id',
    scope: 'openid profile',
    acrValues: undefined,
    usesPushedAuthorization: false,
    usesDpop: false,
    expectsEncryptedResponses: false,
    userinfo: 'always',
    nationalIdClaims: [['nric'], ['mykad'], ['national_id']],
    nameClaims,
    assuranceOf: fromTable(eidasAssurance),
  },
  {
    // MOSIP eSignet (PhilSys and other MOSIP national IDs): code + PKCE + private_key_jwt; the
    // subject is a partner-specific token, the identifier a claim released with consent.
    name: 'esignet',
    scope: 'openid profile',
    acrValues: 'mosip:idp:acr:generated-code mosip:idp:acr:biometrics',
    usesPushedAuthorization: false,
    usesDpop: false,
    expectsEncryptedResponses: false,
    userinfo: 'always',
    nationalIdClaims: [['individual_id']],
    nameClaims,
    assuranceOf: fromTable({
      'mosip:idp:acr:biometrics': 'high',
      'mosip:idp:acr:linked-wallet': 'high',
      'mosip:idp:acr:generated-code': 'substantial',
      'mosip:idp:acr:static-code': 'low',
    }),
  },
];

export function oidcProfile(name: OidcProfileName): OidcProfile {
  const profile = oidcProfileList.find((candidate) => candidate.name === name);
  if (profile === undefined) throw new Error(`no OIDC profile named ${name}`);
  return profile;
}

/** The first string found at one of `paths` in `claims`. */
export function findClaim(
  claims: Readonly<Record<string, unknown>>,
  paths: readonly (readonly string[])[],
): string | undefined {
  for (const path of paths) {
    let value: unknown = claims;
    for (const key of path) {
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    }
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}
