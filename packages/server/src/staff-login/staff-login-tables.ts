// The tables of the staff invitations and passkeys, as Kysely sees them.
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the module that owns these tables.
export interface StaffLoginTables {}
