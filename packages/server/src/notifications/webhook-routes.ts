// The providers' webhooks: inbound SMS (Twilio) and WhatsApp messages, which count as check-ins, and delivery
// receipts. Each is refused unless the provider's signature over it is right (a forged one is audited), and an
// inbound message already acted on is refused as a replay. The bodies are read here, not by the app's JSON and
// form parsers, because the signature covers the exact bytes (WhatsApp) or the exact parameters (Twilio).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../audit/audit-log.js';
import type { CheckInDependencies } from '../check-ins/check-in-service.js';
import type { MessagingConfig } from '../config/messaging-config.js';
import { Problem, problemResponses } from '../http/problem.js';
import { parseTwilioInbound, parseTwilioStatusCallback, verifyTwilioSignature } from './channels/twilio-webhooks.js';
import { parseWhatsAppWebhook, verifyMetaSignature } from './channels/whatsapp-webhooks.js';
import { handleInboundReply, replayed } from './inbound-replies.js';
import { recordReceipt } from './receipts.js';

export interface WebhookRoutesOptions {
  readonly deps: CheckInDependencies;
  readonly messaging: MessagingConfig;
  /** The URL Twilio was given: its signature covers it. */
  readonly publicUrl: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes, on the webhook routes only. */
    rawBody?: Buffer;
  }
}

const webhook = { access: 'public' as const, acceptsCrossSiteRequests: true };
const tags = ['messaging'];
/** Older WhatsApp messages are refused: a replay of a captured webhook is stale, a real one arrives in seconds. */
const maxMessageAgeMs = 24 * 3_600_000;
const emptyTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const signatureInvalid = () => new Problem(403, 'webhook-signature-invalid', 'Signature not valid');
const notConfigured = () => new Problem(404, 'not-found', 'Not found');

export const webhookRoutes: FastifyPluginAsyncTypebox<WebhookRoutesOptions> = async (app, options) => {
  const { deps, messaging } = options;
  app.removeContentTypeParser(['application/json', 'application/x-www-form-urlencoded']);
  app.addContentTypeParser(
    ['application/json', 'application/x-www-form-urlencoded'],
    { parseAs: 'buffer', bodyLimit: 64 * 1024 },
    (request, body, done) => {
      request.rawBody = body as Buffer;
      done(null, {});
    },
  );

  const refuseForged = async (request: FastifyRequest, provider: string) => {
    await recordAudit(deps.db, {
      actor: { kind: 'anonymous' },
      action: 'webhook.receive',
      resource: { type: 'inbound_message' },
      outcome: 'failure',
      reason: `${provider}_signature_invalid`,
      requestId: request.id,
    });
    throw signatureInvalid();
  };

  const twilioParams = (request: FastifyRequest) =>
    Object.fromEntries(new URLSearchParams(request.rawBody?.toString('utf8') ?? ''));
  const twilioVerified = async (request: FastifyRequest) => {
    const sms = messaging.sms;
    if (sms?.provider !== 'twilio') throw notConfigured();
    const params = twilioParams(request);
    const header = request.headers['x-twilio-signature'];
    const url = `${options.publicUrl}${request.url}`;
    if (!verifyTwilioSignature(sms.authToken, url, params, typeof header === 'string' ? header : undefined)) {
      await refuseForged(request, 'twilio');
    }
    return params;
  };

  app.post(
    '/api/v1/webhooks/twilio/sms',
    {
      config: webhook,
      schema: {
        operationId: 'receiveTwilioSms',
        summary: 'Inbound SMS (Twilio)',
        description:
          'Twilio’s signed webhook for an SMS to our number. A reply with the check-in PIN is a check-in; HELP or SOS a signal; the answer is sent as a separate message.',
        tags,
        response: { 200: Type.String(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const params = await twilioVerified(request);
      const inbound = parseTwilioInbound(params);
      if (!inbound) throw new Problem(400, 'webhook-malformed', 'Not an inbound message');
      await handleInboundReply(deps, {
        provider: 'twilio',
        providerMessageId: inbound.providerMessageId,
        channel: 'sms',
        from: inbound.from,
        text: inbound.body,
        requestId: request.id,
      });
      return reply.type('text/xml').send(emptyTwiml);
    },
  );

  app.post(
    '/api/v1/webhooks/twilio/status',
    {
      config: webhook,
      schema: {
        operationId: 'receiveTwilioStatus',
        summary: 'SMS delivery receipt (Twilio)',
        tags,
        response: { 204: Type.Null(), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const status = parseTwilioStatusCallback(await twilioVerified(request));
      if (!status) throw new Problem(400, 'webhook-malformed', 'Not a status callback');
      await recordReceipt(deps.db, { provider: 'twilio', ...status }, deps.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/webhooks/whatsapp',
    {
      config: webhook,
      schema: {
        operationId: 'verifyWhatsAppWebhook',
        summary: 'WhatsApp webhook verification',
        description: 'Meta’s subscription handshake: the challenge is echoed when the verify token is ours.',
        tags,
        querystring: Type.Object({
          'hub.mode': Type.Optional(Type.String({ maxLength: 50 })),
          'hub.verify_token': Type.Optional(Type.String({ maxLength: 500 })),
          'hub.challenge': Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: Type.String(), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const whatsapp = messaging.whatsapp;
      if (!whatsapp) throw notConfigured();
      const query = request.query;
      if (query['hub.mode'] !== 'subscribe' || query['hub.verify_token'] !== whatsapp.verifyToken) {
        throw new Problem(403, 'webhook-verification-refused', 'Verification refused');
      }
      return reply.type('text/plain').send(query['hub.challenge'] ?? '');
    },
  );

  app.post(
    '/api/v1/webhooks/whatsapp',
    {
      config: webhook,
      schema: {
        operationId: 'receiveWhatsApp',
        summary: 'Inbound WhatsApp messages and receipts',
        description:
          'Meta’s signed webhook (X-Hub-Signature-256 over the exact body): replies count as check-ins; statuses are delivery receipts.',
        tags,
        response: { 200: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => whatsAppEvent(request, reply),
  );

  async function whatsAppEvent(request: FastifyRequest, reply: FastifyReply) {
    const whatsapp = messaging.whatsapp;
    if (!whatsapp) throw notConfigured();
    const raw = request.rawBody ?? Buffer.alloc(0);
    const header = request.headers['x-hub-signature-256'];
    if (!verifyMetaSignature(whatsapp.appSecret, raw, typeof header === 'string' ? header : undefined)) {
      await refuseForged(request, 'whatsapp');
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new Problem(400, 'webhook-malformed', 'Not JSON');
    }
    const event = parseWhatsAppWebhook(json);
    if (!event) throw new Problem(400, 'webhook-malformed', 'Not a WhatsApp webhook');
    const now = deps.clock.now();
    let replays = 0;
    for (const message of event.messages) {
      if (now.getTime() - message.timestamp.getTime() > maxMessageAgeMs) {
        replays += 1;
        await recordAudit(deps.db, {
          actor: { kind: 'anonymous' },
          action: 'webhook.receive',
          resource: { type: 'inbound_message' },
          outcome: 'failure',
          reason: 'stale',
          requestId: request.id,
        });
        continue;
      }
      try {
        await handleInboundReply(deps, {
          provider: 'whatsapp_cloud',
          providerMessageId: message.providerMessageId,
          channel: 'whatsapp',
          from: message.from,
          text: message.text ?? '',
          requestId: request.id,
        });
      } catch (error) {
        if (!(error instanceof Problem && error.slug === 'webhook-replayed')) throw error;
        replays += 1;
      }
    }
    for (const status of event.statuses) {
      await recordReceipt(deps.db, { provider: 'whatsapp_cloud', ...status }, now);
    }
    if (replays > 0 && replays === event.messages.length && event.statuses.length === 0) throw replayed();
    return reply.code(200).send();
  }
};
