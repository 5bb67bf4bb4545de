// The tables of the citizens, staff members and sessions, as Kysely sees them.
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the module that owns these tables.
export interface AccountTables {}
