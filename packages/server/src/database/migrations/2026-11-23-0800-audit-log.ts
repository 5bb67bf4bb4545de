// Placeholder: filled in by the module that owns it before this change lands.
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}
