// Staff login over HTTP: invitations, the staff list, passkey registration and login, recovery,
// disabling, and the demo-only login. Thin handlers; the rules are in staff-login-service.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Clock } from '@homeward/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { StaffMember } from '../accounts/account-repository.js';
import { auditActorOf, recordAudit } from '../audit/audit-log.js';
import type { Database } from '../database/database-schema.js';
import type { AppConfig } from '../http/app.js';
import { notFound, problemResponses } from '../http/problem.js';
import { createMailer, type Mailer } from '../mail/mailer.js';
import { setSessionCookie } from '../sessions/session-cookie.js';
import { createSession, revokeSessionsOf } from '../sessions/session-service.js';
import { relyingPartyOf } from './passkey-ceremonies.js';
import {
  finishLogin,
  finishRegistration,
  inspectRegistrationLink,
  startLogin,
  startRegistration,
} from './passkey-service.js';
import {
  disableStaffMember,
  findDemoStaffMember,
  inviteStaffMember,
  listDemoStaffMembers,
  recoverStaffMember,
} from './staff-admin-service.js';
import { listStaffMembers } from './staff-list.js';
import { type StaffLoginContext, staffProfileOf } from './staff-login-context.js';
import {
  AuthenticationOptionsReplySchema,
  CreateInvitationBodySchema,
  DemoAccountListSchema,
  DemoLoginBodySchema,
  LinkDeliveryRef,
  LinkDeliverySchema,
  ListStaffQuerySchema,
  RegistrationLinkStateSchema,
  RegistrationOptionsReplySchema,
  StaffListSchema,
  StaffLoginReplySchema,
  StaffParamsSchema,
  StaffProfileSchema,
  StaffStatusReplySchema,
  TokenBodySchema,
  VerifyAuthenticationBodySchema,
  VerifyRegistrationBodySchema,
} from './staff-login-schemas.js';

export interface StaffLoginRoutesOptions {
  readonly db: Kysely<Database>;
  readonly config: AppConfig;
  readonly isDemo: boolean;
  /** Link and challenge expiry read the time from here; tests pass a clock they can move. */
  readonly clock: Clock;
  /** Tests pass their own; by default one is made from `config.mail`, or none without it. */
  readonly mailer?: Mailer | undefined;
}

const tags = ['staff-login'];

/**
 * Per source address, for the routes anyone may call. Passkeys cannot be guessed and link tokens carry
 * 256 bits, so this only keeps a flood from filling the challenge table or the audit log.
 */
const publicRateLimit = { max: 60, timeWindow: 60_000 } as const;

export const staffLoginRoutes: FastifyPluginAsyncTypebox<StaffLoginRoutesOptions> = async (app, options) => {
  const { db, config, isDemo, clock } = options;
  const mailer = 'mailer' in options ? options.mailer : createMailer(config.mail);
  if (mailer && !('mailer' in options)) app.addHook('onClose', async () => mailer.close());
  const relyingParty = relyingPartyOf(config.publicUrl);
  const contextOf = (request: FastifyRequest): StaffLoginContext => ({
    db,
    publicUrl: config.publicUrl,
    relyingParty,
    mailer,
    requestId: request.id,
    log: request.log,
  });
  /** The staff id of the admin calling an admin route (the access plugin has already checked the role). */
  const staffIdOf = (request: FastifyRequest): string => (request.actor?.kind === 'staff' ? request.actor.staffId : '');

  /** Opens a session for a staff member who just proved who they are, and says who they are. */
  const logIn = async (reply: FastifyReply, member: StaffMember) => {
    const session = await createSession(
      db,
      config,
      { kind: 'staff', staffId: member.id },
      { now: clock.now(), requestId: reply.request.id },
    );
    setSessionCookie(reply, session.token, config);
    return {
      staff: await staffProfileOf(db, member),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  };

  app.addSchema(LinkDeliverySchema);
  app.addSchema(StaffProfileSchema);

  app.post(
    '/api/v1/staff/invitations',
    {
      config: { access: { action: 'staff.invite' } },
      schema: {
        operationId: 'inviteStaffMember',
        summary: 'Invite a staff member (admin)',
        description:
          'Creates an invited staff member and a single-use registration link that expires after 72 hours, and emails the link. With no mail server configured the link is returned instead, for the admin to pass on.',
        tags,
        body: CreateInvitationBodySchema,
        response: { 201: LinkDeliveryRef, ...problemResponses(400, 401, 403, 409, 503) },
      },
    },
    async (request, reply) => {
      const delivery = await inviteStaffMember(
        contextOf(request),
        auditActorOf(request.actor),
        staffIdOf(request),
        request.body,
        clock.now(),
      );
      return reply.code(201).send(delivery);
    },
  );

  app.get(
    '/api/v1/staff',
    {
      config: { access: { action: 'staff.list' } },
      schema: {
        operationId: 'listStaffMembers',
        summary: 'List staff members (admin)',
        description:
          'Every staff member with their status, active passkeys and open registration link, sorted by organisation name and then name, a page at a time. Reading the list is audited.',
        tags,
        querystring: ListStaffQuerySchema,
        response: { 200: StaffListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listStaffMembers(contextOf(request), auditActorOf(request.actor), request.query, clock.now()),
  );

  app.post(
    '/api/v1/staff/registration-links/inspect',
    {
      config: { access: 'public', rateLimit: publicRateLimit },
      schema: {
        operationId: 'inspectStaffRegistrationLink',
        summary: 'Whose account a registration link opens, and whether it still works',
        description: 'The token goes in the body, never the URL, so it stays out of logs and proxies.',
        tags,
        security: [],
        body: TokenBodySchema,
        response: { 200: RegistrationLinkStateSchema, ...problemResponses(400, 403, 404, 429) },
      },
    },
    async (request) => inspectRegistrationLink(contextOf(request), request.body.token, clock.now()),
  );

  app.post(
    '/api/v1/staff/passkeys/registration-options',
    {
      config: { access: 'public', rateLimit: publicRateLimit },
      schema: {
        operationId: 'startStaffPasskeyRegistration',
        summary: 'Start registering a passkey with a registration link',
        tags,
        security: [],
        body: TokenBodySchema,
        response: { 200: RegistrationOptionsReplySchema, ...problemResponses(400, 403, 404, 410, 429) },
      },
    },
    async (request) => startRegistration(contextOf(request), request.body.token, clock.now()),
  );

  app.post(
    '/api/v1/staff/passkeys',
    {
      config: { access: 'public', rateLimit: publicRateLimit },
      schema: {
        operationId: 'finishStaffPasskeyRegistration',
        summary: 'Register the passkey, use up the link and log in',
        tags,
        security: [],
        body: VerifyRegistrationBodySchema,
        response: { 200: StaffLoginReplySchema, ...problemResponses(400, 403, 404, 410, 429) },
      },
    },
    async (request, reply) => logIn(reply, await finishRegistration(contextOf(request), request.body, clock.now())),
  );

  app.post(
    '/api/v1/staff/login/options',
    {
      config: { access: 'public', rateLimit: publicRateLimit },
      schema: {
        operationId: 'startStaffPasskeyLogin',
        summary: 'Start a passkey login',
        tags,
        security: [],
        response: { 200: AuthenticationOptionsReplySchema, ...problemResponses(400, 403, 429) },
      },
    },
    async (request) => startLogin(contextOf(request), clock.now()),
  );

  app.post(
    '/api/v1/staff/login',
    {
      config: { access: 'public', rateLimit: publicRateLimit },
      schema: {
        operationId: 'finishStaffPasskeyLogin',
        summary: 'Log in with a passkey',
        tags,
        security: [],
        body: VerifyAuthenticationBodySchema,
        response: { 200: StaffLoginReplySchema, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => logIn(reply, await finishLogin(contextOf(request), request.body, clock.now())),
  );

  app.post(
    '/api/v1/staff/:staffId/recovery',
    {
      config: { access: { action: 'staff.recover' } },
      schema: {
        operationId: 'recoverStaffMember',
        summary: 'Reset a staff member’s passkeys (admin)',
        description:
          'Revokes every passkey and session of the staff member and issues a fresh single-use registration link (24 hours), delivered like an invitation.',
        tags,
        params: StaffParamsSchema,
        response: { 200: LinkDeliveryRef, ...problemResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) =>
      recoverStaffMember(
        contextOf(request),
        auditActorOf(request.actor),
        staffIdOf(request),
        request.params.staffId,
        clock.now(),
        (executor, staffId) => revokeSessionsOf(executor, { kind: 'staff', staffId }, clock.now()),
      ),
  );

  app.post(
    '/api/v1/staff/:staffId/disable',
    {
      config: { access: { action: 'staff.disable' } },
      schema: {
        operationId: 'disableStaffMember',
        summary: 'Disable a staff member (admin)',
        description: 'Ends their sessions, withdraws open links and refuses their passkeys from now on.',
        tags,
        params: StaffParamsSchema,
        response: { 200: StaffStatusReplySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const member = await disableStaffMember(
        contextOf(request),
        auditActorOf(request.actor),
        staffIdOf(request),
        request.params.staffId,
        clock.now(),
        (executor, staffId) => revokeSessionsOf(executor, { kind: 'staff', staffId }, clock.now()),
      );
      return { staffId: member.id, status: member.status };
    },
  );

  app.get(
    '/api/v1/staff/demo-accounts',
    {
      config: { access: 'public', rateLimit: publicRateLimit },
      schema: {
        operationId: 'listDemoStaffAccounts',
        summary: 'The synthetic staff accounts of a demo installation',
        description: 'Only on a demo installation; 404 anywhere else.',
        tags,
        security: [],
        response: { 200: DemoAccountListSchema, ...problemResponses(404, 429) },
      },
    },
    async () => {
      if (!isDemo) throw notFound('No route for GET at this path.');
      const rows = await listDemoStaffMembers(db);
      return {
        items: rows.map((row) => ({
          role: row.role,
          displayName: row.display_name,
          organisationName: row.organisation_name,
        })),
      };
    },
  );

  app.post(
    '/api/v1/staff/demo-login',
    {
      config: { access: 'public', rateLimit: publicRateLimit },
      schema: {
        operationId: 'demoStaffLogin',
        summary: 'Log in as a synthetic demo staff member, without a passkey (demo only)',
        description:
          'Only on a demo installation, and only as a staff account the demo seed created; 404 anywhere else.',
        tags,
        security: [],
        body: DemoLoginBodySchema,
        response: { 200: StaffLoginReplySchema, ...problemResponses(400, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      // Outside demo mode the route answers exactly like a path that does not exist.
      if (!isDemo) throw notFound('No route for POST at this path.');
      const member = await findDemoStaffMember(db, request.body.role);
      if (!member) throw notFound('The demo has no staff account with this role.');
      await recordAudit(db, {
        actor: { kind: 'staff', id: member.id },
        action: 'staff.demo_login',
        resource: { type: 'staff_member', id: member.id },
        outcome: 'success',
        requestId: request.id,
      });
      return logIn(reply, member);
    },
  );
};
