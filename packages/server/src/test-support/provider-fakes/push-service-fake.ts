// A local Web Push service (RFC 8030) standing in for the browsers' push services, which tests cannot reach. It
// hands out real subscriptions (a P-256 key pair and auth secret, as a browser makes them), keeps the private keys,
// and so can do what only the browser can: decrypt each message (RFC 8291 over RFC 8188 aes128gcm). It checks the
// VAPID signature (RFC 8292) the way a real push service does, and fails on demand.
import { createDecipheriv, createECDH, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';
import { createWaiter } from './fake-http.js';

/** A subscription as the browser's `PushSubscription.toJSON()` gives it. */
export interface FakePushSubscription {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

export interface ReceivedPush {
  readonly endpoint: string;
  readonly ttl: number;
  readonly topic: string | undefined;
  readonly urgency: string | undefined;
  /** The decrypted payload, parsed as JSON (the text itself when it is not JSON). */
  readonly payload: unknown;
}

export interface PushServiceFake {
  readonly url: string;
  readonly received: readonly ReceivedPush[];
  /**
   * A new subscription on this service. With `applicationServerKey` (our VAPID public key), messages signed with
   * any other key are refused with 403, as browsers' push services do.
   */
  createSubscription(options?: { readonly applicationServerKey?: string }): FakePushSubscription;
  /** Answer the next `count` messages with this status (e.g. 410, 429, 500), before decrypting anything. */
  failNext(count: number, status: number): void;
  /** The subscription expired: every later message to it gets 410 Gone. */
  expire(endpoint: string): void;
  waitForPush(endpoint: string, timeoutMs?: number): Promise<ReceivedPush>;
  close(): Promise<void>;
}

interface Subscriber {
  readonly ecdh: ReturnType<typeof createECDH>;
  readonly auth: Buffer;
  readonly applicationServerKey: string | undefined;
  expired: boolean;
}

export async function startPushServiceFake(): Promise<PushServiceFake> {
  const subscribers = new Map<string, Subscriber>();
  const received: ReceivedPush[] = [];
  const failures: number[] = [];
  const waiter = createWaiter(received);

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, Buffer.concat(chunks)).then(
        ({ status, headers }) => response.writeHead(status, headers ?? {}).end(),
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(request: IncomingMessage, body: Buffer): Promise<Answer> {
    const endpoint = `${url}${request.url ?? ''}`;
    const subscriber = request.method === 'POST' ? subscribers.get(endpoint) : undefined;
    if (subscriber === undefined) return { status: 404 };
    const injected = failures.shift();
    if (injected !== undefined) return { status: injected, headers: injected === 429 ? { 'retry-after': '7' } : {} };
    if (subscriber.expired) return { status: 410 };
    const vapid = await verifyVapid(request.headers.authorization, new URL(url).origin);
    if (vapid === undefined) return { status: 401 };
    if (subscriber.applicationServerKey !== undefined && vapid !== subscriber.applicationServerKey)
      return { status: 403 };
    const ttl = Number(request.headers.ttl);
    if (!Number.isInteger(ttl) || ttl < 0) return { status: 400 };
    const topic = header(request, 'topic');
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) return { status: 400 };
    if (header(request, 'content-encoding') !== 'aes128gcm') return { status: 415 };
    if (body.length > 4096) return { status: 413 };
    const plaintext = decrypt(body, subscriber);
    if (plaintext === undefined) return { status: 400 };
    received.push({ endpoint, ttl, topic, urgency: header(request, 'urgency'), payload: parsed(plaintext) });
    waiter.notify();
    return { status: 201, headers: { location: `${url}/message/${randomUUID()}` } };
  }

  return {
    url,
    received,
    createSubscription(options = {}) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const endpoint = `${url}/push/${randomUUID()}`;
      subscribers.set(endpoint, { ecdh, auth, applicationServerKey: options.applicationServerKey, expired: false });
      return {
        endpoint,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      };
    },
    failNext(count, status) {
      for (let i = 0; i < count; i += 1) failures.push(status);
    },
    expire(endpoint) {
      const subscriber = subscribers.get(endpoint);
      if (subscriber !== undefined) subscriber.expired = true;
    },
    waitForPush(endpoint, timeoutMs = 15_000) {
      return waiter.waitFor((push) => push.endpoint === endpoint, timeoutMs, 'push to that subscription');
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface Answer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The sender's VAPID public key when `Authorization: vapid t=<JWT>, k=<key>` carries an ES256 JWT signed by that
 * key, for this push service (`aud`), not expired, at most a day ahead (RFC 8292 section 2), with a contact (`sub`).
 */
async function verifyVapid(authorization: string | undefined, audience: string): Promise<string | undefined> {
  const match = /^vapid\s+t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)\s*$/i.exec(authorization ?? '');
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const point = Buffer.from(match[2], 'base64url');
  if (point.length !== 65 || point[0] !== 4) return undefined;
  try {
    const key = await importJWK(
      {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      'ES256',
    );
    const { payload } = await jwtVerify(match[1], key, {
      audience,
      algorithms: ['ES256'],
      requiredClaims: ['exp', 'sub'],
    });
    const dayAhead = Date.now() / 1000 + 24 * 60 * 60;
    if (typeof payload.exp !== 'number' || payload.exp > dayAhead + 60) return undefined;
    return match[2];
  } catch {
    return undefined;
  }
}

/**
 * The plaintext of an aes128gcm message to `subscriber`, as the browser would get it, or undefined if it does not
 * decrypt. Header: salt (16), record size (4), key id length (1), key id = the sender's ephemeral public key (65).
 */
function decrypt(body: Buffer, subscriber: Subscriber): Buffer | undefined {
  if (body.length < 21) return undefined;
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body.readUInt8(20);
  const senderKey = body.subarray(21, 21 + keyIdLength);
  const record = body.subarray(21 + keyIdLength);
  // Web Push sends one record, which includes the padding delimiter and the 16-byte tag.
  if (keyIdLength !== 65 || record.length < 17 || record.length > recordSize) return undefined;
  try {
    const receiverKey = subscriber.ecdh.getPublicKey();
    const sharedSecret = subscriber.ecdh.computeSecret(senderKey);
    // RFC 8291 section 3.3: mix the auth secret and both public keys into the input keying material.
    const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverKey, senderKey]);
    const ikm = Buffer.from(hkdfSync('sha256', sharedSecret, subscriber.auth, keyInfo, 32));
    // RFC 8188 section 2.2 and 2.3: content encryption key and nonce from the salt.
    const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
    const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    // The last record ends with the delimiter 0x02 followed by zero or more zero bytes of padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end -= 1;
    return padded[end] === 2 ? padded.subarray(0, end) : undefined;
  } catch {
    return undefined;
  }
}

function parsed(plaintext: Buffer): unknown {
  const text = plaintext.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
