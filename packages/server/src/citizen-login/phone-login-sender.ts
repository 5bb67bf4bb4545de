// How a login code reaches a phone. SMS providers arrive with the notifications module (issue #7); until
// then only demo mode can send, by handing the code back to the demo screen. Outside demo mode with no
// sender the phone login answers 503 (docs/decisions/0011-phone-one-time-code-login.md).

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
