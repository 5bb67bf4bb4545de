// `homeward keys …`: make a key file, rotate it, list its key ids, retire old keys.
// None of these prints key material except `generate` without --file, whose output is the key file.
import { stat } from 'node:fs/promises';
import { Command } from 'commander';
import { readKeyFile, writeKeyFileAtomically } from './key-files.js';
import { generateKeyMaterial, type KeyMaterial } from './key-ring.js';
import { retireKey, rotateKeyMaterial } from './key-rotation.js';

export interface CommandOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processOutput: CommandOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const kinds = ['signing', 'encryption', 'hmac', 'field'] as const;

/** The `keys` command with its subcommands; cli.ts adds it to the program. */
export function keysCommand(output: CommandOutput = processOutput): Command {
  const keys = new Command('keys').description('make, rotate and retire the server keys (see the README on rotation)');
  const warn = (message: string) => output.stderr(`homeward: warning: ${message}\n`);

  keys
    .command('generate')
    .description('print a fresh key file (one key of every kind) as JSON, or write it with --file')
    .option('--file <path>', 'write a new file with mode 0600 instead of printing; refuses to overwrite one')
    .action(async (options: { file?: string }) => {
      const material = generateKeyMaterial();
      if (options.file === undefined) {
        output.stdout(`${JSON.stringify(material, null, 2)}\n`);
        return;
      }
      if (!(await writeKeyFileAtomically(options.file, material, { mayReplace: false }))) {
        throw new Error(`${options.file} exists already; rotate it with \`homeward keys rotate --file\` instead`);
      }
      output.stdout(`wrote ${options.file}\n${describeKeys(material)}`);
    });

  keys
    .command('rotate')
    .description('add a new key of every kind in front of the old ones, which keep verifying and decrypting')
    .requiredOption('--file <path>', 'the key file to rotate in place (atomically; its mode is kept)')
    .action(async (options: { file: string }) => {
      const { material, mode } = await readForChange(options.file, warn);
      const rotated = rotateKeyMaterial(material);
      await writeKeyFileAtomically(options.file, rotated, { mayReplace: true, mode });
      output.stdout(`rotated ${options.file}; new keys first\n${describeKeys(rotated)}`);
    });

  keys
    .command('retire')
    .description('remove one old key by id, once nothing needs it any more (never the current key of a kind)')
    .requiredOption('--file <path>', 'the key file to change in place (atomically; its mode is kept)')
    .requiredOption('--kid <id>', 'the key id to remove, as shown by `homeward keys list`')
    .action(async (options: { file: string; kid: string }) => {
      const { material, mode } = await readForChange(options.file, warn);
      const retired = retireKey(material, options.kid);
      await writeKeyFileAtomically(options.file, retired, { mayReplace: true, mode });
      output.stdout(`retired ${options.kid} from ${options.file}\n${describeKeys(retired)}`);
    });

  keys
    .command('list')
    .description('list the key ids of a key file by kind, current key first (no key material)')
    .requiredOption('--file <path>', 'the key file')
    .action(async (options: { file: string }) => {
      output.stdout(describeKeys(await readKeyFile(options.file, { onWarning: warn })));
    });

  return keys;
}

async function readForChange(path: string, warn: (message: string) => void) {
  const material = await readKeyFile(path, { onWarning: warn });
  return { material, mode: (await stat(path)).mode & 0o777 };
}

/** One line per kind: its key ids, the current one marked. Key ids are not secret. */
function describeKeys(material: KeyMaterial): string {
  return kinds
    .map((kind) => {
      const [current, ...older] = material[kind].map((entry) => entry.kid as string);
      return `  ${kind.padEnd(10)} ${current} (current)${older.map((kid) => ` ${kid}`).join('')}\n`;
    })
    .join('');
}
