// The kinds of organisation Homeward knows and how they nest: a ministry runs embassies,
// an embassy may run consulates, and partner organisations and law-enforcement units stand on their own.

/** Every kind of organisation unit, in one list from which the type and the API schema are derived. */
export const organisationKinds = ['ministry', 'embassy', 'consulate', 'partner', 'law_enforcement'] as const;

export type OrganisationKind = (typeof organisationKinds)[number];

const allowedParents: Readonly<Record<OrganisationKind, readonly OrganisationKind[]>> = {
  ministry: [],
  embassy: ['ministry'],
  consulate: ['embassy', 'ministry'],
  // A partner (NGO, IOM office, shelter, legal aid) is independent of the government: it receives
  // referrals, it is not part of the consular hierarchy.
  partner: [],
  // A police or prosecution unit (an anti-trafficking task force) answers to its own chain of command.
  law_enforcement: [],
};

/** Whether the kind must hang under a parent unit (embassies and consulates always do). */
export function needsParent(kind: OrganisationKind): boolean {
  return kind === 'embassy' || kind === 'consulate';
}

/**
 * Whether a unit of `childKind` may be placed under a unit of `parentKind`.
 *
 * ```ts
 * mayBeParentOf('ministry', 'embassy'); // true
 * mayBeParentOf('partner', 'embassy'); // false
 * ```
 */
export function mayBeParentOf(parentKind: OrganisationKind, childKind: OrganisationKind): boolean {
  return allowedParents[childKind].includes(parentKind);
}

/**
 * Whether units of this kind carry a jurisdiction (the countries whose citizens' stays they look after).
 * Only embassies and consulates do; every other kind's jurisdiction stays empty.
 */
export function hasJurisdiction(kind: OrganisationKind): boolean {
  return kind === 'embassy' || kind === 'consulate';
}

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (organisationKinds as readonly string[]).includes(value);
}
