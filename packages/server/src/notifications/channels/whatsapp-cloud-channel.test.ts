import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { startWhatsAppFake, type WhatsAppFake } from '../../test-support/provider-fakes/whatsapp-fake.js';
import type { OutgoingMessage } from './channel.js';
import { createWhatsAppCloudChannel, whatsAppLanguage } from './whatsapp-cloud-channel.js';
import { metaSignature, parseWhatsAppWebhook, verifyMetaSignature } from './whatsapp-webhooks.js';

const credentials = { phoneNumberId: '106540352242922', accessToken: 'EAAtest-token', appSecret: 'app-secret' };
let fake: WhatsAppFake | undefined;
let receiver: Server | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  receiver = undefined;
});

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: '5d0e1c55-8a3f-4b4e-9f0a-1b2c3d4e5f60',
    to: '+66812345678',
    template: 'check_in_reminder',
    language: 'zh',
    subject: 'Homeward',
    text: '请今天报平安。',
    purpose: 'notice',
    ...overrides,
  };
}

async function started(accessToken = credentials.accessToken) {
  fake = await startWhatsAppFake(credentials);
  const channel = createWhatsAppCloudChannel({
    apiUrl: fake.url,
    phoneNumberId: credentials.phoneNumberId,
    accessToken,
  });
  return { fake, channel };
}

describe('sending', () => {
  test('a notice goes out as the approved template in WhatsApp’s language code, with our id for the receipts', async () => {
    const { fake, channel } = await started();

    const outcome = await channel.send(message(), AbortSignal.timeout(5_000));

    const sent = await fake.waitForMessageTo('+66812345678');
    expect(sent).toMatchObject({
      to: '66812345678',
      type: 'template',
      templateName: 'homeward_check_in_reminder',
      language: 'zh_CN',
      text: '请今天报平安。',
      bizOpaqueCallbackData: '5d0e1c55-8a3f-4b4e-9f0a-1b2c3d4e5f60',
    });
    expect(outcome).toEqual({ kind: 'sent', providerMessageId: sent.wamid });
    expect(sent.wamid).toMatch(/^wamid\./);
    expect(channel).toMatchObject({ kind: 'whatsapp', provider: 'whatsapp_cloud', isIdempotent: false });
    expect('reconcile' in channel).toBe(false);
  });

  test('a reply inside the 24-hour window goes out as free text without a link preview', async () => {
    const { fake, channel } = await started();

    const outcome = await channel.send(
      message({ purpose: 'reply', text: 'Thank you, noted.' }),
      AbortSignal.timeout(5_000),
    );

    expect(outcome.kind).toBe('sent');
    expect(fake.messages).toEqual([
      expect.objectContaining({ type: 'text', text: 'Thank you, noted.', previewUrl: false, to: '66812345678' }),
    ]);
  });

  test('each of our languages maps to the code its templates are approved under', () => {
    const codes = ['en', 'id', 'ms', 'th', 'vi', 'fil', 'my', 'km', 'lo', 'zh', 'zh-Hans'].map(whatsAppLanguage);
    expect(codes).toEqual(['en', 'id', 'ms', 'th', 'vi', 'fil', 'my', 'km', 'lo', 'zh_CN', 'zh_CN']);
  });

  test('a refused access token is permanent, so the worker falls back to another channel', async () => {
    const { channel } = await started('EAAwrong');

    expect(await channel.send(message(), AbortSignal.timeout(5_000))).toEqual({
      kind: 'permanent',
      code: 'whatsapp_190',
    });
  });

  test.each([
    [{ status: 500 }, 'transient', 'whatsapp_1'],
    [{ status: 503, code: 131016 }, 'transient', 'whatsapp_131016'],
    [{ status: 400, code: 130429 }, 'transient', 'whatsapp_130429'],
    [{ status: 400, code: 131056 }, 'transient', 'whatsapp_131056'],
    [{ status: 400, code: 131048 }, 'transient', 'whatsapp_131048'],
    [{ status: 400, code: 80007 }, 'transient', 'whatsapp_80007'],
    [{ status: 400, code: 131026 }, 'permanent', 'whatsapp_131026'],
    [{ status: 400, code: 131047 }, 'permanent', 'whatsapp_131047'],
    [{ status: 400, code: 131051 }, 'permanent', 'whatsapp_131051'],
    [{ status: 404, code: 132001 }, 'permanent', 'whatsapp_132001'],
    [{ status: 400, code: 100 }, 'permanent', 'whatsapp_100'],
  ] as const)('a Graph error %o is %s, named %s', async (failure, kind, code) => {
    const { fake, channel } = await started();
    fake.failNext(1, failure);

    const outcome = await channel.send(message(), AbortSignal.timeout(5_000));

    expect(outcome).toMatchObject({ kind, code });
    expect(await channel.send(message(), AbortSignal.timeout(5_000))).toMatchObject({ kind: 'sent' });
  });

  test('an API that never answers ends as a transient timeout when the worker aborts', async () => {
    const { fake, channel } = await started();
    fake.failNext(1, { hang: true });

    expect(await channel.send(message(), AbortSignal.timeout(300))).toEqual({ kind: 'transient', code: 'timeout' });
    expect(fake.messages).toHaveLength(0);
  });

  test('a message Meta took before the answer was lost is a timeout too, which is why receipts are awaited', async () => {
    const { fake, channel } = await started();
    fake.failNext(1, { acceptThenHang: true });

    expect(await channel.send(message(), AbortSignal.timeout(300))).toEqual({ kind: 'transient', code: 'timeout' });
    expect(fake.messages).toHaveLength(1);
  });

  test('an API that cannot be reached is a transient network failure', async () => {
    const { fake, channel } = await started();
    await fake.close();

    expect(await channel.send(message(), AbortSignal.timeout(5_000))).toEqual({ kind: 'transient', code: 'network' });
  });
});

describe('webhooks', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  test('a signature over the exact body under our app secret is accepted', () => {
    expect(verifyMetaSignature('app-secret', body, metaSignature('app-secret', body))).toBe(true);
  });

  test('a signature is refused when one byte of the body changed, the secret differs, or it is missing', () => {
    const signature = metaSignature('app-secret', body);
    const changed = Buffer.from(body);
    changed[10] = (changed[10] ?? 0) ^ 1;
    expect(verifyMetaSignature('app-secret', changed, signature)).toBe(false);
    expect(verifyMetaSignature('other-secret', body, signature)).toBe(false);
    expect(verifyMetaSignature('app-secret', body, undefined)).toBe(false);
    expect(verifyMetaSignature('app-secret', body, signature.slice(0, -1))).toBe(false);
  });

  test('a real-shaped payload yields the reply with its sender in E.164 and the status with our id', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
                contacts: [{ profile: { name: 'Somchai' }, wa_id: '66812345678' }],
                messages: [
                  { from: '66812345678', id: 'wamid.A1', timestamp: '1717000000', type: 'text', text: { body: 'OK' } },
                  { from: '66812345678', id: 'wamid.A2', timestamp: '1717000060', type: 'image', image: { id: 'm' } },
                ],
                statuses: [
                  {
                    id: 'wamid.B1',
                    status: 'failed',
                    timestamp: '1717000100',
                    recipient_id: '66812345678',
                    biz_opaque_callback_data: 'our-id',
                    errors: [{ code: 131026, title: 'Message undeliverable' }],
                    pricing: { billable: false },
                  },
                  { id: 'wamid.B2', status: 'delivered', timestamp: '1717000101', recipient_id: '66812345678' },
                ],
              },
            },
          ],
        },
      ],
    };

    expect(parseWhatsAppWebhook(payload)).toEqual({
      messages: [
        { providerMessageId: 'wamid.A1', from: '+66812345678', timestamp: new Date(1_717_000_000_000), text: 'OK' },
        {
          providerMessageId: 'wamid.A2',
          from: '+66812345678',
          timestamp: new Date(1_717_000_060_000),
          text: undefined,
        },
      ],
      statuses: [
        { providerMessageId: 'wamid.B1', status: 'failed', ourMessageId: 'our-id', errorCode: 'whatsapp_131026' },
        { providerMessageId: 'wamid.B2', status: 'delivered' },
      ],
    });
  });

  test('a payload of another shape is not taken for a WhatsApp webhook', () => {
    expect(parseWhatsAppWebhook({ object: 'page', entry: [] })).toBeUndefined();
    expect(parseWhatsAppWebhook({ object: 'whatsapp_business_account', entry: [{ changes: 'x' }] })).toBeUndefined();
    const noSender = { field: 'messages', value: { messages: [{ id: 'wamid.X', timestamp: '1', type: 'text' }] } };
    expect(
      parseWhatsAppWebhook({ object: 'whatsapp_business_account', entry: [{ changes: [noSender] }] }),
    ).toBeUndefined();
    expect(parseWhatsAppWebhook('{}')).toBeUndefined();
  });

  test('the fake posts a reply and a status signed the way our helpers check them', async () => {
    const received: { raw: Buffer; signature: string | undefined }[] = [];
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const signature = request.headers['x-hub-signature-256'];
        received.push({ raw: Buffer.concat(chunks), signature: typeof signature === 'string' ? signature : undefined });
        response.end('EVENT_RECEIVED');
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve));
    const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/whatsapp`;
    const { fake } = await started();

    const answer = await fake.sendInbound(webhookUrl, { from: '+66812345678', text: 'safe', id: 'wamid.IN' });
    await fake.sendStatus(webhookUrl, { wamid: 'wamid.OUT', status: 'read', ourMessageId: 'our-id' });

    expect(answer).toEqual({ status: 200, body: 'EVENT_RECEIVED' });
    expect(received.map(({ raw, signature }) => verifyMetaSignature('app-secret', raw, signature))).toEqual([
      true,
      true,
    ]);
    const [inbound, status] = received.map(({ raw }) => parseWhatsAppWebhook(JSON.parse(raw.toString('utf8'))));
    expect(inbound?.messages).toEqual([
      { providerMessageId: 'wamid.IN', from: '+66812345678', timestamp: expect.any(Date), text: 'safe' },
    ]);
    expect(status?.statuses).toEqual([{ providerMessageId: 'wamid.OUT', status: 'read', ourMessageId: 'our-id' }]);
  });
});
