import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { type SmtpTestServer, startSmtpTestServer } from '../../test-support/smtp-test-server.js';
import type { OutgoingMessage } from './channel.js';
import { createEmailChannel } from './email-channel.js';

const from = 'Homeward <no-reply@homeward.test>';
let smtp: SmtpTestServer | undefined;
let silent: Server | undefined;
const channels: { close(): void }[] = [];

afterEach(async () => {
  for (const channel of channels.splice(0)) channel.close();
  await smtp?.close();
  smtp = undefined;
  await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
  silent = undefined;
});

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: '0b7e4f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b',
    to: 'citizen@example.test',
    template: 'check_in_reminder',
    language: 'th',
    subject: 'Homeward reminder',
    text: 'Please check in today.',
    purpose: 'notice',
    ...overrides,
  };
}

function channelFor(smtpUrl: string) {
  const channel = createEmailChannel({ smtpUrl, from });
  channels.push(channel);
  return channel;
}

test('a message arrives with its subject, text, language and a Message-ID made from our id', async () => {
  smtp = await startSmtpTestServer({ keepHeaders: true });
  const channel = channelFor(smtp.url);

  const outcome = await channel.send(message(), AbortSignal.timeout(10_000));

  const received = await smtp.waitForMessageTo('citizen@example.test');
  expect(outcome).toEqual({ kind: 'sent', providerMessageId: '<0b7e4f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b@homeward.test>' });
  expect(received.subject).toBe('Homeward reminder');
  expect(received.text.trim()).toBe('Please check in today.');
  expect(received.from).toBe('no-reply@homeward.test');
  expect(received.headers?.['message-id']).toBe('<0b7e4f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b@homeward.test>');
  expect(received.headers?.['content-language']).toBe('th');
  expect(channel).toMatchObject({ kind: 'email', provider: 'smtp', isIdempotent: false });
  expect('reconcile' in channel).toBe(false);
});

test('a second attempt at the same message carries the same Message-ID, so a mail client can fold the duplicate', async () => {
  smtp = await startSmtpTestServer({ keepHeaders: true });
  const channel = channelFor(smtp.url);

  await channel.send(message(), AbortSignal.timeout(10_000));
  await channel.send(message(), AbortSignal.timeout(10_000));
  await channel.send(message({ id: 'another-message' }), AbortSignal.timeout(10_000));

  const ids = smtp.messages.map((received) => received.headers?.['message-id']);
  expect(ids).toEqual([
    '<0b7e4f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b@homeward.test>',
    '<0b7e4f2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b@homeward.test>',
    '<another-message@homeward.test>',
  ]);
});

test('a mailbox the server says does not exist (550) is a permanent failure named by the reply code only', async () => {
  smtp = await startSmtpTestServer({ refuseRecipients: { 'gone@example.test': 550 } });

  const outcome = await channelFor(smtp.url).send(message({ to: 'gone@example.test' }), AbortSignal.timeout(10_000));

  expect(outcome).toEqual({ kind: 'permanent', code: 'smtp_550' });
  expect(smtp.messages).toHaveLength(0);
});

test('a server asking to try again later (451) is a transient failure', async () => {
  smtp = await startSmtpTestServer({ refuseRecipients: { 'busy@example.test': 451 } });

  const outcome = await channelFor(smtp.url).send(message({ to: 'busy@example.test' }), AbortSignal.timeout(10_000));

  expect(outcome).toEqual({ kind: 'transient', code: 'smtp_451' });
});

test('an SMTP server that is down is a transient failure', async () => {
  smtp = await startSmtpTestServer();
  const url = smtp.url;
  await smtp.close();
  smtp = undefined;

  const outcome = await channelFor(url).send(message(), AbortSignal.timeout(10_000));

  expect(outcome.kind).toBe('transient');
  expect(JSON.stringify(outcome)).not.toContain('citizen@example.test');
});

test('an attempt the worker aborts ends at once as a transient timeout and drops the connection', async () => {
  // A server that accepts the connection and never greets: only the abort can end the attempt.
  const connections: { closed: boolean; socket: Socket }[] = [];
  silent = createServer((socket) => {
    const connection = { closed: false, socket };
    socket.on('close', () => {
      connection.closed = true;
    });
    socket.resume();
    connections.push(connection);
  });
  await new Promise<void>((resolve) => silent?.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as AddressInfo).port;
  const started = Date.now();

  const outcome = await channelFor(`smtp://127.0.0.1:${port}`).send(message(), AbortSignal.timeout(300));

  expect(outcome).toEqual({ kind: 'transient', code: 'timeout' });
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(connections).toHaveLength(1);
  await expect.poll(() => connections[0]?.closed).toBe(true);
});
