import { describe, expect, test } from 'vitest';
import type { Actor, Role, StaffActor, StaffRole } from './actor.js';
import { staffRoles } from './actor.js';
import {
  type Action,
  actions,
  decide,
  isAggregateAction,
  isPersonFreeAction,
  isSelfAction,
  mayPerform,
  permissions,
  personFreeActions,
  type ResourceFacts,
} from './policy.js';

const bangkokEmbassy = 'org-bangkok';
const shelter = 'org-shelter';
const police = 'org-police';

const citizen: Actor = { kind: 'citizen', citizenId: 'citizen-1', assurance: 'high', sessionId: 's' };
const staff = (role: StaffRole, organisationId: string, jurisdiction: string[] = []): StaffActor => ({
  kind: 'staff',
  staffId: `staff-${role}`,
  role,
  organisationId,
  jurisdiction,
  sessionId: 's',
});
const officer = staff('consular_officer', bangkokEmbassy, ['TH']);
const supervisor = staff('consular_supervisor', bangkokEmbassy, ['TH']);
const caseworker = staff('partner_caseworker', shelter);
const partnerManager = staff('partner_manager', shelter);
const liaison = staff('law_enforcement_liaison', police);
const analyst = staff('analyst', 'org-ministry');
const admin = staff('admin', 'org-ministry');

const stayInThailand: ResourceFacts = { type: 'stay', citizenId: 'citizen-1', countryCode: 'TH' };
const stayInCambodia: ResourceFacts = { type: 'stay', citizenId: 'citizen-2', countryCode: 'KH' };
const caseReferredToShelter: ResourceFacts = { type: 'case', countryCode: 'KH', referredTo: [shelter] };

describe('record-level rules', () => {
  test.each([
    ['a citizen reads their own stay', citizen, 'stay.read', stayInThailand, true, 'own_record'],
    ['a citizen cannot read another citizen’s stay', citizen, 'stay.read', stayInCambodia, false, 'not_own_record'],
    [
      'a citizen cannot read a record that names no citizen',
      citizen,
      'stay.read',
      { type: 'stay' },
      false,
      'not_own_record',
    ],
    ['an officer reads a stay in their jurisdiction', officer, 'stay.read', stayInThailand, true, 'in_jurisdiction'],
    ['an officer cannot read a stay outside it', officer, 'stay.read', stayInCambodia, false, 'outside_jurisdiction'],
    [
      'an officer reads a record their embassy is responsible for, wherever it is',
      officer,
      'alert.read',
      { type: 'alert', countryCode: 'MM', embassyId: bangkokEmbassy },
      true,
      'in_jurisdiction',
    ],
    [
      'an officer cannot read a record with no place',
      officer,
      'alert.read',
      { type: 'alert' },
      false,
      'outside_jurisdiction',
    ],
    [
      'a supervisor follows the same jurisdiction',
      supervisor,
      'case.read',
      stayInCambodia,
      false,
      'outside_jurisdiction',
    ],
    [
      'a caseworker reads a case referred to their organisation',
      caseworker,
      'case.read',
      caseReferredToShelter,
      true,
      'referred',
    ],
    ['a partner manager too', partnerManager, 'case.read', caseReferredToShelter, true, 'referred'],
    [
      'a caseworker cannot read a case not referred to them',
      caseworker,
      'case.read',
      { type: 'case', referredTo: [police] },
      false,
      'not_referred',
    ],
    [
      'a case with no referrals is closed to partners',
      caseworker,
      'case.read',
      { type: 'case', countryCode: 'TH' },
      false,
      'not_referred',
    ],
    [
      'a liaison reads a case referred to their unit',
      liaison,
      'case.read',
      { type: 'case', referredTo: [police] },
      true,
      'referred',
    ],
    ['a liaison cannot read other cases', liaison, 'case.read', caseReferredToShelter, false, 'not_referred'],
    [
      'a caseworker cannot read stays at all',
      caseworker,
      'stay.read',
      { ...stayInThailand, referredTo: [shelter] },
      false,
      'role_not_permitted',
    ],
    ['an analyst reads aggregates', analyst, 'case.aggregate', { type: 'case' }, true, 'aggregate'],
    ['an analyst cannot read a case', analyst, 'case.read', caseReferredToShelter, false, 'aggregates_only'],
    ['an analyst cannot read a citizen', analyst, 'citizen.read', stayInThailand, false, 'aggregates_only'],
    ['an analyst reads their own staff account', analyst, 'staff.read_self', { type: 'staff_member' }, true, 'self'],
    [
      'a citizen cannot use a staff self action',
      citizen,
      'staff.read_self',
      { type: 'staff_member' },
      false,
      'role_not_permitted',
    ],
    ['an admin invites staff', admin, 'staff.invite', { type: 'staff_member' }, true, 'administration'],
    ['an admin holds no casework action', admin, 'case.read', caseReferredToShelter, false, 'role_not_permitted'],
    ['an officer cannot invite staff', officer, 'staff.invite', { type: 'staff_member' }, false, 'role_not_permitted'],
    [
      'an analyst moderates registry reports, which hold no citizen’s record',
      analyst,
      'registry.moderate',
      { type: 'registry_report' },
      true,
      'person_free',
    ],
    [
      'an officer moderates registry reports wherever the recruiter is',
      officer,
      'registry.moderate',
      { type: 'registry_report', countryCode: 'KH' },
      true,
      'person_free',
    ],
    [
      'a supervisor moderates registry reports',
      supervisor,
      'registry.moderate',
      { type: 'registry_report' },
      true,
      'person_free',
    ],
    [
      'a caseworker cannot moderate the registry',
      caseworker,
      'registry.moderate',
      { type: 'registry_report', referredTo: [shelter] },
      false,
      'role_not_permitted',
    ],
    [
      'a liaison cannot moderate the registry',
      liaison,
      'registry.moderate',
      { type: 'registry_report' },
      false,
      'role_not_permitted',
    ],
    [
      'an admin cannot moderate the registry',
      admin,
      'registry.moderate',
      { type: 'registry_report' },
      false,
      'role_not_permitted',
    ],
    [
      'a citizen cannot moderate the registry, not even a report about themselves',
      citizen,
      'registry.moderate',
      { type: 'registry_report', citizenId: 'citizen-1' },
      false,
      'role_not_permitted',
    ],
  ] as const)('%s', (_name, actor, action, resource, allowed, reason) => {
    expect(decide(actor, action, resource)).toEqual({ allowed, reason });
  });
});

describe('the role table', () => {
  const roles: readonly Role[] = ['citizen', ...staffRoles];

  test('analysts are granted aggregate, self and person-free actions only, even if the table said otherwise', () => {
    for (const action of actions) {
      expect(mayPerform('analyst', action).allowed).toBe(
        (isAggregateAction(action) || isSelfAction(action) || isPersonFreeAction(action)) &&
          permissions[action].includes('analyst'),
      );
    }
  });

  test('the person-free exception stays deliberate: only registry moderation, and no citizen action', () => {
    expect(personFreeActions).toEqual(['registry.moderate']);
    for (const action of personFreeActions) {
      expect(isAggregateAction(action) || isSelfAction(action)).toBe(false);
      expect(permissions[action]).not.toContain('citizen');
    }
  });

  test('every action names at least one role, and only known roles', () => {
    for (const action of actions) {
      expect(permissions[action].length).toBeGreaterThan(0);
      for (const role of permissions[action]) expect(roles).toContain(role);
    }
  });

  test('a role absent from an action’s list is refused whatever the record says', () => {
    const everything: ResourceFacts = {
      type: 'case',
      citizenId: 'citizen-1',
      countryCode: 'TH',
      embassyId: bangkokEmbassy,
      referredTo: [shelter, police, bangkokEmbassy],
    };
    const actors: Actor[] = [citizen, officer, supervisor, caseworker, partnerManager, liaison, analyst, admin];
    for (const actor of actors) {
      for (const action of actions as readonly Action[]) {
        const role = actor.kind === 'citizen' ? 'citizen' : actor.role;
        if (!permissions[action].includes(role)) expect(decide(actor, action, everything).allowed).toBe(false);
      }
    }
  });
});
