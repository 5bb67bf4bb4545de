// Homeward's domain rules: pure functions and data, no I/O, no clock, no randomness.

export {
  type Actor,
  type AssuranceLevel,
  type CitizenActor,
  isStaffRole,
  type Role,
  roleOf,
  type StaffActor,
  type StaffRole,
  staffRoles,
} from './access/actor.js';
export type { Clock } from './clock.js';
export {
  isOrganisationKind,
  mayBeParentOf,
  needsParent,
  type OrganisationKind,
  organisationKinds,
} from './organisations/organisation-kinds.js';
