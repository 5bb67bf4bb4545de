import { afterEach, expect, test } from 'vitest';
import { type SmtpTestServer, startSmtpTestServer } from '../test-support/smtp-test-server.js';
import { createMailer, MailDeliveryError } from './mailer.js';

let smtp: SmtpTestServer | undefined;

afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

test('a message reaches a real SMTP server with its sender, recipient, subject and text', async () => {
  smtp = await startSmtpTestServer();
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'Homeward <no-reply@homeward.test>' });
  await mailer?.send({ to: 'Officer@Embassy.test', subject: 'Your invitation', text: 'Open https://x.test/#/a' });
  mailer?.close();
  const received = await smtp.waitForMessageTo('officer@embassy.test');
  expect(received).toEqual({
    recipients: ['officer@embassy.test'],
    from: 'no-reply@homeward.test',
    subject: 'Your invitation',
    text: 'Open https://x.test/#/a\n',
  });
});

test('no mailer without SMTP settings', () => {
  expect(createMailer(undefined)).toBeUndefined();
});

test('wrong SMTP credentials reject with a MailDeliveryError', async () => {
  smtp = await startSmtpTestServer({ username: 'homeward', password: 'right' });
  const wrongUrl = smtp.url.replace(':right@', ':wrong@');
  const mailer = createMailer({ smtpUrl: wrongUrl, from: 'no-reply@homeward.test' });
  await expect(mailer?.send({ to: 'a@b.test', subject: 's', text: 't' })).rejects.toBeInstanceOf(MailDeliveryError);
  mailer?.close();
  expect(smtp.messages).toEqual([]);
});
