// How a login code reaches a phone: by the deployment's SMS provider when one is configured (sent at once, not
// through the outbox: a code is a secret that lives ten minutes, and the citizen is waiting for it), or, in demo mode
// without one, handed back to the demo screen. With neither the phone login answers 503
// (docs/decisions/0011-phone-one-time-code-login.md, 0017).
import type { ChannelAdapter } from '../notifications/channels/channel.js';
import { renderMessage } from '../notifications/message-templates.js';

export interface OneTimeCodeMessage {
  readonly challengeId: string;
  /** E.164; held in memory only for the call, never logged. */
  readonly phoneNumber: string;
  readonly code: string;
  /** The language the citizen reads, for the text of the message (a BCP 47 tag); undefined: English. */
  readonly language: string | undefined;
  readonly expiresAt: Date;
}

export interface OneTimeCodeDelivery {
  /** Only a demo sender sets this: the code, for the demo screen to show, clearly marked. */
  readonly demoCode?: string;
}

export interface OneTimeCodeSender {
  /** Hands the message over for delivery; throws if it cannot be. */
  send(message: OneTimeCodeMessage): Promise<OneTimeCodeDelivery>;
}

/** How many codes the demo sender remembers; the oldest are forgotten first. */
const demoMemory = 1000;

/**
 * Sends nothing: keeps the last code per challenge and returns it, so the demo citizen screen can show
 * "demo: your code is …". Never used outside demo mode: there it would hand the code to anyone who asked.
 */
export class DemoOneTimeCodeSender implements OneTimeCodeSender {
  readonly #codes = new Map<string, string>();

  async send(message: OneTimeCodeMessage): Promise<OneTimeCodeDelivery> {
    this.#codes.delete(message.challengeId);
    this.#codes.set(message.challengeId, message.code);
    if (this.#codes.size > demoMemory) this.#codes.delete(this.#codes.keys().next().value as string);
    return { demoCode: message.code };
  }

  /** The last code sent for a challenge, if remembered. */
  lastCodeFor(challengeId: string): string | undefined {
    return this.#codes.get(challengeId);
  }
}

/** A provider call that did not hand the code over; the cause is a provider code, never the number or the code. */
export class OneTimeCodeNotSent extends Error {
  constructor(readonly code: string) {
    super(`the SMS provider did not take the login code (${code})`);
  }
}

/** Sends the code by SMS through the configured provider, in the citizen's language. */
export class SmsOneTimeCodeSender implements OneTimeCodeSender {
  constructor(
    private readonly sms: ChannelAdapter,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: OneTimeCodeMessage): Promise<OneTimeCodeDelivery> {
    const rendered = renderMessage('one_time_code', message.language ?? 'en', { code: message.code });
    const outcome = await this.sms.send(
      {
        id: message.challengeId,
        to: message.phoneNumber,
        template: 'one_time_code',
        language: rendered.language,
        subject: rendered.subject,
        text: rendered.text,
        purpose: 'notice',
      },
      AbortSignal.timeout(this.timeoutMs),
    );
    if (outcome.kind !== 'sent') throw new OneTimeCodeNotSent(outcome.code);
    return {};
  }
}
