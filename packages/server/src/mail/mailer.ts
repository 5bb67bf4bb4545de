// Outgoing email over SMTP (nodemailer), for staff invitations and recovery links. Nothing about a
// message (address, subject, body) is ever logged here: a message carries personal data and, for an
// invitation, a secret link.
import { createTransport } from 'nodemailer';
import type { Config } from '../config/config.js';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  /** Hands the message to the SMTP server; rejects with a {@link MailDeliveryError} when it refuses or is unreachable. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** The SMTP server could not take a message; the cause is kept for the error log, never shown to a caller. */
export class MailDeliveryError extends Error {
  constructor(cause: unknown) {
    super('the SMTP server did not accept the message', { cause });
  }
}

// A stuck SMTP server must not hold a request (and, for invitations, a database transaction) for
// nodemailer's defaults of two and ten minutes.
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

/**
 * A mailer for `config.mail`, or `undefined` when no SMTP server is configured.
 *
 * ```ts
 * const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'Homeward <no-reply@example.gov>' });
 * await mailer?.send({ to: 'officer@example.gov', subject: 'Welcome', text: '…' });
 * ```
 */
export function createMailer(mail: Config['mail']): Mailer | undefined {
  if (mail === undefined) return undefined;
  const transport = createTransport({ url: mail.smtpUrl, ...timeouts, logger: false, debug: false });
  return {
    async send(message) {
      try {
        await transport.sendMail({ from: mail.from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        throw new MailDeliveryError(error);
      }
    },
    close() {
      transport.close();
    },
  };
}
