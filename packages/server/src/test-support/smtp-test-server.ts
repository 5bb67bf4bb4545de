// A real SMTP server on localhost for tests (smtp-server), which parses every message it receives
// (mailparser), so a test can read the invitation an app sent exactly as a mail client would.
import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO), lower-case. */
  readonly recipients: readonly string[];
  /** The From header's address. */
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  /**
   * Every header, by lower-case name (the first of a repeated one), unfolded; only when the server was started
   * with `keepHeaders`, so tests comparing whole messages see the four fields above and nothing else.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface SmtpTestServer {
  /** An `smtp://` URL with the credentials it accepts, for `HOMEWARD_SMTP_URL`. */
  readonly url: string;
  readonly messages: readonly ReceivedMail[];
  /** Resolves with the first message (already received or yet to come) sent to `address`. */
  waitForMessageTo(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface SmtpTestServerOptions {
  /** The credentials it requires; a client without them is refused. */
  readonly username?: string;
  readonly password?: string;
  /** Keep each message's headers in {@link ReceivedMail.headers} (e.g. to read its Message-ID). */
  readonly keepHeaders?: boolean;
  /**
   * Answer RCPT TO for these addresses (lower-case) with this SMTP reply code, e.g. 550 (no such mailbox) or 451
   * (try again later), so a test can see how a client takes a refusal.
   */
  readonly refuseRecipients?: Readonly<Record<string, number>>;
}

export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const username = options.username ?? 'homeward';
  const password = options.password ?? 'smtp-test-password';
  const messages: ReceivedMail[] = [];
  const waiting = new Set<() => void>();

  const server = new SMTPServer({
    // Plain text on loopback: no certificate to make, and AUTH still checked.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === username && auth.password === password) callback(null, { user: username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      const responseCode = options.refuseRecipients?.[address.address.toLowerCase()];
      if (responseCode === undefined) callback();
      else callback(Object.assign(new Error(`refused by the test server (${responseCode})`), { responseCode }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          messages.push({
            recipients: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: firstAddress(parsed.from),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            ...(options.keepHeaders ? { headers: headersOf(parsed.headerLines) } : {}),
          });
          for (const wake of waiting) wake();
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://${encodeURIComponent(username)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    messages,
    waitForMessageTo(address, timeoutMs = 15_000) {
      const wanted = address.toLowerCase();
      const find = () => messages.find((message) => message.recipients.includes(wanted));
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find();
          if (!found) return;
          cleanUp();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanUp();
          reject(new Error(`no message to ${address} within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        const cleanUp = () => {
          clearTimeout(timer);
          waiting.delete(check);
        };
        waiting.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function firstAddress(address: AddressObject | AddressObject[] | undefined): string {
  const first = Array.isArray(address) ? address[0] : address;
  return first?.value[0]?.address ?? '';
}

function headersOf(lines: readonly { readonly key: string; readonly line: string }[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    if (key in headers) continue;
    const value = line.slice(line.indexOf(':') + 1);
    headers[key] = value.replace(/\r?\n[ \t]+/g, ' ').trim();
  }
  return headers;
}
