// Start-up configuration: environment variables (and an optional JSON file) checked once,
// so a wrong value stops the server with a message naming the variable, never half-way through a request.
import { readFileSync } from 'node:fs';
import { type Static, type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';

/** The demo secret is public (it is in this file), so production refuses to run with it. */
export const demoSecret = 'homeward-demo-secret-do-not-use-in-production-0000';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

interface Variable {
  readonly schema: TSchema;
  /** What is allowed, in words an operator understands; shown when the value is wrong. */
  readonly allowed: string;
  /** A secret's value is never echoed back in an error message or a log. */
  readonly isSecret?: boolean;
}

const booleanSchema = Type.Union([Type.Literal('true'), Type.Literal('false'), Type.Literal('1'), Type.Literal('0')]);

/** Every setting Homeward reads; the README's configuration table mirrors this list. */
export const variables = {
  PORT: { schema: Type.Integer({ minimum: 0, maximum: 65535 }), allowed: 'a TCP port, an integer from 0 to 65535' },
  HOST: { schema: Type.String({ minLength: 1 }), allowed: 'an address or host name to listen on, e.g. 0.0.0.0' },
  DATABASE_URL: {
    schema: Type.String({ pattern: '^postgres(ql)?://.+' }),
    allowed: 'a PostgreSQL URL such as postgres://user:password@host:5432/homeward',
    isSecret: true,
  },
  HOMEWARD_DATA_DIR: { schema: Type.String({ minLength: 1 }), allowed: 'a folder for the embedded database' },
  HOMEWARD_DEMO: { schema: booleanSchema, allowed: 'true or false (also 1 or 0)' },
  HOMEWARD_SECRET: {
    schema: Type.String({ pattern: '^(?:[A-Za-z0-9+/_-]{43,}={0,2}|[0-9a-fA-F]{64,})$' }),
    allowed: 'at least 32 random bytes as base64 or hex, e.g. the output of `openssl rand -base64 32`',
    isSecret: true,
  },
  HOMEWARD_PUBLIC_URL: {
    schema: Type.String({ pattern: '^https?://[^/\\s]+(/[^\\s]*)?$' }),
    allowed: 'the absolute http(s) URL people reach this server at, e.g. https://homeward.example.gov',
  },
  HOMEWARD_SHUTDOWN_GRACE_SECONDS: {
    schema: Type.Integer({ minimum: 1, maximum: 600 }),
    allowed: 'an integer number of seconds from 1 to 600',
  },
  LOG_LEVEL: { schema: Type.Union(logLevels.map((level) => Type.Literal(level))), allowed: logLevels.join(', ') },
} as const satisfies Record<string, Variable>;

export type VariableName = keyof typeof variables;

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absent: the embedded database (PGlite) in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly isDemo: boolean;
  readonly secret: string;
  readonly publicUrl: string;
  readonly shutdownGraceSeconds: number;
  readonly logLevel: (typeof logLevels)[number];
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

export interface LoadConfigOptions {
  /** `homeward serve --demo` forces demo mode whatever the environment says. */
  readonly forceDemo?: boolean;
  /** A JSON file of the same variable names; the environment wins over it. */
  readonly configFile?: string | undefined;
  /** Maintenance commands (migrate, openapi) touch no secret, so they may run without one. */
  readonly requireSecrets?: boolean;
}

type RawValues = Partial<Record<VariableName, unknown>>;

/**
 * Reads and checks the configuration. Throws a {@link ConfigError} listing every wrong value at once.
 *
 * ```ts
 * loadConfig({ PORT: '8080', HOMEWARD_DEMO: 'true' }).port; // 8080
 * ```
 */
export function loadConfig(environment: NodeJS.ProcessEnv, options: LoadConfigOptions = {}): Config {
  const problems: string[] = [];
  const configFile = options.configFile ?? environment.HOMEWARD_CONFIG_FILE;
  const fromFile = configFile ? readConfigFile(configFile, problems) : {};
  const raw: RawValues = { ...fromFile };
  for (const name of Object.keys(variables) as VariableName[]) {
    const value = environment[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  for (const name of Object.keys(environment)) {
    if (name.startsWith('HOMEWARD_') && name !== 'HOMEWARD_CONFIG_FILE' && !(name in variables)) {
      problems.push(`${name} is not a Homeward setting (known: ${Object.keys(variables).join(', ')})`);
    }
  }

  const values: Partial<Record<VariableName, unknown>> = {};
  for (const [name, variable] of Object.entries(variables) as [VariableName, Variable][]) {
    if (raw[name] === undefined) continue;
    const converted = Value.Convert(variable.schema, raw[name]);
    if (Value.Check(variable.schema, converted)) values[name] = converted;
    else problems.push(describeWrongValue(name, variable, raw[name]));
  }

  const isDemo = options.forceDemo === true || values.HOMEWARD_DEMO === 'true' || values.HOMEWARD_DEMO === '1';
  const secret = values.HOMEWARD_SECRET as string | undefined;
  const requireSecrets = options.requireSecrets ?? true;
  if (requireSecrets && !isDemo && raw.HOMEWARD_SECRET === undefined) {
    problems.push(`HOMEWARD_SECRET is required outside demo mode: ${variables.HOMEWARD_SECRET.allowed}`);
  }
  if (requireSecrets && !isDemo && secret === demoSecret) {
    problems.push('HOMEWARD_SECRET is the public demo value; production needs a secret of its own');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const port = (values.PORT as number | undefined) ?? 3000;
  const host = (values.HOST as string | undefined) ?? '127.0.0.1';
  return {
    port,
    host,
    databaseUrl: values.DATABASE_URL as string | undefined,
    dataDir: (values.HOMEWARD_DATA_DIR as string | undefined) ?? './data',
    isDemo,
    secret: secret ?? demoSecret,
    publicUrl: ((values.HOMEWARD_PUBLIC_URL as string | undefined) ?? `http://localhost:${port}`).replace(/\/$/, ''),
    shutdownGraceSeconds: (values.HOMEWARD_SHUTDOWN_GRACE_SECONDS as number | undefined) ?? 10,
    logLevel: (values.LOG_LEVEL as Config['logLevel'] | undefined) ?? 'info',
  };
}

function describeWrongValue(name: VariableName, variable: Variable, value: unknown): string {
  const shown = variable.isSecret ? '(value hidden)' : JSON.stringify(String(value));
  return `${name}=${shown} is not allowed: expected ${variable.allowed}`;
}

const fileSchema = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]));

function readConfigFile(path: string, problems: string[]): RawValues {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'it is not valid JSON' : 'it cannot be read';
    problems.push(`HOMEWARD_CONFIG_FILE=${JSON.stringify(path)} is not usable: ${reason}`);
    return {};
  }
  if (!Value.Check(fileSchema, parsed)) {
    problems.push(`HOMEWARD_CONFIG_FILE=${JSON.stringify(path)} must hold one JSON object of setting names and values`);
    return {};
  }
  const values: RawValues = {};
  for (const [name, value] of Object.entries(parsed as Static<typeof fileSchema>)) {
    if (name in variables) values[name as VariableName] = String(value);
    else problems.push(`${name} in ${JSON.stringify(path)} is not a Homeward setting`);
  }
  return values;
}
