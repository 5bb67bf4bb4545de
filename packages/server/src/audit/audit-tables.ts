// The tables of the audit log, as Kysely sees them.
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the module that owns these tables.
export interface AuditTables {}
