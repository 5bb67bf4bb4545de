// What the stay, check-in and trusted-contact routes share: the logged-in citizen as the services see them, the
// per-address limit of the public routes, and sending a problem with its Retry-After or field errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditActorOf } from '../audit/audit-log.js';
import { sendStayProblem } from '../check-ins/check-in-problems.js';
import { Problem } from '../http/problem.js';
import { requestLanguage } from '../http/request-language.js';
import type { CitizenRequestContext } from './stay-service.js';

export const smallBody = 16 * 1024;
/** Per process and address, a first net before the database-counted PIN limits. */
export const publicRateLimit = { max: 30, timeWindow: '1 minute' };
export const manage = { access: { action: 'stay.manage' as const } };

export function citizenContext(request: FastifyRequest): CitizenRequestContext {
  const actor = request.requireActor();
  if (actor.kind !== 'citizen') throw new Problem(403, 'forbidden', 'Forbidden');
  return {
    citizenId: actor.citizenId,
    actor: auditActorOf(actor),
    requestId: request.id,
    sourceAddress: request.ip,
    language: requestLanguage(undefined, request.headers['accept-language']),
  };
}

/** Runs a handler, sending its problems with what they carry (Retry-After, field errors). */
export async function answering<T>(reply: FastifyReply, handle: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof Problem) return sendStayProblem(reply, error);
    throw error;
  }
}
