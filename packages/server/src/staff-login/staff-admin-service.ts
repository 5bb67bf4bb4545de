// Staff administration: invitations, recovery an admin controls, disabling, and the demo-only staff
// accounts. Each writes its rows and its audit entry in one transaction. See docs/decisions/0010-staff-login.md.
import type { StaffRole } from '@homeward/domain';
import type { Transaction } from 'kysely';
import {
  createStaffMember,
  findStaffByEmail,
  getStaffMember,
  normaliseEmail,
  type StaffMember,
  setStaffStatus,
} from '../accounts/account-repository.js';
import type { AuditActor } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { registrationEmail } from './registration-email.js';
import {
  hashRegistrationToken,
  newRegistrationToken,
  registrationLinkExpiry,
  registrationLinkUrl,
} from './registration-links.js';
import {
  audit,
  auditingRefusals,
  type Executor,
  isUniqueViolation,
  Refusal,
  type StaffLoginContext,
  smtpErrorCode,
  staffLoginProblems,
} from './staff-login-context.js';
import {
  findOrganisationName,
  insertRegistrationLink,
  revokeOpenRegistrationLinks,
  revokePasskeysOf,
} from './staff-login-repository.js';
import type { LinkDelivery } from './staff-login-schemas.js';
import type { RegistrationLinkPurpose } from './staff-login-tables.js';

export interface NewInvitation {
  readonly email: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly organisationId: string;
}

/**
 * Creates an invited staff member and a single-use invitation link, and emails the link (or, with no
 * mail server configured, returns it for the admin to pass on). `invitedBy` is the admin's staff id,
 * or null for `homeward create-admin`.
 */
export async function inviteStaffMember(
  context: StaffLoginContext,
  actor: AuditActor,
  invitedBy: string | null,
  invitation: NewInvitation,
  now: Date,
): Promise<LinkDelivery> {
  return auditingRefusals(context, actor, 'staff.invite', undefined, () =>
    context.db.transaction().execute(async (transaction) => {
      const organisationName = await findOrganisationName(transaction, invitation.organisationId);
      if (organisationName === undefined)
        throw new Refusal(staffLoginProblems.unknownOrganisation(), 'unknown_organisation');
      if (await findStaffByEmail(transaction, invitation.email)) {
        throw new Refusal(staffLoginProblems.emailTaken(), 'email_taken');
      }
      const member = await createStaffMember(transaction, {
        organisationId: invitation.organisationId,
        role: invitation.role,
        email: normaliseEmail(invitation.email),
        displayName: invitation.displayName,
        status: 'invited',
      }).catch((error: unknown) => {
        // Two invitations of one address racing: the unique constraint stops the second.
        if (isUniqueViolation(error)) throw new Refusal(staffLoginProblems.emailTaken(), 'email_taken');
        throw error;
      });
      await audit(transaction, context, actor, 'staff.invite', member.id, 'success');
      return issueRegistrationLink(transaction, context, member, organisationName, 'invitation', invitedBy, now);
    }),
  );
}

/**
 * Recovery an admin controls: every passkey and session of the member is revoked and a fresh
 * single-use link replaces any open one. A disabled member is refused (recovery must not re-enable).
 */
export async function recoverStaffMember(
  context: StaffLoginContext,
  actor: AuditActor,
  adminId: string,
  staffId: string,
  now: Date,
  revokeSessions: (executor: Executor, staffId: string) => Promise<unknown>,
): Promise<LinkDelivery> {
  return auditingRefusals(context, actor, 'staff.recover', staffId, () =>
    context.db.transaction().execute(async (transaction) => {
      const member = await getStaffMember(transaction, staffId);
      if (!member) throw new Refusal(staffLoginProblems.staffNotFound(), 'not_found');
      if (member.status === 'disabled') throw new Refusal(staffLoginProblems.staffDisabled(), 'staff_disabled');
      await revokePasskeysOf(transaction, staffId, now);
      await revokeSessions(transaction, staffId);
      await audit(transaction, context, actor, 'staff.recover', staffId, 'success');
      const organisationName = (await findOrganisationName(transaction, member.organisationId)) ?? '';
      return issueRegistrationLink(transaction, context, member, organisationName, 'recovery', adminId, now);
    }),
  );
}

/** Disables a staff member: no login, no open link, every session ended. Passkeys stay, refused. */
export async function disableStaffMember(
  context: StaffLoginContext,
  actor: AuditActor,
  adminId: string,
  staffId: string,
  now: Date,
  revokeSessions: (executor: Executor, staffId: string) => Promise<unknown>,
): Promise<StaffMember> {
  return auditingRefusals(context, actor, 'staff.disable', staffId, () =>
    context.db.transaction().execute(async (transaction) => {
      const member = await getStaffMember(transaction, staffId);
      if (!member) throw new Refusal(staffLoginProblems.staffNotFound(), 'not_found');
      if (staffId === adminId) throw new Refusal(staffLoginProblems.cannotDisableSelf(), 'self');
      await setStaffStatus(transaction, staffId, 'disabled');
      await revokeOpenRegistrationLinks(transaction, staffId, now);
      await revokeSessions(transaction, staffId);
      await audit(transaction, context, actor, 'staff.disable', staffId, 'success');
      return { ...member, status: 'disabled' as const };
    }),
  );
}

/**
 * Revokes the member's open links, stores a new one and delivers it. Inside the caller's transaction, so
 * a mail server that refuses the message leaves no invited member and no link behind.
 */
async function issueRegistrationLink(
  transaction: Transaction<Database>,
  context: StaffLoginContext,
  member: StaffMember,
  organisationName: string,
  purpose: RegistrationLinkPurpose,
  createdByStaffId: string | null,
  now: Date,
): Promise<LinkDelivery> {
  await revokeOpenRegistrationLinks(transaction, member.id, now);
  const token = newRegistrationToken();
  const expiresAt = registrationLinkExpiry(purpose, now);
  await insertRegistrationLink(transaction, {
    staffId: member.id,
    purpose,
    tokenHash: hashRegistrationToken(token),
    createdByStaffId,
    expiresAt,
  });
  const link = registrationLinkUrl(context.publicUrl, token);
  const delivered = { staffId: member.id, expiresAt: expiresAt.toISOString() };
  if (context.mailer === undefined) return { ...delivered, delivery: 'link', link };
  try {
    await context.mailer.send(registrationEmail({ purpose, member, organisationName, link, expiresAt }));
  } catch (error) {
    context.log?.warn({ smtpError: smtpErrorCode(error) }, 'registration link email not sent');
    throw new Refusal(staffLoginProblems.mailFailed(), 'mail_not_sent');
  }
  return { ...delivered, delivery: 'email' };
}

/** The demo staff account with this role, if the demo seed made one. Only reachable in demo mode. */
export async function findDemoStaffMember(db: Executor, role: StaffRole): Promise<StaffMember | undefined> {
  const row = await db
    .selectFrom('staff_member')
    .select('id')
    .where('is_demo', '=', true)
    .where('role', '=', role)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirst();
  return row && getStaffMember(db, row.id);
}

export async function listDemoStaffMembers(db: Executor) {
  return db
    .selectFrom('staff_member')
    .innerJoin('organisation', 'organisation.id', 'staff_member.organisation_id')
    .select(['staff_member.role', 'staff_member.display_name', 'organisation.name as organisation_name'])
    .where('staff_member.is_demo', '=', true)
    .where('staff_member.status', '=', 'active')
    .orderBy('staff_member.id')
    .execute();
}
