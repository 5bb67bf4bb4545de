// Sends a check-in so that a tap is counted once however often it is retried: each tap gets an Idempotency-Key,
// kept with the request while it has not reached the server. With no network the request waits in memory only
// (never in storage: it holds the PIN) and is sent again when the browser is back online, or on "try again".
import type { ApiAnswer, ProblemAnswer } from '../account/api';

export type SendOutcome<R> =
  | { readonly kind: 'received'; readonly receipt: R }
  /** Not sent (no connection, or the server could not answer): kept in memory, to be sent again with the same key. */
  | { readonly kind: 'waiting' }
  | { readonly kind: 'refused'; readonly problem: ProblemAnswer };

export interface CheckInSender<B, R> {
  /** Sends a new tap; the same request as the one waiting is a retry of it, with its key. */
  send(body: B): Promise<SendOutcome<R>>;
  /** Sends the waiting request again, with its key; undefined when nothing waits. */
  retry(): Promise<SendOutcome<R> | undefined>;
  isWaiting(): boolean;
  /** Forgets the waiting request (the form was cleared, or the citizen logged out). */
  discard(): void;
}

/** True when the request may not have reached the server, so sending it again with its key is safe and useful. */
export function isWorthRetrying(problem: ProblemAnswer): boolean {
  return problem.status === 0 || problem.status === 502 || problem.status === 503 || problem.status === 504;
}

export function createCheckInSender<B, R>(
  post: (body: B, idempotencyKey: string) => Promise<ApiAnswer<R>>,
  newKey: () => string = () => crypto.randomUUID(),
): CheckInSender<B, R> {
  let waiting: { readonly body: B; readonly key: string } | undefined;
  let inFlight: Promise<SendOutcome<R>> | undefined;

  const attempt = (body: B, key: string): Promise<SendOutcome<R>> => {
    waiting = { body, key };
    const sending = post(body, key).then((answer): SendOutcome<R> => {
      if (answer.ok) {
        if (waiting?.key === key) waiting = undefined;
        return { kind: 'received', receipt: answer.value };
      }
      if (isWorthRetrying(answer.problem)) return { kind: 'waiting' };
      if (waiting?.key === key) waiting = undefined;
      return { kind: 'refused', problem: answer.problem };
    });
    inFlight = sending;
    void sending.finally(() => {
      if (inFlight === sending) inFlight = undefined;
    });
    return sending;
  };

  return {
    send(body) {
      // A second tap while the first is on its way is the same tap.
      if (inFlight !== undefined && waiting !== undefined && isSameRequest(waiting.body, body)) return inFlight;
      const key = waiting !== undefined && isSameRequest(waiting.body, body) ? waiting.key : newKey();
      return attempt(body, key);
    },
    async retry() {
      if (waiting === undefined) return undefined;
      if (inFlight !== undefined) return inFlight;
      return attempt(waiting.body, waiting.key);
    },
    isWaiting: () => waiting !== undefined,
    discard() {
      waiting = undefined;
    },
  };
}

function isSameRequest(first: unknown, second: unknown): boolean {
  return JSON.stringify(first) === JSON.stringify(second);
}
