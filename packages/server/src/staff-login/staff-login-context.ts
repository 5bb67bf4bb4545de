// What the staff login services share: their context, their problems, and auditing that survives a
// rolled-back transaction. See docs/decisions/0010-staff-login.md.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { StaffMember } from '../accounts/account-repository.js';
import { type AuditActor, recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { Problem } from '../http/problem.js';
import type { Mailer } from '../mail/mailer.js';
import type { RelyingParty } from './passkey-ceremonies.js';
import { findOrganisationName } from './staff-login-repository.js';
import type { StaffProfile } from './staff-login-schemas.js';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface StaffLoginContext {
  readonly db: Kysely<Database>;
  readonly publicUrl: string;
  readonly relyingParty: RelyingParty;
  /** Absent when no SMTP server is configured: links are then handed to the admin (decision 0010). */
  readonly mailer: Mailer | undefined;
  readonly requestId?: string;
  /** For the one operational fact worth logging here: why the mail server refused (a code, no address). */
  readonly log?: Pick<FastifyBaseLogger, 'warn'>;
}

export const staffLoginProblems = {
  emailTaken: () =>
    new Problem(409, 'staff-email-taken', 'Email already in use', 'A staff member with this email already exists.'),
  unknownOrganisation: () =>
    new Problem(400, 'unknown-organisation', 'Unknown organisation', 'No organisation has this id.'),
  staffNotFound: () => new Problem(404, 'not-found', 'Not found', 'No staff member has this id.'),
  staffDisabled: () =>
    new Problem(409, 'staff-disabled', 'Staff member disabled', 'This staff member is disabled; nothing was changed.'),
  cannotDisableSelf: () =>
    new Problem(409, 'cannot-disable-self', 'Cannot disable yourself', 'Ask another admin to disable this account.'),
  linkNotUsable: () =>
    new Problem(
      410,
      'registration-link-not-usable',
      'Link no longer usable',
      'This link has expired, was already used or was withdrawn. Ask an admin for a new one.',
    ),
  linkUnknown: () =>
    new Problem(
      404,
      'registration-link-unknown',
      'Unknown link',
      'This link is not valid. Check that it was copied whole.',
    ),
  ceremonyExpired: () =>
    new Problem(
      400,
      'passkey-ceremony-expired',
      'Passkey request expired',
      'The passkey request expired; start again.',
    ),
  passkeyNotAccepted: () =>
    new Problem(401, 'passkey-not-accepted', 'Passkey not accepted', 'This passkey cannot be used to log in here.'),
  mailFailed: () =>
    new Problem(
      503,
      'mail-not-sent',
      'Email not sent',
      'The mail server did not accept the message; nothing was changed. Try again later.',
    ),
} as const;

export async function staffProfileOf(db: Executor, member: StaffMember): Promise<StaffProfile> {
  return {
    id: member.id,
    email: member.email,
    displayName: member.displayName,
    role: member.role,
    organisationId: member.organisationId,
    organisationName: (await findOrganisationName(db, member.organisationId)) ?? '',
    isDemo: member.isDemo,
  };
}

/** A refusal inside a transaction: the transaction rolls back, then the refusal is audited on its own. */
export class Refusal extends Error {
  constructor(
    readonly problem: Problem,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export async function auditingRefusals<T>(
  context: StaffLoginContext,
  actor: AuditActor,
  action: string,
  staffId: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await audit(context.db, context, actor, action, staffId, 'failure', error.reason);
    throw error.problem;
  }
}

/** nodemailer's error code (EAUTH, ECONNECTION, …) and the SMTP reply code; never its message, which may quote addresses. */
export function smtpErrorCode(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (typeof cause !== 'object' || cause === null) return 'unknown';
  const code = 'code' in cause ? String(cause.code) : 'unknown';
  return 'responseCode' in cause ? `${code} ${String(cause.responseCode)}` : code;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

export async function audit(
  db: Executor,
  context: StaffLoginContext,
  actor: AuditActor,
  action: string,
  staffId: string | undefined,
  outcome: 'success' | 'failure' | 'denied',
  reason?: string,
): Promise<void> {
  await recordAudit(db, {
    actor,
    action,
    resource: staffId === undefined ? { type: 'staff_member' } : { type: 'staff_member', id: staffId },
    outcome,
    ...(reason !== undefined && { reason }),
    ...(context.requestId !== undefined && { requestId: context.requestId }),
  });
}
