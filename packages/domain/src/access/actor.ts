// Who is acting: the subject of a session, as the policy layer sees it. Built by the server from a
// session row; the policy functions in this folder decide what each actor may do.

/** Staff roles, least to most privileged within each line of work. */
export const staffRoles = [
  'consular_officer',
  'consular_supervisor',
  'partner_caseworker',
  'partner_manager',
  'law_enforcement_liaison',
  'analyst',
  'admin',
] as const;

export type StaffRole = (typeof staffRoles)[number];
export type Role = 'citizen' | StaffRole;

/**
 * How sure we are that a citizen is who they say: `high` from the national digital ID at its highest
 * level, `substantial` from the digital ID at a lower level, `low` from a phone one-time code plus passport.
 */
export type AssuranceLevel = 'high' | 'substantial' | 'low';

export interface CitizenActor {
  readonly kind: 'citizen';
  readonly citizenId: string;
  readonly assurance: AssuranceLevel;
  readonly sessionId: string;
}

export interface StaffActor {
  readonly kind: 'staff';
  readonly staffId: string;
  readonly role: StaffRole;
  readonly organisationId: string;
  /** ISO 3166-1 alpha-2 countries the actor's organisation covers (an embassy's jurisdiction). */
  readonly jurisdiction: readonly string[];
  readonly sessionId: string;
}

export type Actor = CitizenActor | StaffActor;

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

export function roleOf(actor: Actor): Role {
  return actor.kind === 'citizen' ? 'citizen' : actor.role;
}
