// Email over SMTP (nodemailer), the channel of last resort: every citizen has an address, but mail is read late.
// SMTP takes no idempotency key and has no status API, so a message in flight when a worker died is simply sent
// again; its Message-ID, made from our message id, lets a mail client fold the duplicate. Nothing about a message
// (address, subject, text) is logged or put into an outcome's code.
import { createTransport, type NodemailerError } from 'nodemailer';
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel.js';

export interface EmailChannelOptions {
  /** `smtp://user:password@host:port` or `smtps://…`, as for the staff mailer. */
  readonly smtpUrl: string;
  /** The From header, e.g. `Homeward <no-reply@homeward.example.gov>`; its domain names our Message-IDs. */
  readonly from: string;
}

// A stuck SMTP server must not hold a delivery worker for nodemailer's defaults of two and ten minutes; the worker's
// own signal usually ends an attempt sooner.
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

/**
 * The email channel. `close()` ends the transport when the worker stops.
 *
 * ```ts
 * const email = createEmailChannel({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'Homeward <no-reply@example.gov>' });
 * const outcome = await email.send(message, AbortSignal.timeout(30_000));
 * ```
 */
export function createEmailChannel(options: EmailChannelOptions): ChannelAdapter & { close(): void } {
  const transport = createTransport({ url: options.smtpUrl, ...timeouts, logger: false, debug: false });
  const domain = messageIdDomain(options.from);
  return {
    kind: 'email',
    provider: 'smtp',
    isIdempotent: false,
    async send(message, signal) {
      const messageId = `<${messageIdLocalPart(message.id)}@${domain}>`;
      try {
        // Several addresses (an embassy's duty staff) go as Bcc, so no one learns the others' addresses.
        const addresses = message.to.split(',').map((address) => address.trim());
        await transport.sendMail({
          from: options.from,
          ...(addresses.length > 1 ? { bcc: addresses } : { to: message.to }),
          subject: message.subject,
          text: message.text,
          messageId,
          headers: { 'Content-Language': message.language },
          // nodemailer closes this message's connection when the signal aborts.
          signal,
        });
        return { kind: 'sent', providerMessageId: messageId };
      } catch (error) {
        return smtpFailure(error, signal);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** What an SMTP failure means for the worker (RFC 5321: 4yz try again, 5yz never). */
function smtpFailure(error: unknown, signal: AbortSignal): SendOutcome {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as NodemailerError;
  if (signal.aborted || failure.code === 'EABORT') return { kind: 'transient', code: 'timeout' };
  const responseCode = failure.responseCode;
  if (typeof responseCode === 'number') {
    // 503 (bad sequence of commands) is a 5yz the same message can pass on a new connection; nodemailer says so
    // with `permanent: false`.
    const permanent = responseCode >= 500 && responseCode < 600 && failure.permanent !== false;
    return { kind: permanent ? 'permanent' : 'transient', code: `smtp_${responseCode}` };
  }
  if (failure.code === 'ETIMEDOUT') return { kind: 'transient', code: 'timeout' };
  // An address nodemailer cannot even put on the envelope will never work; anything else without an SMTP reply is a
  // connection that failed (refused, reset, DNS, TLS) and may work later.
  if (failure.code === 'EENVELOPE') return { kind: 'permanent', code: 'smtp_envelope' };
  const code = typeof failure.code === 'string' ? failure.code.toLowerCase().replace(/[^a-z0-9_]/g, '') : '';
  return { kind: 'transient', code: code === '' ? 'smtp_connection' : `smtp_${code}` };
}

/** The domain of the From address, so our Message-IDs are unique to us (RFC 5322 section 3.6.4). */
function messageIdDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1] ?? 'homeward.invalid';
}

/** Our id as a dot-atom: outbox ids are UUIDs, but a stray character must not make the header invalid. */
function messageIdLocalPart(id: OutgoingMessage['id']): string {
  return id.replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '-');
}
