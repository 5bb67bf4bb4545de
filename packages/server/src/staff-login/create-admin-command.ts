// `homeward create-admin`: the first administrator of an installation, who then invites everyone else
// from the console. It prints a single-use registration link once; the link is the secret, so it is
// never emailed or logged from here. See docs/decisions/0010-staff-login.md.
import { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Database } from '../database/database-schema.js';
import { migrateToLatest } from '../database/migrate.js';
import { Problem } from '../http/problem.js';
import { relyingPartyOf } from './passkey-ceremonies.js';
import { registrationLinkLifetimeHours } from './registration-links.js';
import { inviteStaffMember } from './staff-admin-service.js';
import { hasUsableStaffWithRole } from './staff-login-repository.js';

export interface CreateAdminInput {
  readonly email: string;
  readonly name: string;
  readonly organisation: string;
  /** Creates another admin although one exists: for when every admin has lost their passkeys. */
  readonly breakGlass?: boolean;
}

export class CreateAdminRefused extends Error {}

/**
 * Creates an invited admin and returns their registration link. Refuses a taken email, an unknown
 * organisation, and (without `breakGlass`) any installation that already has an admin who is not
 * disabled: after the first one, admins are invited in the console, where the inviter is audited.
 */
export async function createAdmin(
  db: Kysely<Database>,
  config: Pick<Config, 'publicUrl'>,
  input: CreateAdminInput,
  now: Date = new Date(),
): Promise<{ readonly link: string; readonly expiresAt: string; readonly staffId: string }> {
  if (!input.breakGlass && (await hasUsableStaffWithRole(db, 'admin'))) {
    throw new CreateAdminRefused(
      'an admin exists already; invite further admins from the console, or pass --break-glass if every admin is locked out',
    );
  }
  try {
    const delivery = await inviteStaffMember(
      { db, publicUrl: config.publicUrl, relyingParty: relyingPartyOf(config.publicUrl), mailer: undefined },
      { kind: 'system', id: 'cli' },
      null,
      { email: input.email, displayName: input.name, role: 'admin', organisationId: input.organisation },
      now,
    );
    if (delivery.link === undefined) throw new Error('no link was made');
    return { link: delivery.link, expiresAt: delivery.expiresAt, staffId: delivery.staffId };
  } catch (error) {
    if (error instanceof Problem) throw new CreateAdminRefused(error.detail ?? error.title);
    throw error;
  }
}

export type WithConfiguredDatabase = <T>(work: (db: Kysely<Database>, config: Config) => Promise<T>) => Promise<T>;

/** The `create-admin` command; cli.ts adds it to the program. */
export function createAdminCommand(withConfiguredDatabase: WithConfiguredDatabase): Command {
  return new Command('create-admin')
    .description('create the first administrator and print a single-use link to register their passkey')
    .requiredOption('--email <address>', "the administrator's email address")
    .requiredOption('--name <name>', 'the name shown in the console')
    .requiredOption('--organisation <id>', 'the id of their organisation unit (see GET /api/v1/organisations)')
    .option('--break-glass', 'create another admin although one exists (every admin locked out)')
    .action(async (options: { email: string; name: string; organisation: string; breakGlass?: boolean }) => {
      const created = await withConfiguredDatabase(async (db, config) => {
        await migrateToLatest(db);
        return createAdmin(db, config, options);
      });
      process.stdout.write(
        [
          `Admin created (${created.staffId}). Open this link in the browser they will sign in with, once,`,
          `within ${registrationLinkLifetimeHours.invitation} hours (until ${created.expiresAt}), to register a passkey:`,
          '',
          `  ${created.link}`,
          '',
          'Anyone holding the link can register in their place: pass it on privately; it is not shown again.',
          '',
        ].join('\n'),
      );
    });
}
