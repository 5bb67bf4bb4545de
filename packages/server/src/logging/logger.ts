// Structured logs (pino) that never carry personal data: requests are logged by route template,
// not URL, and anything personal that slips into a log object anyway is blanked by key name.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * The second net: keys that may hold personal data or credentials, blanked at any depth of a log
 * object. The first net is not logging such objects at all.
 */
const personalKeys: ReadonlySet<string> = new Set([
  'pin',
  'duressPin',
  'nationalId',
  'passportNumber',
  'phone',
  'email',
  'name',
  'givenName',
  'familyName',
  'dateOfBirth',
  'address',
  'location',
  'latitude',
  'longitude',
  'password',
  'token',
  'accessToken',
  'idToken',
  'refreshToken',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'dpop',
  'headers',
  'body',
  'query',
]);

const censor = '[redacted]';
const maximumDepth = 6;

/**
 * A copy of `value` with every personal key blanked. Errors are left to pino's error serializer
 * (their personal parts are handled by `redact` below); cycles and deep nesting stop the walk.
 */
export function redactPersonalData(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Error || value instanceof Date) return value;
  if (depth >= maximumDepth) return censor;
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = personalKeys.has(key) ? censor : redactPersonalData(item, depth + 1);
  }
  return copy;
}

/** Keys whose values pino's serializers below turn into safe summaries; walking them would undo that. */
const serializedKeys: ReadonlySet<string> = new Set(['req', 'res', 'err']);

function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (serializedKeys.has(key)) copy[key] = value;
    else copy[key] = personalKeys.has(key) ? censor : redactPersonalData(value, 1);
  }
  return copy;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    // A walk by key name instead of pino's wildcard paths: the same protection at any depth, for a
    // fraction of the cost per log line (bench/README.md).
    formatters: { log: redactLogObject },
    // PostgreSQL quotes the offending values in an error's detail ("Key (x)=(...) already exists").
    redact: { paths: ['err.detail', 'err.where'], censor },
    serializers: {
      // The route template (/api/v1/stays/:stayId), never the URL: a query string or path may carry personal data.
      req: (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions?.url ?? 'unmatched' }),
      res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
    },
  };
}
