// `homeward audit verify`: seals what is waiting, recomputes the whole chain and prints one line.
// Exit 0 when intact (with the head to record elsewhere), 1 naming the first tampered event.
import { Command, InvalidArgumentError } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '../database/database-schema.js';
import { type AuditAnchor, verifyAuditLog } from './audit-verify.js';

/** Runs work on the configured database and closes it afterwards. */
export type WithDatabase = <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

export function auditCommand(withDatabase: WithDatabase): Command {
  const audit = new Command('audit').description('check the audit log');
  audit
    .command('verify')
    .description('recompute the audit log hash chain and report the first tampered event (exit 1), or the head')
    .option('--no-seal', 'do not seal waiting events first (read-only, e.g. on a replica)')
    .option(
      '--anchor <position:hash>',
      'a head printed by an earlier verify, or logged by the server; fails if the chain no longer contains it (repeatable)',
      collectAnchor,
    )
    .addHelpText(
      'after',
      '\nRecord the printed head (position:hash) outside the database; pass it back with --anchor to prove\nthe log was not rewritten since. Uses DATABASE_URL or HOMEWARD_DATA_DIR like serve.',
    )
    .action(async (options: { seal: boolean; anchor?: AuditAnchor[] }) => {
      const anchors = options.anchor ?? [];
      const result = await withDatabase((db) => verifyAuditLog(db, { seal: options.seal, anchors }));
      if (result.ok) {
        const head = result.head === null ? 'empty log' : `head ${result.sealed}:${result.head}`;
        process.stdout.write(
          `audit log intact: ${result.sealed} events sealed, ${result.unsealed} waiting to be sealed; ${head}\n`,
        );
      } else {
        const where = result.firstBrokenEventId === null ? '' : ` at event ${result.firstBrokenEventId}`;
        process.stdout.write(`audit log BROKEN${where} (${result.problem}): ${result.reason}\n`);
        process.exitCode = 1;
      }
    });
  return audit;
}

function collectAnchor(value: string, previous: AuditAnchor[] | undefined): AuditAnchor[] {
  const match = /^([1-9]\d*):([0-9a-fA-F]{64})$/.exec(value);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new InvalidArgumentError('expected position:hash, e.g. 1234:9f86d0…, as printed by audit verify');
  }
  return [...(previous ?? []), { position: BigInt(match[1]), hash: match[2].toLowerCase() }];
}
