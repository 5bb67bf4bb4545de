// Homeward's domain rules: pure functions and data, no I/O, no clock, no randomness.
export type { Clock } from './clock.js';
export {
  isOrganisationKind,
  mayBeParentOf,
  needsParent,
  type OrganisationKind,
  organisationKinds,
} from './organisations/organisation-kinds.js';
