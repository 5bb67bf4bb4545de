// Page cursors of the moderation queues: the sort key of a page's last row (created_at, id), opaque to
// clients. Keyset pages, so a report arriving or decided between two pages neither repeats nor drops.
import { pageCursorInvalid } from '../staff-login/staff-list.js';

export type QueuePosition = readonly [createdAt: string, id: string];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeQueueCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position a cursor names; a 400 `page-cursor-invalid` for anything this list did not hand out. */
export function decodeQueueCursor(cursor: string): QueuePosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw pageCursorInvalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw pageCursorInvalid();
  const [createdAt, id]: unknown[] = decoded;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw pageCursorInvalid();
  if (typeof id !== 'string' || !uuidPattern.test(id)) throw pageCursorInvalid();
  return [createdAt, id];
}
