// The server package's public surface, for tests, benchmarks and embedding.

export { getStaffMember } from './accounts/account-repository.js';
export { type AuditActor, type AuditEntry, recordAudit } from './audit/audit-log.js';
export { type SealOutcome, sealAuditEvents } from './audit/audit-sealer.js';
export { type AuditVerification, verifyAuditLog } from './audit/audit-verify.js';
export { type Config, ConfigError, loadConfig } from './config/config.js';
export { type DatabaseHandle, type DatabaseKind, openDatabase } from './database/database.js';
export type { Database } from './database/database-schema.js';
export { migrateToLatest } from './database/migrate.js';
export { seedDemo } from './demo/seed-demo.js';
export { type App, type AppConfig, type AppOptions, buildApp, defaultAppConfig } from './http/app.js';
export { createKeyRing, generateKeyMaterial, type KeyRing } from './keys/key-ring.js';
export { listOrganisations } from './organisations/organisation-repository.js';
export { type RunningServer, startServer, stopOnSignals } from './serve.js';
export { sessionCookieName } from './sessions/session-cookie.js';
export {
  createSession,
  findActiveSession,
  hashSessionToken,
  type NewSession,
  type SessionSubject,
} from './sessions/session-service.js';
