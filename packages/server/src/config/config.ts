// Start-up configuration: environment variables (and an optional JSON file) checked once,
// so a wrong value stops the server with a message naming the variable, never half-way through a request.
import { readFileSync } from 'node:fs';
import { type Static, type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';
import { type MessagingConfig, messagingConfigOf, messagingVariables } from './messaging-config.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

interface Variable {
  readonly schema: TSchema;
  /** What is allowed, in words an operator understands; shown when the value is wrong. */
  readonly allowed: string;
  /** A secret's value is never echoed back in an error message or a log. */
  readonly isSecret?: boolean;
}

/** Configuration profiles for national digital ID providers; see identity/oidc-profiles.ts. */
export const oidcProfiles = ['generic', 'singpass', 'mydigital-id', 'esignet'] as const;
export type OidcProfileName = (typeof oidcProfiles)[number];

const proxyAddress = '(?:loopback|linklocal|uniquelocal|[0-9a-fA-F]*[.:][0-9a-fA-F.:/]*)';

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
  HOMEWARD_PUBLIC_URL: {
    schema: Type.String({ pattern: '^https?://[^/\\s]+(/[^\\s]*)?$' }),
    allowed: 'the absolute http(s) URL people reach this server at, e.g. https://homeward.example.gov',
  },
  HOMEWARD_SHUTDOWN_GRACE_SECONDS: {
    schema: Type.Integer({ minimum: 1, maximum: 600 }),
    allowed: 'an integer number of seconds from 1 to 600',
  },
  HOMEWARD_KEYS_FILE: {
    schema: Type.String({ minLength: 1 }),
    allowed: 'the path of a key file written by `homeward keys generate`',
  },
  HOMEWARD_TRUST_PROXY: {
    schema: Type.String({ pattern: `^(true|false|${proxyAddress}(,${proxyAddress})*)$` }),
    allowed:
      'false (the default), true (trust any proxy), or a comma-separated list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal',
  },
  HOMEWARD_SESSION_IDLE_MINUTES: {
    schema: Type.Integer({ minimum: 5, maximum: 1440 }),
    allowed: 'an integer number of minutes from 5 to 1440',
  },
  HOMEWARD_SESSION_ABSOLUTE_HOURS: {
    schema: Type.Integer({ minimum: 1, maximum: 720 }),
    allowed: 'an integer number of hours from 1 to 720',
  },
  HOMEWARD_OIDC_PROFILE: {
    schema: Type.Union(oidcProfiles.map((profile) => Type.Literal(profile))),
    allowed: oidcProfiles.join(', '),
  },
  HOMEWARD_OIDC_ISSUER: {
    schema: Type.String({ pattern: '^https?://[^\\s]+$' }),
    allowed: "the national digital ID provider's issuer URL, e.g. https://id.singpass.gov.sg/fapi",
  },
  HOMEWARD_OIDC_CLIENT_ID: {
    schema: Type.String({ minLength: 1 }),
    allowed: 'the client id the provider gave Homeward',
  },
  HOMEWARD_OIDC_SCOPE: {
    schema: Type.String({ pattern: '^openid( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$' }),
    allowed: 'space-separated scopes starting with openid; overrides the profile default',
  },
  HOMEWARD_OIDC_ACR_VALUES: {
    schema: Type.String({ minLength: 1 }),
    allowed: 'space-separated acr values to request; overrides the profile default',
  },
  HOMEWARD_DEMO_IDP: { schema: booleanSchema, allowed: 'true or false (also 1 or 0); defaults to demo mode' },
  HOMEWARD_SMTP_URL: {
    schema: Type.String({ pattern: '^smtps?://.+' }),
    allowed: 'an SMTP URL such as smtps://user:password@mail.example.gov:465',
    isSecret: true,
  },
  HOMEWARD_MAIL_FROM: {
    schema: Type.String({ pattern: '^[^\\s@]+@[^\\s@]+$|^.+ <[^\\s@]+@[^\\s@]+>$' }),
    allowed: 'a sender address such as Homeward <no-reply@embassy.example.gov>',
  },
  LOG_LEVEL: { schema: Type.Union(logLevels.map((level) => Type.Literal(level))), allowed: logLevels.join(', ') },
  ...messagingVariables,
} as const satisfies Record<string, Variable>;

export type VariableName = keyof typeof variables;

/** Settings an earlier version read: an operator upgrading is told what replaced them, not just "unknown". */
const retiredVariables: Readonly<Record<string, string>> = {
  HOMEWARD_SECRET:
    'keys now come from HOMEWARD_KEYS_FILE; make one with `homeward keys generate --file <path>` (docs/decisions/0006-keys-and-secrets.md)',
};

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absent: the embedded database (PGlite) in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly isDemo: boolean;
  readonly publicUrl: string;
  readonly shutdownGraceSeconds: number;
  readonly logLevel: (typeof logLevels)[number];
  /**
   * Our own keys (OIDC signing and encryption, HMAC, field encryption); required outside demo mode.
   * Demo mode without it generates `<dataDir>/keys.json` (keys/key-files.ts).
   */
  readonly keysFile: string | undefined;
  /** Fastify's trustProxy: whose X-Forwarded-For to believe for client addresses (rate limits, audit). */
  readonly trustProxy: boolean | string;
  readonly session: { readonly idleMinutes: number; readonly absoluteHours: number };
  /** The national digital ID provider; absent when none is configured. */
  readonly oidc: OidcConfig | undefined;
  /** The built-in demo identity provider with synthetic citizens; on in demo mode unless turned off. */
  readonly demoIdentityProvider: boolean;
  /** Outgoing email (staff invitations); absent when no SMTP server is configured. */
  readonly mail: { readonly smtpUrl: string; readonly from: string } | undefined;
  /** SMS, WhatsApp and Web Push providers (each absent unless configured) and delivery's retry settings. */
  readonly messaging: MessagingConfig;
}

export interface OidcConfig {
  readonly profile: OidcProfileName;
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string | undefined;
  readonly acrValues: string | undefined;
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
  /** Maintenance commands (migrate, openapi) touch no key, so they may run without a key file. */
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
    if (name in retiredVariables) {
      problems.push(`${name} is no longer used: ${retiredVariables[name]}`);
    } else if (name.startsWith('HOMEWARD_') && name !== 'HOMEWARD_CONFIG_FILE' && !(name in variables)) {
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

  const isDemo = options.forceDemo === true || isTrue(values.HOMEWARD_DEMO);
  const requireSecrets = options.requireSecrets ?? true;
  // Only presence is checked here; the file itself is read and checked by loadKeyRing (keys/key-files.ts).
  if (requireSecrets && !isDemo && raw.HOMEWARD_KEYS_FILE === undefined) {
    problems.push(`HOMEWARD_KEYS_FILE is required outside demo mode: ${variables.HOMEWARD_KEYS_FILE.allowed}`);
  }
  if ((values.HOMEWARD_OIDC_ISSUER === undefined) !== (values.HOMEWARD_OIDC_CLIENT_ID === undefined)) {
    problems.push('HOMEWARD_OIDC_ISSUER and HOMEWARD_OIDC_CLIENT_ID must be set together');
  }
  if ((values.HOMEWARD_SMTP_URL === undefined) !== (values.HOMEWARD_MAIL_FROM === undefined)) {
    problems.push('HOMEWARD_SMTP_URL and HOMEWARD_MAIL_FROM must be set together');
  }
  const messaging = messagingConfigOf(values, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const port = (values.PORT as number | undefined) ?? 3000;
  const host = (values.HOST as string | undefined) ?? '127.0.0.1';
  return {
    port,
    host,
    databaseUrl: values.DATABASE_URL as string | undefined,
    dataDir: (values.HOMEWARD_DATA_DIR as string | undefined) ?? './data',
    isDemo,
    publicUrl: ((values.HOMEWARD_PUBLIC_URL as string | undefined) ?? `http://localhost:${port}`).replace(/\/$/, ''),
    shutdownGraceSeconds: (values.HOMEWARD_SHUTDOWN_GRACE_SECONDS as number | undefined) ?? 10,
    logLevel: (values.LOG_LEVEL as Config['logLevel'] | undefined) ?? 'info',
    keysFile: values.HOMEWARD_KEYS_FILE as string | undefined,
    trustProxy: parseTrustProxy(values.HOMEWARD_TRUST_PROXY as string | undefined),
    session: {
      idleMinutes: (values.HOMEWARD_SESSION_IDLE_MINUTES as number | undefined) ?? 30,
      absoluteHours: (values.HOMEWARD_SESSION_ABSOLUTE_HOURS as number | undefined) ?? 12,
    },
    oidc:
      values.HOMEWARD_OIDC_ISSUER === undefined
        ? undefined
        : {
            profile: (values.HOMEWARD_OIDC_PROFILE as OidcProfileName | undefined) ?? 'generic',
            issuer: values.HOMEWARD_OIDC_ISSUER as string,
            clientId: values.HOMEWARD_OIDC_CLIENT_ID as string,
            scope: values.HOMEWARD_OIDC_SCOPE as string | undefined,
            acrValues: values.HOMEWARD_OIDC_ACR_VALUES as string | undefined,
          },
    demoIdentityProvider: values.HOMEWARD_DEMO_IDP === undefined ? isDemo : isTrue(values.HOMEWARD_DEMO_IDP),
    mail:
      values.HOMEWARD_SMTP_URL === undefined
        ? undefined
        : { smtpUrl: values.HOMEWARD_SMTP_URL as string, from: values.HOMEWARD_MAIL_FROM as string },
    messaging,
  };
}

function isTrue(value: unknown): boolean {
  return value === 'true' || value === '1';
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === 'false') return false;
  return value === 'true' ? true : value;
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
