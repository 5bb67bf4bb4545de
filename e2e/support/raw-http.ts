// A hand-written HTTP/1.1 exchange over a plain socket, so a test can hold a request half-sent
// (headers delivered, body not yet) and so keep it in flight across a server's shutdown.
import { connect, type Socket } from 'node:net';

export interface RawExchange {
  readonly socket: Socket;
  /** Sends more bytes of the request. */
  send(bytes: string): void;
  /** Everything the server sent, once it has closed the connection (or `timeoutMs` passed). */
  received(timeoutMs?: number): Promise<string>;
}

/** Connects to the server at `baseUrl` and sends the first bytes of a request. */
export async function startRawExchange(baseUrl: string, firstBytes: string): Promise<RawExchange> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
  let text = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  const closed = new Promise<void>((resolveClose) => socket.once('close', () => resolveClose()));
  socket.on('error', () => undefined);
  await new Promise<void>((resolveConnect, reject) => {
    socket.once('connect', resolveConnect);
    socket.once('error', reject);
  });
  socket.write(firstBytes);
  return {
    socket,
    send: (bytes) => socket.write(bytes),
    received: async (timeoutMs = 15_000) => {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolveTimeout) => {
        timer = setTimeout(resolveTimeout, timeoutMs);
      });
      await Promise.race([closed, timedOut]);
      clearTimeout(timer);
      socket.destroy();
      return text;
    },
  };
}

/** The status code of a raw HTTP response, or undefined when nothing came back. */
export function statusOf(response: string): number | undefined {
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(response);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
