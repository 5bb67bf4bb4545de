// The problems the stays and check-in routes answer with; each type is listed in docs/problems.md. A wrong PIN and
// an unknown national ID number answer the same, so the any-browser page tells nobody who is registered.
import type { FastifyReply } from 'fastify';
import { Problem, sendProblem } from '../http/problem.js';

/** A refusal that says when to try again (sent with Retry-After). */
export class RetryLater extends Problem {
  constructor(
    readonly retryAfterSeconds: number,
    slug: string,
    title: string,
    detail: string,
  ) {
    super(429, slug, title, detail);
  }
}

/** A body that passed the schema but breaks a rule (a PIN pair, a schedule); names each field. */
export class FieldProblems extends Problem {
  constructor(readonly errors: readonly { field: string; message: string }[]) {
    super(400, 'validation-failed', 'Validation failed', `Check: ${errors.map((error) => error.field).join(', ')}.`);
  }
}

export const checkInNotRecognised = () =>
  new Problem(
    401,
    'check-in-not-recognised',
    'Not recognised',
    'The ID number or the PIN is not right. Check both and try again.',
  );

export const tooManyCheckInAttempts = (retryAfterSeconds: number) =>
  new RetryLater(
    retryAfterSeconds,
    'too-many-check-in-attempts',
    'Too many attempts',
    `Too many wrong attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minutes.`,
  );

export const stayNotFound = () => new Problem(404, 'stay-not-found', 'Stay not found');

export const stayEnded = () =>
  new Problem(409, 'stay-ended', 'Stay ended', 'This stay has ended; register a new stay to check in again.');

export const stayAlreadyActive = () =>
  new Problem(
    409,
    'stay-already-active',
    'A stay is already registered',
    'You already have a stay that has not ended. End it ("I am home") before registering another.',
  );

export const stayRefused = (detail: string) => new Problem(409, 'stay-transition-refused', 'Not possible now', detail);

/** Sends a problem with what it carries beyond a Problem: a Retry-After header, field errors. */
export function sendStayProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem instanceof RetryLater) reply.header('retry-after', String(problem.retryAfterSeconds));
  return sendProblem(reply, problem, problem instanceof FieldProblems ? [...problem.errors] : undefined);
}
