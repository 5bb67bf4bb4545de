// The problems the registry answers with; each type is listed in docs/problems.md. Field errors and
// Retry-After reuse the phone login's problem classes, so every client reads them one way.
import type { FastifyReply } from 'fastify';
import { InvalidFields, TooManyRequests } from '../citizen-login/phone-login-problems.js';
import { Problem, sendProblem } from '../http/problem.js';

export { InvalidFields, TooManyRequests };

/** One field at fault, as `errors` lists it: `body/subjects/0/value`, `body/description`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export const invalidFields = (errors: readonly FieldError[]) => new InvalidFields(errors);

export const challengeUnusable = () =>
  new Problem(
    400,
    'registry-challenge-unusable',
    'Challenge not usable',
    'This challenge is unknown, has expired or was spent on something else; ask for a new one.',
  );

export const proofOfWorkWrong = () =>
  new Problem(
    400,
    'proof-of-work-wrong',
    'Proof of work not solved',
    'SHA-256 of "<challenge>:<nonce>" does not start with enough zero bits for this challenge.',
  );

export const reportAlreadyDecided = () =>
  new Problem(
    409,
    'registry-report-decided',
    'Report already decided',
    'This report was already approved or rejected.',
  );

export const removalRequestAlreadyDecided = () =>
  new Problem(
    409,
    'removal-request-decided',
    'Removal request already decided',
    'This removal request was already decided.',
  );

export const entryNotFound = () => new Problem(404, 'not-found', 'Not found', 'No listed entry has this id.');
export const reportNotFound = () => new Problem(404, 'not-found', 'Not found', 'No report has this id.');
export const screenshotNotFound = () =>
  new Problem(404, 'not-found', 'Not found', 'This report has no such screenshot.');
export const removalRequestNotFound = () =>
  new Problem(404, 'not-found', 'Not found', 'No removal request has this id.');

export const tooManyReports = (retryAfterSeconds: number) =>
  new TooManyRequests(
    retryAfterSeconds,
    `You have sent the most reports one person may send in a day. Try again in ${describeWait(retryAfterSeconds)}.`,
  );

export const tooManyRemovalRequests = (retryAfterSeconds: number) =>
  new TooManyRequests(
    retryAfterSeconds,
    `You have sent the most removal requests one person may send in a day. Try again in ${describeWait(retryAfterSeconds)}.`,
  );

export const tooManyRequestsFromAddress = (retryAfterSeconds: number) =>
  new TooManyRequests(
    retryAfterSeconds,
    `Too many requests to the registry from this network. Try again in ${describeWait(retryAfterSeconds)}.`,
  );

/** Sends a problem with what it carries beyond a Problem: field errors, a Retry-After header. */
export function sendRegistryProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem instanceof TooManyRequests) reply.header('retry-after', String(problem.retryAfterSeconds));
  return sendProblem(reply, problem, problem instanceof InvalidFields ? [...problem.errors] : undefined);
}

function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 1) return 'a minute';
  if (minutes < 120) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
