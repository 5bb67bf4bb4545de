// Every migration, listed by name so the compiled server and the tests run exactly the same set.
// Never edit or rename a merged migration: add a new one.
import type { Migration } from 'kysely/migration';
import * as organisation from './2026-11-23-0700-organisation.js';
import * as auditLog from './2026-11-23-0800-audit-log.js';
import * as accountsAndSessions from './2026-11-23-0810-accounts-and-sessions.js';
import * as citizenLogin from './2026-11-23-0820-citizen-login.js';
import * as staffLogin from './2026-11-23-0830-staff-login.js';
import * as recruiterRegistry from './2026-11-23-0900-recruiter-registry.js';
import * as staysAndCheckIns from './2026-12-06-0900-stays-and-check-ins.js';
import * as notifications from './2026-12-06-1500-notifications.js';

export const migrations: Readonly<Record<string, Migration>> = {
  '2026-11-23-0700-organisation': organisation,
  '2026-11-23-0800-audit-log': auditLog,
  '2026-11-23-0810-accounts-and-sessions': accountsAndSessions,
  '2026-11-23-0820-citizen-login': citizenLogin,
  '2026-11-23-0830-staff-login': staffLogin,
  '2026-11-23-0900-recruiter-registry': recruiterRegistry,
  '2026-12-06-0900-stays-and-check-ins': staysAndCheckIns,
  '2026-12-06-1500-notifications': notifications,
};
