// The tables of the citizen login attempts (OIDC and phone one-time codes), as Kysely sees them.
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the module that owns these tables.
export interface CitizenLoginTables {}
