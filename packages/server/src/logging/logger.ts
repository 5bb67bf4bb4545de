// Structured logs (pino) that never carry personal data: requests are logged by route template,
// not URL, and a redaction list blanks anything personal that slips into a log object anyway.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * The second net: field names that may hold personal data or credentials, redacted wherever
 * they appear one or two levels deep. The first net is not logging such objects at all.
 */
const personalFields = [
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
];

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["dpop"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'body',
  'req.body',
  'query',
  'req.query',
  // PostgreSQL puts the offending values in an error's detail ("Key (x)=(...) already exists").
  'err.detail',
  'err.where',
  ...personalFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      // The route template (/api/v1/stays/:stayId), never the URL: a query string or path may carry personal data.
      req: (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions?.url ?? 'unmatched' }),
      res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
    },
  };
}
