// The passkey ceremonies as the HTTP layer drives them: a registration with a link's token, and a login.
// Challenges are stored, single-use and short-lived; counters only move forward. See docs/decisions/0010-staff-login.md.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { getStaffMember, type StaffMember, setStaffStatus } from '../accounts/account-repository.js';
import type { AuditActor } from '../audit/audit-log.js';
import { Problem } from '../http/problem.js';
import {
  authenticationOptions,
  challengeLifetimeMilliseconds,
  registrationOptions,
  staffIdOfUserHandle,
  verifyAuthentication,
  verifyRegistration,
} from './passkey-ceremonies.js';
import { hashRegistrationToken } from './registration-links.js';
import { audit, type StaffLoginContext, staffLoginProblems } from './staff-login-context.js';
import {
  advancePasskeyCounter,
  findOrganisationName,
  findPasskey,
  findRegistrationLinkByTokenHash,
  insertChallenge,
  insertPasskey,
  listActivePasskeyIds,
  type RegistrationLinkRow,
  takeChallenge,
  useRegistrationLink,
} from './staff-login-repository.js';

export type LinkState = 'open' | 'used' | 'expired' | 'revoked';

export function stateOfLink(link: RegistrationLinkRow, now: Date): LinkState {
  if (link.used_at !== null) return 'used';
  if (link.revoked_at !== null) return 'revoked';
  return link.expires_at.getTime() <= now.getTime() ? 'expired' : 'open';
}

/** What the holder of a link may see before registering: whose account it opens and whether it still works. */
export async function inspectRegistrationLink(context: StaffLoginContext, token: string, now: Date) {
  const link = await findRegistrationLinkByTokenHash(context.db, hashRegistrationToken(token));
  if (!link) throw staffLoginProblems.linkUnknown();
  const member = await getStaffMember(context.db, link.staff_id);
  if (!member) throw staffLoginProblems.linkUnknown();
  return {
    state: member.status === 'disabled' ? ('revoked' as const) : stateOfLink(link, now),
    purpose: link.purpose,
    expiresAt: link.expires_at.toISOString(),
    email: member.email,
    displayName: member.displayName,
    role: member.role,
    organisationName: (await findOrganisationName(context.db, member.organisationId)) ?? '',
  };
}

/** Starts a registration with a link's token: the options for the browser and the ceremony id. */
export async function startRegistration(context: StaffLoginContext, token: string, now: Date) {
  const link = await findRegistrationLinkByTokenHash(context.db, hashRegistrationToken(token));
  if (!link) throw staffLoginProblems.linkUnknown();
  const member = await getStaffMember(context.db, link.staff_id);
  if (!member || member.status === 'disabled' || stateOfLink(link, now) !== 'open') {
    throw staffLoginProblems.linkNotUsable();
  }
  const existing = await listActivePasskeyIds(context.db, member.id);
  const options = await registrationOptions(
    context.relyingParty,
    { staffId: member.id, email: member.email, displayName: member.displayName },
    existing,
  );
  const ceremonyId = await insertChallenge(
    context.db,
    {
      purpose: 'registration',
      challenge: options.challenge,
      registrationLinkId: link.id,
      expiresAt: new Date(now.getTime() + challengeLifetimeMilliseconds),
    },
    now,
  );
  return { ceremonyId, options };
}

/**
 * Verifies the new passkey and, in one transaction, uses up the link, stores the passkey and activates
 * the member. Returns the member, for whom the caller then opens a session.
 */
export async function finishRegistration(
  context: StaffLoginContext,
  input: { readonly token: string; readonly ceremonyId: string; readonly response: RegistrationResponseJSON },
  now: Date,
): Promise<StaffMember> {
  const challenge = await takeChallenge(context.db, input.ceremonyId, 'registration');
  const link = await findRegistrationLinkByTokenHash(context.db, hashRegistrationToken(input.token));
  const anonymous: AuditActor = { kind: 'anonymous' };
  if (!link) throw staffLoginProblems.linkUnknown();
  if (!challenge || challenge.registration_link_id !== link.id || challenge.expires_at.getTime() <= now.getTime()) {
    await audit(context.db, context, anonymous, 'staff.passkey_register', link.staff_id, 'failure', 'ceremony_expired');
    throw staffLoginProblems.ceremonyExpired();
  }
  const verified = await verifyRegistration(context.relyingParty, input.response, challenge.challenge);
  if ('failure' in verified) {
    await audit(context.db, context, anonymous, 'staff.passkey_register', link.staff_id, 'failure', verified.failure);
    throw new Problem(
      400,
      'passkey-not-verified',
      'Passkey not verified',
      'The passkey could not be verified; try again.',
    );
  }
  const member = await context.db.transaction().execute(async (transaction) => {
    const owner = await getStaffMember(transaction, link.staff_id);
    if (!owner || owner.status === 'disabled' || !(await useRegistrationLink(transaction, link.id, now))) {
      return undefined;
    }
    await insertPasskey(transaction, { ...verified.passkey, staffId: owner.id });
    if (owner.status === 'invited') await setStaffStatus(transaction, owner.id, 'active');
    const registeredBy: AuditActor = { kind: 'staff', id: owner.id };
    await audit(transaction, context, registeredBy, 'staff.passkey_register', owner.id, 'success');
    return { ...owner, status: 'active' as const };
  });
  if (!member) {
    await audit(context.db, context, anonymous, 'staff.passkey_register', link.staff_id, 'failure', 'link_not_usable');
    throw staffLoginProblems.linkNotUsable();
  }
  return member;
}

/** Starts a login: options without allowCredentials, so the authenticator offers its passkeys. */
export async function startLogin(context: StaffLoginContext, now: Date) {
  const options = await authenticationOptions(context.relyingParty);
  const ceremonyId = await insertChallenge(
    context.db,
    {
      purpose: 'authentication',
      challenge: options.challenge,
      registrationLinkId: null,
      expiresAt: new Date(now.getTime() + challengeLifetimeMilliseconds),
    },
    now,
  );
  return { ceremonyId, options };
}

/**
 * Verifies a passkey assertion: a known, unrevoked credential of an active member, signed over our
 * challenge with user verification, and a signature counter that moved forward. Every refusal is the
 * same 401 to the caller; the audit log keeps the reason.
 */
export async function finishLogin(
  context: StaffLoginContext,
  input: { readonly ceremonyId: string; readonly response: AuthenticationResponseJSON },
  now: Date,
): Promise<StaffMember> {
  const anonymous: AuditActor = { kind: 'anonymous' };
  const refuse = async (reason: string, staffId?: string): Promise<never> => {
    await audit(context.db, context, anonymous, 'staff.login', staffId, 'failure', reason);
    throw staffLoginProblems.passkeyNotAccepted();
  };
  const challenge = await takeChallenge(context.db, input.ceremonyId, 'authentication');
  if (!challenge || challenge.expires_at.getTime() <= now.getTime()) {
    await audit(context.db, context, anonymous, 'staff.login', undefined, 'failure', 'ceremony_expired');
    throw staffLoginProblems.ceremonyExpired();
  }
  const passkey = await findPasskey(context.db, input.response.id);
  if (!passkey) return refuse('unknown_credential');
  if (passkey.revoked_at !== null) return refuse('credential_revoked', passkey.staff_id);
  const userHandle = input.response.response.userHandle;
  if (userHandle !== undefined && staffIdOfUserHandle(userHandle) !== passkey.staff_id) {
    return refuse('user_handle_mismatch', passkey.staff_id);
  }
  const member = await getStaffMember(context.db, passkey.staff_id);
  if (member?.status !== 'active') return refuse('staff_not_active', passkey.staff_id);
  const counter = Number(passkey.counter);
  const verified = await verifyAuthentication(context.relyingParty, input.response, challenge.challenge, {
    credentialId: passkey.credential_id,
    publicKey: passkey.public_key,
    counter,
    transports: passkey.transports,
  });
  if ('failure' in verified) return refuse(verified.failure, member.id);
  const isCounted = await context.db.transaction().execute(async (transaction) => {
    if (!(await advancePasskeyCounter(transaction, passkey.credential_id, counter, verified.newCounter, now))) {
      return false;
    }
    await audit(transaction, context, { kind: 'staff', id: member.id }, 'staff.login', member.id, 'success');
    return true;
  });
  // Another login moved the counter between our read and our write: the same assertion twice.
  if (!isCounted) return refuse('counter_race', member.id);
  return member;
}
