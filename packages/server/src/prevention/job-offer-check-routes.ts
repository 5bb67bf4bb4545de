// The public job-offer check: anyone pastes an advertisement, answers a few questions, or both, and gets
// an explained risk result. No login, and nothing about the offer is stored or logged: the rules are the
// domain's (packages/domain/src/prevention), the registry lookup is the recruiter registry's.
// See docs/decisions/0012-job-offer-check.md.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assessJobOffer, explainAssessment, extractOfferSignals, type JobOfferAnswers } from '@homeward/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../database/database-schema.js';
import { Problem, problemResponses } from '../http/problem.js';
import { requestLanguage } from '../http/request-language.js';
import { lookupRegistry } from '../registry/registry-lookup.js';
import { JobOfferCheckBodySchema, JobOfferCheckResultSchema } from './job-offer-check-schemas.js';

export interface JobOfferCheckOptions {
  readonly db: Kysely<Database>;
}

/**
 * Per source address, in this process. A check is cheap but reads up to 20,000 characters through every
 * lexicon; 60 a minute is far more than a person pasting offers and far less than a scraper wants.
 */
const addressLimit = { max: 60, timeWindow: 60_000 } as const;

/** Room for the longest text in four-byte characters plus the answers. */
const bodyLimit = 128 * 1024;

export const jobOfferCheckRoutes: FastifyPluginAsyncTypebox<JobOfferCheckOptions> = async (app, options) => {
  app.post(
    '/api/v1/job-offer-checks',
    {
      bodyLimit,
      config: { access: 'public', rateLimit: addressLimit },
      schema: {
        operationId: 'checkJobOffer',
        summary: 'Check a job offer for the marks of forced-scamming recruitment',
        description:
          'Send the advertisement as received (`text`, in any of our languages or mixed), the questionnaire ' +
          '(`answers`), or both. The answer explains each warning sign found and what to do, in the language ' +
          'asked for. Phone numbers, links and the company in the offer are looked up in the registry of ' +
          'reported recruiters. Nothing of the offer is stored.',
        tags: ['prevention'],
        security: [],
        body: JobOfferCheckBodySchema,
        response: { 200: JobOfferCheckResultSchema, ...problemResponses(400, 413, 415, 429) },
      },
    },
    async (request) => {
      const { text, answers, language: asked } = request.body;
      const input = { text: text?.trim() || undefined, answers: answers as JobOfferAnswers | undefined };
      if (input.text === undefined && !hasAnyAnswer(input.answers)) {
        throw new Problem(
          400,
          'empty-job-offer',
          'Nothing to check',
          'Paste the job advertisement in `text`, or answer at least one question in `answers`.',
        );
      }
      const language = requestLanguage(asked, request.headers['accept-language']);
      const signals = extractOfferSignals(input);
      const registryMatches = await lookupRegistry(options.db, {
        phones: signals.contacts.phones,
        urls: signals.contacts.urls,
        handles: signals.contacts.handles,
        companies: signals.companyNames,
      });
      const assessment = assessJobOffer(input, { registryMatches });
      const explained = explainAssessment(assessment, language);
      // Codes only: the offer itself may name the person who received it.
      request.log.info(
        { level: assessment.level, flags: assessment.flags.map((flag) => flag.code) },
        'job offer checked',
      );
      return {
        level: explained.level,
        score: assessment.score,
        flags: explained.flags,
        advice: explained.advice,
        registryMatches: registryMatches.map((match) => ({ ...match })),
        language,
      };
    },
  );
};

function hasAnyAnswer(answers: JobOfferAnswers | undefined): boolean {
  if (answers === undefined) return false;
  return Object.values(answers).some((value) =>
    typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) ? value.length > 0 : value !== undefined,
  );
}
