// Every migration, listed by name so the compiled server and the tests run exactly the same set.
// Never edit or rename a merged migration: add a new one.
import type { Migration } from 'kysely/migration';
import * as organisation from './2026-11-23-0700-organisation.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-23-0700-organisation': organisation,
};
