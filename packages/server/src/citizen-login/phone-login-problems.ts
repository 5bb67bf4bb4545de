// The problems the phone login answers with; each type is listed in docs/problems.md.
import type { FastifyReply } from 'fastify';
import { Problem, sendProblem } from '../http/problem.js';

/** A body field that passed the schema but is not a phone or passport number; names each field. */
export class InvalidFields extends Problem {
  constructor(readonly errors: readonly { field: string; message: string }[]) {
    super(400, 'validation-failed', 'Validation failed', `Check: ${errors.map((error) => error.field).join(', ')}.`);
  }
}

export const invalidField = {
  phone: {
    field: 'body/phone',
    message: 'is not a valid phone number; give it in international form, starting with + and the country code',
  },
  passportNumber: { field: 'body/passportNumber', message: 'is not a passport number (5 to 20 letters and digits)' },
  problem: (errors: readonly { field: string; message: string }[]) => new InvalidFields(errors),
} as const;

/** Too many codes for one phone, or too many requests from one address; says when to try again. */
export class TooManyRequests extends Problem {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super(429, 'too-many-requests', 'Too many requests', detail);
  }
}

export const tooManyCodes = (retryAfterSeconds: number) =>
  new TooManyRequests(
    retryAfterSeconds,
    `Too many codes were sent to this phone number recently. Try again in ${describeWait(retryAfterSeconds)}.`,
  );

export const tooManyRequestsFromAddress = (retryAfterSeconds: number) =>
  new TooManyRequests(
    retryAfterSeconds,
    `Too many login requests from this network. Try again in ${describeWait(retryAfterSeconds)}.`,
  );

export const phoneLoginUnavailable = () =>
  new Problem(
    503,
    'phone-login-unavailable',
    'Phone login is not configured',
    'This server cannot send codes by SMS yet; log in with your national digital ID instead.',
  );

export const codeNotSent = () =>
  new Problem(
    503,
    'one-time-code-not-sent',
    'Code not sent',
    'The code could not be sent to your phone; try again later.',
  );

export const oneTimeCodeWrong = (attemptsLeft: number) =>
  new Problem(
    401,
    'one-time-code-wrong',
    'Wrong code',
    attemptsLeft > 0
      ? `This is not the code we sent. ${attemptsLeft === 1 ? '1 try is' : `${attemptsLeft} tries are`} left.`
      : 'This is not the code we sent, and no tries are left; ask for a new code.',
  );

export const oneTimeCodeUnusable = () =>
  new Problem(
    400,
    'one-time-code-unusable',
    'Code no longer valid',
    'This code has expired, was already used or had too many wrong tries; ask for a new code.',
  );

export const passportMismatch = () =>
  new Problem(
    401,
    'passport-mismatch',
    'Passport number does not match',
    'The passport number is not the one on the account of this phone number; ask for a new code and check it.',
  );

/** Sends the problems that carry more than a Problem does (field errors, a Retry-After header). */
export function sendPhoneLoginProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem instanceof TooManyRequests) reply.header('retry-after', String(problem.retryAfterSeconds));
  return sendProblem(reply, problem, problem instanceof InvalidFields ? [...problem.errors] : undefined);
}

function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? 'a minute' : `${minutes} minutes`;
}
