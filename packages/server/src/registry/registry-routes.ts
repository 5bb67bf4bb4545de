// The registry of reported recruiters over HTTP: public challenges, reports, search and removal
// requests; moderation for staff with `registry.moderate`. Thin handlers; the rules are in
// registry-service.ts and registry-moderation.ts. See docs/decisions/0013-recruiter-registry.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '@homeward/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { auditActorOf } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import { Problem, problemResponses } from '../http/problem.js';
import type { KeyRing } from '../keys/key-ring.js';
import { systemClock } from '../sessions/system-clock.js';
import { prepareReason, prepareRemovalRequest, prepareReport, prepareSubjects } from './registry-input.js';
import { searchRegistry } from './registry-lookup.js';
import {
  decideRemovalRequest,
  decideReport,
  listRemovalRequests,
  listReports,
  type ModerationContext,
  readReport,
  readScreenshot,
} from './registry-moderation.js';
import { invalidFields, sendRegistryProblem, tooManyRequestsFromAddress } from './registry-problems.js';
import {
  ChallengeSchema,
  CreateRemovalRequestBodySchema,
  CreateReportBodySchema,
  EntryParamsSchema,
  ListRemovalRequestsQuerySchema,
  ListReportsQuerySchema,
  PublicEntrySchema,
  RemovalDecidedSchema,
  RemovalDecisionBodySchema,
  RemovalRequestListSchema,
  RemovalRequestParamsSchema,
  ReportDecidedSchema,
  ReportDecisionBodySchema,
  ReportDetailsSchema,
  ReportListSchema,
  ReportParamsSchema,
  ScreenshotParamsSchema,
  SearchQuerySchema,
  SearchResultSchema,
  SubmittedRemovalRequestSchema,
  SubmittedReportSchema,
} from './registry-schemas.js';
import {
  issueChallenge,
  type RegistryDependencies,
  submitRemovalRequest,
  submitReport,
  type WriterIdentity,
} from './registry-service.js';
import { type AddressLimit, defaultRegistrySettings, type RegistrySettings } from './registry-settings.js';
import { guessSubjectKind, invalidSubjectMessage, normaliseSubject } from './registry-subjects.js';
import { textProblem } from './registry-text.js';

export interface RegistryRoutesOptions {
  readonly db: Kysely<Database>;
  readonly keys: KeyRing;
  readonly clock?: Clock;
  /** Production defaults unless given; tests lower the proof-of-work difficulty and the limits. */
  readonly settings?: Partial<RegistrySettings>;
}

const tags = ['registry'];

/** Three screenshots of 2 MB in base64 (about 8.4 MB) plus the text fields. */
const reportBodyLimit = 9 * 1024 * 1024;
/** Every other body is a few kilobytes of text at most (4,000 characters, escaped, fit easily). */
const smallBodyLimit = 64 * 1024;

const rateLimitFor = (limit: AddressLimit) => ({
  ...limit,
  errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
    tooManyRequestsFromAddress(Math.max(1, Math.ceil(context.ttl / 1000))),
});

/** The writer, as the services hash it: the logged-in citizen or staff member, else the address. */
function writerOf(request: FastifyRequest): WriterIdentity {
  const actor = request.actor;
  if (actor === undefined) return { kind: 'address', address: request.ip };
  return actor.kind === 'citizen' ? { kind: 'citizen', id: actor.citizenId } : { kind: 'staff', id: actor.staffId };
}

export const registryRoutes: FastifyPluginAsyncTypebox<RegistryRoutesOptions> = async (app, options) => {
  const settings: RegistrySettings = { ...defaultRegistrySettings, ...options.settings };
  const clock = options.clock ?? systemClock;
  const deps: RegistryDependencies = { db: options.db, keys: options.keys, clock, settings };
  const moderationOf = (request: FastifyRequest): ModerationContext => ({
    db: options.db,
    keys: options.keys,
    actor: auditActorOf(request.actor),
    staffId: request.actor?.kind === 'staff' ? request.actor.staffId : '',
    requestId: request.id,
    now: clock.now(),
  });
  const moderate = { access: { action: 'registry.moderate' as const } };

  app.addSchema(PublicEntrySchema);

  app.post(
    '/api/v1/registry/challenges',
    {
      config: { access: 'public', rateLimit: rateLimitFor(settings.addressLimits.challenge) },
      bodyLimit: 1024,
      schema: {
        operationId: 'createRegistryChallenge',
        summary: 'Get a proof-of-work puzzle for a report or a removal request',
        description:
          'Find a nonce (any string of printable ASCII) so that SHA-256("<challenge>:<nonce>") starts with at least `difficulty` zero bits, then send both with the report. Valid for 10 minutes, spent once.',
        tags,
        security: [],
        response: { 200: ChallengeSchema, ...problemResponses(429) },
      },
    },
    async () => {
      const issued = await issueChallenge(deps);
      return { ...issued, expiresAt: issued.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/registry/reports',
    {
      config: { access: 'public', rateLimit: rateLimitFor(settings.addressLimits.report) },
      bodyLimit: reportBodyLimit,
      schema: {
        operationId: 'reportRecruiter',
        summary: 'Report a suspicious recruiter, company, phone number, link or handle',
        description:
          'Needs a solved challenge. The report waits for a moderator; only approved, de-personalised subjects are published, with counts and dates, never the description, the screenshots or who reported. Screenshots (at most 3, JPEG, PNG or WebP, 2 MB each) are re-encoded without metadata (EXIF, GPS). Sending the same challenge again returns the first answer, so a retry never makes a second report. A reporter naming only subjects they already reported in the last 30 days gets `duplicate: true` and adds nothing. At most 10 reports per reporter a day.',
        tags,
        security: [],
        body: CreateReportBodySchema,
        response: { 202: SubmittedReportSchema, ...problemResponses(400, 413, 429) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const prepared = await prepareReport(request.body);
        const submitted = await submitReport(deps, writerOf(request), {
          ...prepared,
          challenge: request.body.challenge,
          nonce: request.body.nonce,
          requestId: request.id,
        });
        request.log.info({ reportId: submitted.reportId, duplicate: submitted.duplicate }, 'registry report received');
        return reply.code(202).send({ ...submitted, status: 'pending' as const });
      }),
  );

  app.get(
    '/api/v1/registry/search',
    {
      config: { access: 'public', rateLimit: rateLimitFor(settings.addressLimits.search) },
      schema: {
        operationId: 'searchRegistry',
        summary: 'Search the registry by phone number, company name, link or handle',
        description:
          'Phone numbers in any format (give `country` for a local one), links and handles match exactly after normalisation; company names also match approximately (trigram similarity). Without `kind`, the kind is guessed from `q`. Only approved entries that were not removed; at most 20.',
        tags,
        security: [],
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const { q, country } = request.query;
        const problem = textProblem(q, 'single-line');
        if (problem !== undefined) throw invalidFields([{ field: 'querystring/q', message: problem }]);
        const kind = request.query.kind ?? guessSubjectKind(q);
        const subject = normaliseSubject(kind, q, country?.toUpperCase());
        if (subject === undefined)
          throw invalidFields([{ field: 'querystring/q', message: invalidSubjectMessage(kind) }]);
        const entries = await searchRegistry(options.db, subject);
        return {
          kind,
          normalised: subject.normalised,
          entries: entries.map((entry) => ({
            ...entry,
            firstReportedAt: entry.firstReportedAt.toISOString(),
            lastReportedAt: entry.lastReportedAt.toISOString(),
          })),
        };
      }),
  );

  app.post(
    '/api/v1/registry/entries/:entryId/removal-requests',
    {
      config: { access: 'public', rateLimit: rateLimitFor(settings.addressLimits.removalRequest) },
      bodyLimit: smallBodyLimit,
      schema: {
        operationId: 'requestRegistryRemoval',
        summary: 'Ask for a listed entry to be removed (right of reply)',
        description:
          'For a company or person who believes they are listed wrongly. Needs a solved challenge. A moderator decides; meanwhile the entry shows as disputed. The name, email and statement are kept encrypted and shown to moderators only.',
        tags,
        security: [],
        params: EntryParamsSchema,
        body: CreateRemovalRequestBodySchema,
        response: { 202: SubmittedRemovalRequestSchema, ...problemResponses(400, 404, 413, 429) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const prepared = prepareRemovalRequest(request.body);
        const submitted = await submitRemovalRequest(deps, writerOf(request), {
          ...prepared,
          entryId: request.params.entryId,
          challenge: request.body.challenge,
          nonce: request.body.nonce,
          requestId: request.id,
        });
        request.log.info({ removalRequestId: submitted.requestId }, 'registry removal request received');
        return reply.code(202).send({ ...submitted, status: 'pending' as const });
      }),
  );

  app.get(
    '/api/v1/registry/reports',
    {
      config: moderate,
      schema: {
        operationId: 'listRegistryReports',
        summary: 'The moderation queue (moderators)',
        description: 'Reports in one status (pending by default), oldest first, a page at a time. Audited.',
        tags,
        querystring: ListReportsQuerySchema,
        response: { 200: ReportListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) =>
      listReports(moderationOf(request), { ...request.query, status: request.query.status ?? 'pending' }),
  );

  app.get(
    '/api/v1/registry/reports/:reportId',
    {
      config: moderate,
      schema: {
        operationId: 'getRegistryReport',
        summary: 'A report with its description (moderators)',
        description: 'Never shows who reported. Audited.',
        tags,
        params: ReportParamsSchema,
        response: { 200: ReportDetailsSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readReport(moderationOf(request), request.params.reportId),
  );

  app.get(
    '/api/v1/registry/reports/:reportId/screenshots/:index',
    {
      config: moderate,
      schema: {
        operationId: 'getRegistryReportScreenshot',
        summary: 'One screenshot of a report, as an image (moderators)',
        description:
          'Re-encoded without metadata when received. Served inline with nosniff and a sandboxing Content-Security-Policy. Audited.',
        tags,
        params: ScreenshotParamsSchema,
        response: {
          200: {
            description: 'The image.',
            content: {
              'image/jpeg': { schema: { type: 'string', format: 'binary' } },
              'image/png': { schema: { type: 'string', format: 'binary' } },
              'image/webp': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { reportId, index } = request.params;
      const screenshot = await readScreenshot(moderationOf(request), reportId, index);
      const extension = screenshot.contentType.slice('image/'.length).replace('jpeg', 'jpg');
      // The bytes go out as they are: a Buffer is never serialised, whatever the 200 schema says.
      return (reply as FastifyReply)
        .type(screenshot.contentType)
        .header('content-disposition', `inline; filename="screenshot-${index + 1}.${extension}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'no-store')
        .send(screenshot.data);
    },
  );

  app.post(
    '/api/v1/registry/reports/:reportId/decision',
    {
      config: moderate,
      bodyLimit: smallBodyLimit,
      schema: {
        operationId: 'decideRegistryReport',
        summary: 'Approve or reject a report (moderators)',
        description:
          'Approval publishes each subject (or the edited list in `subjects`, to drop anything personal) as a registry entry and updates its counts. Audited. A report is decided once.',
        tags,
        params: ReportParamsSchema,
        body: ReportDecisionBodySchema,
        response: { 200: ReportDecidedSchema, ...problemResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const { decision, subjects, country } = request.body;
        const reason = prepareReason(request.body.reason);
        const context = moderationOf(request);
        let decided: Awaited<ReturnType<typeof decideReport>>;
        if (decision === 'approve') {
          const edited = subjects === undefined ? undefined : prepareSubjects(subjects, country?.toUpperCase());
          if (edited !== undefined && edited.errors.length > 0) throw invalidFields(edited.errors);
          decided = await decideReport(context, request.params.reportId, {
            decision,
            reason,
            subjects: edited?.subjects,
          });
        } else {
          decided = await decideReport(context, request.params.reportId, { decision, reason });
        }
        return { id: request.params.reportId, ...decided };
      }),
  );

  app.get(
    '/api/v1/registry/removal-requests',
    {
      config: moderate,
      schema: {
        operationId: 'listRegistryRemovalRequests',
        summary: 'Removal requests (moderators)',
        description:
          'Requests in one status (pending by default), oldest first, with the requester’s name, email and statement. Audited.',
        tags,
        querystring: ListRemovalRequestsQuerySchema,
        response: { 200: RemovalRequestListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) =>
      listRemovalRequests(moderationOf(request), { ...request.query, status: request.query.status ?? 'pending' }),
  );

  app.post(
    '/api/v1/registry/removal-requests/:requestId/decision',
    {
      config: moderate,
      bodyLimit: smallBodyLimit,
      schema: {
        operationId: 'decideRegistryRemovalRequest',
        summary: 'Remove an entry, or keep it (moderators)',
        description:
          '`remove` hides the entry from search (kept for the audit trail); `keep` leaves it listed and marked disputed. Audited.',
        tags,
        params: RemovalRequestParamsSchema,
        body: RemovalDecisionBodySchema,
        response: { 200: RemovalDecidedSchema, ...problemResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) =>
      answering(reply, async () => {
        const reason = prepareReason(request.body.reason);
        const decided = await decideRemovalRequest(moderationOf(request), request.params.requestId, {
          decision: request.body.decision,
          reason,
        });
        return { id: request.params.requestId, ...decided };
      }),
  );
};

/** Runs a handler, sending its problems with their extras (field errors, Retry-After). */
async function answering<T>(reply: FastifyReply, handle: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof Problem) return sendRegistryProblem(reply, error);
    throw error;
  }
}
