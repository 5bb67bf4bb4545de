// While the server shuts down, every response says `Connection: close`, so keep-alive clients let go
// and the server can finish closing instead of waiting out their idle timeout.
import type { FastifyInstance } from 'fastify';
import { sendProblem, shuttingDown } from './problem.js';

export function closeConnectionsWhenClosing(app: FastifyInstance): void {
  let isClosing = false;
  app.addHook('preClose', async () => {
    isClosing = true;
  });
  // A request routed in the instant shutdown begins is refused with a problem the client can retry.
  app.addHook('onRequest', async (_request, reply) => {
    if (isClosing) return sendProblem(reply, shuttingDown());
  });
  app.addHook('onSend', async (_request, reply) => {
    if (isClosing) reply.header('connection', 'close');
  });
}
