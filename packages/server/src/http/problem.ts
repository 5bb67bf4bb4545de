// RFC 9457 problem details: the one error shape every Homeward endpoint answers with.
// Each problem type is an absolute URI documented in docs/problems.md.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

export const problemTypeBase = 'https://homeward.example/problems/';
export const problemContentType = 'application/problem+json';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(title);
  }

  get type(): string {
    return `${problemTypeBase}${this.slug}`;
  }
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ format: 'uri', description: 'Identifies the kind of problem; links to its documentation.' }),
    title: Type.String({ description: 'A short, human-readable summary of the kind of problem.' }),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.Optional(Type.String({ description: 'What went wrong with this request, in plain words.' })),
    instance: Type.Optional(Type.String({ description: 'The request id, to quote when reporting the problem.' })),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'Where in the request, e.g. body/name or querystring/kind.' }),
          message: Type.String(),
        }),
        { description: 'For a request that failed validation: each field at fault.' },
      ),
    ),
  },
  { $id: 'Problem', title: 'Problem', description: 'An RFC 9457 problem details object.' },
);

export const notFound = (detail?: string) => new Problem(404, 'not-found', 'Not found', detail);
export const shuttingDown = () =>
  new Problem(503, 'service-unavailable', 'Service unavailable', 'This server is shutting down; retry the request.');
export const databaseUnavailable = () =>
  new Problem(503, 'service-unavailable', 'Service unavailable', 'The database cannot be reached.');

/** The response entries an operation declares for its problems, so the OpenAPI document shows them. */
export function problemResponses(...statuses: number[]) {
  const responses: Record<number, unknown> = {};
  for (const status of statuses) {
    responses[status] = {
      description: problemDescriptions[status] ?? 'A problem, described in the body.',
      content: { [problemContentType]: { schema: { $ref: 'Problem#' } } },
    };
  }
  return responses;
}

const problemDescriptions: Record<number, string> = {
  400: 'The request is malformed or fails validation.',
  404: 'Nothing here, or nothing this caller may see.',
  413: 'The request body is too large.',
  415: 'The request body has a media type this operation does not accept.',
  429: 'Too many requests; retry later.',
  500: 'An unexpected error; nothing about it is revealed.',
  503: 'A dependency is unavailable; retry later.',
};

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  errors?: { field: string; message: string }[];
}

export function sendProblem(reply: FastifyReply, problem: Problem, errors?: ProblemBody['errors']): FastifyReply {
  const body: ProblemBody = {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    instance: `urn:homeward:request:${reply.request.id}`,
  };
  if (problem.detail !== undefined) body.detail = problem.detail;
  if (errors !== undefined) body.errors = errors;
  return reply.code(problem.status).type(problemContentType).serializer(JSON.stringify).send(body);
}

/** Fastify's own 4xx errors (bad JSON, wrong media type, body too large) mapped to stable problem types. */
const frameworkProblems: Record<string, { slug: string; title: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    slug: 'malformed-body',
    title: 'Malformed body',
    detail: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    slug: 'malformed-body',
    title: 'Malformed body',
    detail: 'The body is empty but its content type says JSON.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    slug: 'unsupported-media-type',
    title: 'Unsupported media type',
    detail: 'Send the body as application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { slug: 'body-too-large', title: 'Body too large', detail: 'The body is too large.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    slug: 'malformed-body',
    title: 'Malformed body',
    detail: 'The Content-Length header does not match the body.',
  },
};

/**
 * Turns any error into a problem response. Validation failures name the fields at fault;
 * anything unexpected becomes a 500 that reveals nothing, and is logged without request data.
 */
export function handleError(error: FastifyError | Problem, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof Problem) return sendProblem(reply, error);
  if (error.validation) {
    const errors = error.validation.map((issue) => ({
      field: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('/'),
      message: issue.message ?? 'is not valid',
    }));
    const fields = errors.map((item) => item.field).join(', ');
    return sendProblem(reply, new Problem(400, 'validation-failed', 'Validation failed', `Check: ${fields}.`), errors);
  }
  const known = error.code ? frameworkProblems[error.code] : undefined;
  if (known) return sendProblem(reply, new Problem(error.statusCode ?? 400, known.slug, known.title, known.detail));
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // A client error raised by Fastify or a plugin without a mapping above: keep its status, hide its wording.
    return sendProblem(reply, new Problem(status, 'bad-request', 'Bad request', 'The request cannot be processed.'));
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(
    reply,
    new Problem(500, 'internal-error', 'Internal error', 'Something went wrong on our side; quote the instance id.'),
  );
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, notFound(`No route for ${request.method} at this path.`));
}
