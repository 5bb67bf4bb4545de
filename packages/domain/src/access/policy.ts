// Who may do what: the one place Homeward answers "may this actor do this action on this resource".
// Two layers, both deny-by-default: a table of which roles may perform each action (checked by the
// HTTP layer from each route's declared action), and a record-level rule per role (checked by the
// route through request.authorize with the facts of the record). See docs/decisions/0008-sessions-and-access-policy.md.
import { type Actor, type Role, roleOf } from './actor.js';

/**
 * Every action a route may declare. Extend this list (and `permissions` below) when you add a route.
 * Actions ending in `.aggregate` return only counts and statistics, never a person's record.
 */
export const actions = [
  'organisation.read',
  'staff.invite',
  'staff.list',
  'staff.recover',
  'staff.disable',
  'audit.read',
  'session.revoke_others',
  'staff.read_self',
  'citizen.read_self',
  'citizen.read',
  'stay.read',
  'stay.manage',
  'stay.reassign',
  'check_in.record',
  'alert.read',
  'alert.act',
  'case.read',
  'case.aggregate',
  'stay.aggregate',
  'registry.moderate',
  'delivery.read',
  'delivery.retry',
] as const;

export type Action = (typeof actions)[number];

export function isAction(value: string): value is Action {
  return (actions as readonly string[]).includes(value);
}

/** Aggregate actions answer with counts only, so an analyst may perform them and nothing else. */
export function isAggregateAction(action: Action): boolean {
  return action.endsWith('.aggregate');
}

/**
 * Self actions (`*_self`) touch only the actor's own account, which the route finds from the session,
 * never from the request: every role that holds one may perform it, analysts included.
 */
export function isSelfAction(action: Action): boolean {
  return action.endsWith('_self');
}

/**
 * Actions on records that describe no citizen, so the aggregates-only rule for analysts does not apply:
 * moderating the registry of reported recruiters reads reports about recruiters, phone numbers,
 * companies and links, and the registry keeps no reporter identity (only a keyed hash, never shown).
 * A deliberate, short list: adding an action here hands it to every role the table names, analysts
 * included. See docs/decisions/0013-recruiter-registry.md.
 */
export const personFreeActions: readonly Action[] = ['registry.moderate'];

/** Whether an action touches only records that describe no citizen (see {@link personFreeActions}). */
export function isPersonFreeAction(action: Action): boolean {
  return personFreeActions.includes(action);
}

const consular = ['consular_officer', 'consular_supervisor'] as const;
const partners = ['partner_caseworker', 'partner_manager'] as const;

/** Which roles may perform each action at all. A role missing from an action's list is refused. */
export const permissions: Readonly<Record<Action, readonly Role[]>> = {
  'organisation.read': ['citizen', ...consular, ...partners, 'law_enforcement_liaison', 'analyst', 'admin'],
  'staff.invite': ['admin'],
  'staff.list': ['admin'],
  'staff.recover': ['admin'],
  'staff.disable': ['admin'],
  'audit.read': ['admin'],
  'session.revoke_others': ['admin'],
  'staff.read_self': [...consular, ...partners, 'law_enforcement_liaison', 'analyst', 'admin'],
  'citizen.read_self': ['citizen'],
  'citizen.read': [...consular],
  'stay.read': ['citizen', ...consular],
  'stay.manage': ['citizen'],
  // Moving a stay to another embassy or consulate: a supervisor's call, for a stay in their jurisdiction.
  'stay.reassign': ['consular_supervisor'],
  'check_in.record': ['citizen'],
  'alert.read': [...consular],
  'alert.act': [...consular],
  'case.read': ['citizen', ...consular, ...partners, 'law_enforcement_liaison'],
  'case.aggregate': ['analyst', 'consular_supervisor'],
  'stay.aggregate': ['analyst', 'consular_supervisor'],
  'registry.moderate': ['analyst', ...consular],
  // Messages that could not be delivered (who, never what): the embassy's staff see and retry their own.
  'delivery.read': [...consular],
  'delivery.retry': [...consular],
};

/**
 * How a role's access to individual records is limited:
 * - `own`: citizens, only records about themselves (resource.citizenId);
 * - `jurisdiction`: consular staff, only records in their organisation's jurisdiction
 *   (resource.countryCode in the actor's jurisdiction, or resource.embassyId their organisation);
 * - `referred`: partners and law-enforcement liaisons, only records referred to their organisation
 *   (resource.referredTo, filled from referral grants by the case module);
 * - `aggregates`: analysts, no individual record at all;
 * - `administration`: admins, who manage staff and read the audit log but hold no casework actions.
 */
export type RecordRule = 'own' | 'jurisdiction' | 'referred' | 'aggregates' | 'administration';

export const recordRules: Readonly<Record<Role, RecordRule>> = {
  citizen: 'own',
  consular_officer: 'jurisdiction',
  consular_supervisor: 'jurisdiction',
  partner_caseworker: 'referred',
  partner_manager: 'referred',
  // A liaison sees the cases whose survivor consented to support a prosecution: a referral to their unit.
  law_enforcement_liaison: 'referred',
  analyst: 'aggregates',
  admin: 'administration',
};

/** What the record-level rules need to know about a record; fill in what applies. */
export interface ResourceFacts {
  /** e.g. 'stay', 'alert', 'case', 'citizen', 'staff_member'. */
  readonly type: string;
  readonly id?: string;
  /** The citizen the record is about. */
  readonly citizenId?: string;
  /** ISO 3166-1 alpha-2 country the record is located in (a stay's destination). */
  readonly countryCode?: string;
  /** The embassy or consulate responsible for the record. */
  readonly embassyId?: string;
  /** Organisations the record was referred to (referral grants); the case module fills it. */
  readonly referredTo?: readonly string[];
}

/** A short machine code saying why; audited with denials, never personal data. */
export type DecisionReason =
  | 'role_permitted'
  | 'role_not_permitted'
  | 'aggregates_only'
  | 'own_record'
  | 'not_own_record'
  | 'in_jurisdiction'
  | 'outside_jurisdiction'
  | 'referred'
  | 'not_referred'
  | 'aggregate'
  | 'self'
  | 'person_free'
  | 'administration';

export interface Decision {
  readonly allowed: boolean;
  readonly reason: DecisionReason;
}

const allow = (reason: DecisionReason): Decision => ({ allowed: true, reason });
const deny = (reason: DecisionReason): Decision => ({ allowed: false, reason });

/**
 * Whether a role may perform an action at all (the route-level check). Analysts are held to
 * aggregate actions here too, so a slip in the table cannot hand them a person's record; the
 * exceptions are their own account (`*_self`) and the short list of person-free actions.
 */
export function mayPerform(role: Role, action: Action): Decision {
  if (
    recordRules[role] === 'aggregates' &&
    !isAggregateAction(action) &&
    !isSelfAction(action) &&
    !isPersonFreeAction(action)
  ) {
    return deny('aggregates_only');
  }
  return permissions[action].includes(role) ? allow('role_permitted') : deny('role_not_permitted');
}

/**
 * Whether this actor may perform this action on this record. The role must be permitted the action,
 * then the role's record rule must hold. Aggregate actions carry no record, self actions only the
 * actor's own, and person-free actions no citizen's record, so for those the role decides alone.
 *
 * ```ts
 * decide(officerInBangkok, 'stay.read', { type: 'stay', countryCode: 'TH' }); // { allowed: true, reason: 'in_jurisdiction' }
 * decide(officerInBangkok, 'stay.read', { type: 'stay', countryCode: 'KH' }); // { allowed: false, reason: 'outside_jurisdiction' }
 * ```
 */
export function decide(actor: Actor, action: Action, resource: ResourceFacts): Decision {
  const role = roleOf(actor);
  const byRole = mayPerform(role, action);
  if (!byRole.allowed) return byRole;
  if (isAggregateAction(action)) return allow('aggregate');
  if (isSelfAction(action)) return allow('self');
  if (isPersonFreeAction(action)) return allow('person_free');
  switch (recordRules[role]) {
    case 'own':
      return actor.kind === 'citizen' && resource.citizenId === actor.citizenId
        ? allow('own_record')
        : deny('not_own_record');
    case 'jurisdiction':
      return actor.kind === 'staff' && isInJurisdiction(actor.organisationId, actor.jurisdiction, resource)
        ? allow('in_jurisdiction')
        : deny('outside_jurisdiction');
    case 'referred':
      return actor.kind === 'staff' && (resource.referredTo ?? []).includes(actor.organisationId)
        ? allow('referred')
        : deny('not_referred');
    case 'aggregates':
      return deny('aggregates_only');
    case 'administration':
      return allow('administration');
  }
}

function isInJurisdiction(organisationId: string, jurisdiction: readonly string[], resource: ResourceFacts): boolean {
  if (resource.embassyId !== undefined && resource.embassyId === organisationId) return true;
  return resource.countryCode !== undefined && jurisdiction.includes(resource.countryCode);
}
