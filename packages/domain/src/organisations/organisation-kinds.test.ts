import { describe, expect, test } from 'vitest';
import {
  hasJurisdiction,
  isOrganisationKind,
  mayBeParentOf,
  needsParent,
  organisationKinds,
} from './organisation-kinds.js';

describe('organisation hierarchy', () => {
  test.each([
    ['ministry', 'embassy', true],
    ['ministry', 'consulate', true],
    ['embassy', 'consulate', true],
    ['embassy', 'embassy', false],
    ['consulate', 'embassy', false],
    ['partner', 'embassy', false],
    ['ministry', 'partner', false],
    ['embassy', 'ministry', false],
    ['ministry', 'law_enforcement', false],
    ['law_enforcement', 'embassy', false],
  ] as const)('a %s may parent a %s: %s', (parent, child, expected) => {
    expect(mayBeParentOf(parent, child)).toBe(expected);
  });

  test('no kind may be its own ancestor through a chain of allowed parents', () => {
    // Walk every allowed chain; a cycle would mean a unit could end up above itself.
    const reaches = (from: (typeof organisationKinds)[number], seen: Set<string>): boolean =>
      organisationKinds.some((parent) => {
        if (!mayBeParentOf(parent, from)) return false;
        if (seen.has(parent)) return true;
        return reaches(parent, new Set([...seen, parent]));
      });
    for (const kind of organisationKinds) expect(reaches(kind, new Set([kind]))).toBe(false);
  });

  test('embassies and consulates need a parent, ministries and partners stand alone', () => {
    expect(organisationKinds.filter(needsParent)).toEqual(['embassy', 'consulate']);
  });

  test('only embassies and consulates carry a jurisdiction', () => {
    expect(organisationKinds.filter(hasJurisdiction)).toEqual(['embassy', 'consulate']);
  });

  test('only the listed kinds are recognised', () => {
    expect(isOrganisationKind('embassy')).toBe(true);
    expect(isOrganisationKind('Embassy')).toBe(false);
    expect(isOrganisationKind('law_enforcement')).toBe(true);
    expect(isOrganisationKind('police')).toBe(false);
  });
});
