// The provider profiles: where the national id is read from, and how acr/amr become assurance.
import { describe, expect, test } from 'vitest';
import { findClaim, oidcProfile, oidcProfileList } from './oidc-profiles.js';

describe('assurance from the provider’s acr and amr', () => {
  test.each([
    ['singpass', 'urn:singpass:authentication:loa:3', undefined, 'high'],
    ['singpass', 'urn:singpass:authentication:loa:2', undefined, 'substantial'],
    ['singpass', 'urn:singpass:authentication:loa:1', undefined, 'low'],
    ['esignet', 'mosip:idp:acr:biometrics', undefined, 'high'],
    ['esignet', 'mosip:idp:acr:static-code', undefined, 'low'],
    ['generic', 'http://eidas.europa.eu/LoA/substantial', undefined, 'substantial'],
    ['generic', 'urn:someone:made:this:up', undefined, 'low'],
    ['generic', undefined, ['pwd', 'otp'], 'substantial'],
    ['generic', undefined, ['pwd'], 'low'],
  ] as const)('%s: acr %s with amr %j is %s', (profile, acr, amr, expected) => {
    expect(oidcProfile(profile).assuranceOf(acr, amr)).toBe(expected);
  });

  test('an acr another profile knows counts for nothing in this one', () => {
    expect(oidcProfile('singpass').assuranceOf('mosip:idp:acr:biometrics', undefined)).toBe('low');
  });
});

describe('reading claims', () => {
  test('the Singpass national id is read from sub_attributes, never from sub', () => {
    const claims = { sub: 'opaque-123', sub_attributes: { identity_number: 'S0000001A', identity_coi: 'SG' } };
    expect(findClaim(claims, oidcProfile('singpass').nationalIdClaims)).toBe('S0000001A');
    expect(findClaim({ sub: 'S0000001A' }, oidcProfile('singpass').nationalIdClaims)).toBeUndefined();
  });

  test('the first non-empty path wins and blank values are skipped', () => {
    expect(
      findClaim({ name: '  ', sub_attributes: { name: 'Aster Demo' } }, [['name'], ['sub_attributes', 'name']]),
    ).toBe('Aster Demo');
    expect(findClaim({ name: 42 }, [['name']])).toBeUndefined();
  });

  test('only FAPI profiles push their requests, and they use DPoP and encryption together', () => {
    for (const profile of oidcProfileList) {
      expect(profile.usesDpop, profile.name).toBe(profile.usesPushedAuthorization);
      expect(profile.expectsEncryptedResponses, profile.name).toBe(profile.usesPushedAuthorization);
    }
    expect(oidcProfileList.filter((profile) => profile.usesPushedAuthorization).map((profile) => profile.name)).toEqual(
      ['singpass'],
    );
  });
});
