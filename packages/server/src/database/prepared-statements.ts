// Named prepared statements for the few statements on the hottest paths (the check-in's read and write, the session
// lookup). PostgreSQL parses and plans a statement on every call unless it is prepared; for the check-in's write,
// eleven CTEs mostly empty, planning costs more than executing. A statement opts in by starting with a marker
// comment, `/* prepare:<name> */`; each pool connection then prepares it once under that name and only binds and
// executes it afterwards. The text of a named statement must never change while the process runs (node-postgres
// refuses a name reused with another text), so only statements whose SQL is fixed carry a marker.
// On PGlite there are no round trips and no pool: the marker is an ordinary comment.
import type pg from 'pg';

const markerPattern = /^\s*(?:select\s+)?\/\* prepare:([a-z0-9_]+) \*\//i;

/** The marker that makes a statement prepared: put it first in the SQL (after `select` for a query builder). */
export const prepareAs = (name: string) => `/* prepare:${name} */`;

/** The statement's prepared name, or undefined for an ordinary statement. */
export function preparedNameOf(text: string): string | undefined {
  return markerPattern.exec(text)?.[1];
}

type QueryFunction = (...args: unknown[]) => unknown;

/** Makes every connection of the pool prepare the statements that carry a marker. */
export function prepareMarkedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const original = client.query.bind(client) as QueryFunction;
    const query: QueryFunction = (...args) => {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values)) {
        const name = preparedNameOf(text);
        if (name !== undefined) return original({ name, text, values });
      }
      return original(...args);
    };
    client.query = query as typeof client.query;
  });
}
