// The staff list admins work from: who is on the staff, in which state, with how many passkeys and
// whether a registration link is open, so an admin can find whom to recover or disable. Reading it reads
// every member's email, so each page read is audited (decision 0010).
import type { AuditActor } from '../audit/audit-log.js';
import { Problem } from '../http/problem.js';
import { audit, type Executor, type StaffLoginContext } from './staff-login-context.js';
import type { ListStaffQuery, StaffList, StaffListItem } from './staff-login-schemas.js';

export const defaultStaffPageSize = 50;

/**
 * Where a page ends, as the sort key of its last row: organisation name, member name, member id. Keyset
 * pagination, not an offset, so a member invited or disabled between two pages neither repeats nor drops
 * out, and a late page costs what the first one does.
 */
type PagePosition = readonly [organisationName: string, displayName: string, staffId: string];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const pageCursorInvalid = () =>
  new Problem(
    400,
    'page-cursor-invalid',
    'Invalid page cursor',
    'The cursor is not one this list handed out. Start again from the first page.',
  );

export function encodePageCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodePageCursor(cursor: string): PagePosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw pageCursorInvalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw pageCursorInvalid();
  const [organisationName, displayName, staffId]: unknown[] = decoded;
  if (
    typeof organisationName !== 'string' ||
    typeof displayName !== 'string' ||
    typeof staffId !== 'string' ||
    !uuidPattern.test(staffId)
  ) {
    throw pageCursorInvalid();
  }
  return [organisationName, displayName, staffId];
}

/** One page of staff members, sorted by organisation name, then member name (then id, to break ties). */
export async function selectStaffPage(db: Executor, query: ListStaffQuery, now: Date) {
  const limit = query.limit ?? defaultStaffPageSize;
  const after = query.cursor === undefined ? undefined : decodePageCursor(query.cursor);
  let select = db
    .selectFrom('staff_member')
    .innerJoin('organisation', 'organisation.id', 'staff_member.organisation_id')
    // At most one link is open per member (a new one withdraws the others); the lateral join's limit
    // keeps a row per member even if two recoveries once raced.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('staff_registration_link')
          .select(['staff_registration_link.purpose', 'staff_registration_link.expires_at'])
          .whereRef('staff_registration_link.staff_id', '=', 'staff_member.id')
          .where('staff_registration_link.used_at', 'is', null)
          .where('staff_registration_link.revoked_at', 'is', null)
          .where('staff_registration_link.expires_at', '>', now)
          .orderBy('staff_registration_link.expires_at', 'desc')
          .limit(1)
          .as('open_link'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'staff_member.id',
      'staff_member.display_name',
      'staff_member.email',
      'staff_member.role',
      'staff_member.organisation_id',
      'organisation.name as organisation_name',
      'staff_member.status',
      'staff_member.is_demo',
      'staff_member.created_at',
      'open_link.purpose as link_purpose',
      'open_link.expires_at as link_expires_at',
      eb
        .selectFrom('staff_passkey')
        .select((inner) => inner.cast<number>(inner.fn.countAll(), 'integer').as('count'))
        .whereRef('staff_passkey.staff_id', '=', 'staff_member.id')
        .where('staff_passkey.revoked_at', 'is', null)
        .as('active_passkeys'),
    ])
    .orderBy('organisation.name')
    .orderBy('staff_member.display_name')
    .orderBy('staff_member.id')
    // One more than the page, to know whether another page follows.
    .limit(limit + 1);
  if (query.organisationId !== undefined)
    select = select.where('staff_member.organisation_id', '=', query.organisationId);
  if (query.status !== undefined) select = select.where('staff_member.status', '=', query.status);
  if (after !== undefined) {
    select = select.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('organisation.name', 'staff_member.display_name', 'staff_member.id'), '>', tuple(...after)),
    );
  }
  const rows = await select.execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodePageCursor([last.organisation_name, last.display_name, last.id])
        : null,
  };
}

/** A page of the staff list, with its audit entry in the same transaction as the read. */
export async function listStaffMembers(
  context: StaffLoginContext,
  actor: AuditActor,
  query: ListStaffQuery,
  now: Date,
): Promise<StaffList> {
  return context.db.transaction().execute(async (transaction) => {
    const { rows, nextCursor } = await selectStaffPage(transaction, query, now);
    await audit(transaction, context, actor, 'staff.list', undefined, 'success');
    const items = rows.map(
      (row): StaffListItem => ({
        id: row.id,
        displayName: row.display_name,
        email: row.email,
        role: row.role,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        status: row.status,
        isDemo: row.is_demo,
        activePasskeys: Number(row.active_passkeys ?? 0),
        registrationLink:
          row.link_purpose !== null && row.link_expires_at !== null
            ? { purpose: row.link_purpose, expiresAt: new Date(row.link_expires_at).toISOString() }
            : null,
        createdAt: new Date(row.created_at).toISOString(),
      }),
    );
    return { items, nextCursor };
  });
}
