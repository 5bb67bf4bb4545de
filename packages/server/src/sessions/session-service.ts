// Server-side sessions: created at login, found from the cookie's token on each request, revoked at
// logout. Only a SHA-256 of the token is stored, so a copy of the table yields no usable cookie.
// See docs/decisions/0008-sessions-and-access-policy.md.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor, AssuranceLevel } from '@homeward/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { recordAudit } from '../audit/audit-log.js';
import type { Config } from '../config/config.js';
import type { Database } from '../database/database-schema.js';
import { prepareAs } from '../database/prepared-statements.js';

type Executor = Kysely<Database> | Transaction<Database>;

export type SessionConfig = Pick<Config, 'session'>;

/** Whose session: a citizen (with the assurance of this login) or a staff member. */
export type SessionSubject =
  | { readonly kind: 'citizen'; readonly citizenId: string; readonly assurance: AssuranceLevel }
  | { readonly kind: 'staff'; readonly staffId: string };

/** A subject whose sessions are revoked all at once (logout everywhere, a disabled staff member). */
export type SessionOwner =
  | { readonly kind: 'citizen'; readonly citizenId: string }
  | { readonly kind: 'staff'; readonly staffId: string };

export interface NewSession {
  readonly sessionId: string;
  /** Goes into the cookie (setSessionCookie) and nowhere else; never log it. */
  readonly token: string;
  /** The synchronizer token the client echoes in `x-csrf-token` on writes. */
  readonly csrfToken: string;
  /** When the session ends if unused (the idle limit), never later than the absolute limit. */
  readonly expiresAt: Date;
}

export interface SessionContext {
  readonly now?: Date;
  readonly requestId?: string;
}

/** How often a session's last_seen_at is written: at most once a minute, not on every request. */
const touchIntervalMs = 60_000;

export function hashSessionToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Starts a session for a subject who just proved who they are, and audits it (`session.create`).
 * Call it in the login's transaction, then `setSessionCookie(reply, session.token, config)`.
 */
export async function createSession(
  db: Executor,
  config: SessionConfig,
  subject: SessionSubject,
  context: SessionContext = {},
): Promise<NewSession> {
  const now = context.now ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const sessionId = randomUUID();
  const absoluteExpiry = new Date(now.getTime() + config.session.absoluteHours * 3_600_000);
  await db
    .insertInto('session')
    .values({
      id: sessionId,
      token_hash: hashSessionToken(token),
      csrf_token: csrfToken,
      citizen_id: subject.kind === 'citizen' ? subject.citizenId : null,
      staff_id: subject.kind === 'staff' ? subject.staffId : null,
      assurance: subject.kind === 'citizen' ? subject.assurance : null,
      created_at: now,
      last_seen_at: now,
      expires_at: absoluteExpiry,
    })
    .execute();
  await recordAudit(db, {
    actor:
      subject.kind === 'citizen' ? { kind: 'citizen', id: subject.citizenId } : { kind: 'staff', id: subject.staffId },
    action: 'session.create',
    resource: { type: 'session', id: sessionId },
    outcome: 'success',
    ...(context.requestId !== undefined && { requestId: context.requestId }),
  });
  return { sessionId, token, csrfToken, expiresAt: effectiveExpiry(config, now, absoluteExpiry) };
}

export interface ActiveSession {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/**
 * The live session a cookie token belongs to, as the request's actor; undefined when the token is
 * unknown, revoked, past its idle or absolute limit, or its staff member is no longer active.
 * Slides the idle limit by writing last_seen_at, at most once a minute.
 */
export async function findActiveSession(
  db: Kysely<Database>,
  config: SessionConfig,
  token: string,
  now: Date,
): Promise<ActiveSession | undefined> {
  const row = await db
    .selectFrom('session')
    // Every authenticated request runs this lookup: prepared once per connection (database/prepared-statements.ts).
    .modifyFront(sql.raw(prepareAs('session_lookup')))
    .leftJoin('staff_member', 'staff_member.id', 'session.staff_id')
    .leftJoin('organisation', 'organisation.id', 'staff_member.organisation_id')
    .select([
      'session.id',
      'session.csrf_token',
      'session.citizen_id',
      'session.staff_id',
      'session.assurance',
      'session.last_seen_at',
      'session.expires_at',
      'session.revoked_at',
      'staff_member.role',
      'staff_member.status',
      'staff_member.organisation_id',
      'organisation.jurisdiction',
    ])
    .where('session.token_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  const idleExpiry = new Date(row.last_seen_at.getTime() + config.session.idleMinutes * 60_000);
  if (now >= row.expires_at || now >= idleExpiry) return undefined;

  let actor: Actor;
  if (row.citizen_id !== null && row.assurance !== null) {
    actor = { kind: 'citizen', citizenId: row.citizen_id, assurance: row.assurance, sessionId: row.id };
  } else if (row.staff_id !== null && row.role !== null && row.organisation_id !== null && row.status === 'active') {
    actor = {
      kind: 'staff',
      staffId: row.staff_id,
      role: row.role,
      organisationId: row.organisation_id,
      jurisdiction: row.jurisdiction ?? [],
      sessionId: row.id,
    };
  } else {
    return undefined;
  }

  let lastSeenAt = row.last_seen_at;
  if (now.getTime() - row.last_seen_at.getTime() >= touchIntervalMs) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now })
      .where('id', '=', row.id)
      .where('last_seen_at', '<', now)
      .execute();
    lastSeenAt = now;
  }
  return { actor, csrfToken: row.csrf_token, expiresAt: effectiveExpiry(config, lastSeenAt, row.expires_at) };
}

/** Ends one session. Returns whether it was live. */
export async function revokeSession(db: Executor, sessionId: string, now: Date = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('session')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends every session of a citizen or staff member (logout everywhere). Returns how many were live. */
export async function revokeSessionsOf(db: Executor, owner: SessionOwner, now: Date = new Date()): Promise<number> {
  let query = db.updateTable('session').set({ revoked_at: now }).where('revoked_at', 'is', null);
  query =
    owner.kind === 'citizen'
      ? query.where('citizen_id', '=', owner.citizenId)
      : query.where('staff_id', '=', owner.staffId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function effectiveExpiry(config: SessionConfig, lastSeenAt: Date, absoluteExpiry: Date): Date {
  const idleExpiry = new Date(lastSeenAt.getTime() + config.session.idleMinutes * 60_000);
  return idleExpiry < absoluteExpiry ? idleExpiry : absoluteExpiry;
}
