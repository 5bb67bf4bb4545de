// The phone login routes: ask for a code, then answer it. Public (no session needed), rate-limited per
// source address here and per phone number in the database. See docs/decisions/0011-phone-one-time-code-login.md.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '@homeward/domain';
import { normaliseOneTimeCode } from '@homeward/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../database/database-schema.js';
import type { AppConfig } from '../http/app.js';
import { Problem, problemResponses } from '../http/problem.js';
import type { KeyRing } from '../keys/key-ring.js';
import { smsChannelFor } from '../notifications/channel-registry.js';
import { setSessionCookie } from '../sessions/session-cookie.js';
import { systemClock } from '../sessions/system-clock.js';
import { sendPhoneLoginProblem, tooManyRequestsFromAddress } from './phone-login-problems.js';
import {
  PhoneLoginSessionSchema,
  StartedPhoneLoginSchema,
  StartPhoneLoginBodySchema,
  VerifyPhoneLoginBodySchema,
} from './phone-login-schemas.js';
import { DemoOneTimeCodeSender, type OneTimeCodeSender, SmsOneTimeCodeSender } from './phone-login-sender.js';
import { type PhoneLoginDependencies, startPhoneLogin, verifyPhoneLogin } from './phone-login-service.js';

export interface PhoneLoginOptions {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly config: AppConfig;
  readonly isDemo: boolean;
  /** How codes reach phones; by default the SMS provider, else the demo sender in demo mode, else none. */
  readonly sender?: OneTimeCodeSender | undefined;
  readonly clock?: Clock;
}

/**
 * Per source address, in this process. Generous, because many people share one address (a shelter's
 * Wi-Fi, a carrier's NAT after a mass rescue); the per-phone limit in the database is the tight one.
 */
const addressLimits = {
  start: { max: 20, timeWindow: 15 * 60_000 },
  verify: { max: 60, timeWindow: 15 * 60_000 },
} as const;

const rateLimitFor = (limit: { max: number; timeWindow: number }) => ({
  ...limit,
  errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
    tooManyRequestsFromAddress(Math.max(1, Math.ceil(context.ttl / 1000))),
});

/** The SMS provider when there is one; else, in demo mode only, the demo sender; else none (503). */
function defaultSender(options: PhoneLoginOptions): OneTimeCodeSender | undefined {
  const sms = smsChannelFor(options.config);
  if (sms) return new SmsOneTimeCodeSender(sms);
  return options.isDemo ? new DemoOneTimeCodeSender() : undefined;
}

export const phoneLoginRoutes: FastifyPluginAsyncTypebox<PhoneLoginOptions> = async (app, options) => {
  const deps: PhoneLoginDependencies = {
    db: options.db,
    keys: options.keys,
    config: options.config,
    clock: options.clock ?? systemClock,
    sender: options.sender ?? defaultSender(options),
  };

  app.post(
    '/api/v1/citizen-login/phone/start',
    {
      config: { access: 'public', rateLimit: rateLimitFor(addressLimits.start) },
      schema: {
        operationId: 'startPhoneLogin',
        summary: 'Send a login code to a phone (lower-assurance login with phone and passport)',
        description:
          'For citizens who cannot use the national digital ID. Sends a 6-digit code by text message, valid ' +
          'for 10 minutes; at most 3 codes per phone number in 15 minutes and 10 in an hour. The answer is ' +
          'the same whether or not an account has this number.',
        tags: ['citizen-login'],
        security: [],
        body: StartPhoneLoginBodySchema,
        response: { 200: StartedPhoneLoginSchema, ...problemResponses(400, 429, 503) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const started = await startPhoneLogin(deps, { ...request.body, requestId: request.id });
        request.log.info({ challengeId: started.challengeId }, 'phone login code sent');
        return { ...started, expiresAt: started.expiresAt.toISOString() };
      }),
  );

  app.post(
    '/api/v1/citizen-login/phone/verify',
    {
      config: { access: 'public', rateLimit: rateLimitFor(addressLimits.verify) },
      schema: {
        operationId: 'verifyPhoneLogin',
        summary: 'Log in with the code sent to a phone',
        description:
          'Each challenge takes at most 5 tries and logs in once. The session has assurance low, from phone_otp.',
        tags: ['citizen-login'],
        security: [],
        body: VerifyPhoneLoginBodySchema,
        response: { 200: PhoneLoginSessionSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const verified = await verifyPhoneLogin(deps, {
          challengeId: request.body.challengeId,
          code: normaliseOneTimeCode(request.body.code),
          requestId: request.id,
        });
        setSessionCookie(reply, verified.session.token, deps.config);
        request.log.info({ citizenId: verified.citizenId }, 'citizen logged in by phone code');
        return {
          citizenId: verified.citizenId,
          assurance: 'low' as const,
          assuranceSource: 'phone_otp' as const,
          isNewAccount: verified.isNewCitizen,
          csrfToken: verified.session.csrfToken,
          expiresAt: verified.session.expiresAt.toISOString(),
        };
      }),
  );
};

/** Runs a handler, sending its problems with their extras (field errors, Retry-After). */
async function answering<T>(reply: FastifyReply, handle: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof Problem) return sendPhoneLoginProblem(reply, error);
    throw error;
  }
}
