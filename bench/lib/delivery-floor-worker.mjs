// The delivery bench's floor, run as a process of its own as `homeward worker` is: the least any outbox must do to
// send a message. It claims a batch with FOR UPDATE SKIP LOCKED (marking it `sending`, so other claimers skip it once
// the claim commits), makes one HTTP POST per message to the provider (Infobip's request shape, the same text, through
// the same `fetch`, with the same 8 in flight), and one UPDATE per message marking it sent. Nothing else: no attempt
// row before the call, no address to open, no rate limit or quiet-hours check, no transaction around the outcome, no
// lease token on the writes and no recovery of another worker's expired claim.
//
// node delivery-floor-worker.mjs '{"databaseUrl":…,"providerUrl":…,"apiKey":…,"batchSize":16,"lanes":8,"poolSize":2,"idleMs":1000}'
// Prints `floorReadyLine` when it polls; stops after the batch in hand on SIGTERM.
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { renderMessage } from '../../packages/server/dist/notifications/message-templates.js';

export const floorReadyLine = 'delivery floor worker is running';

/** The bench imports `floorReadyLine` from here; only a process started with this file runs the loop. */
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) await run(JSON.parse(process.argv[2] ?? '{}'));

/**
 * @param {{ databaseUrl: string, providerUrl: string, apiKey: string, batchSize: number, lanes: number, poolSize: number, idleMs: number }} options
 */
async function run(options) {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  const url = new URL('/sms/3/messages', options.providerUrl).toString();
  const text = renderMessage('check_in_reminder', 'en', { stage: 'before_due' }).text;

  /** @param {{ id: string }} message */
  const send = async (message) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `App ${options.apiKey}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        messages: [
          { sender: 'Homeward', destinations: [{ to: '66810000000', messageId: message.id }], content: { text } },
        ],
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`provider answered ${response.status}`);
    await pool.query(
      `update outbox_message set status = 'sent', sent_at = $2, provider = 'infobip', channel = 'sms',
         provider_message_id = $3, lease_token = null, lease_until = null, updated_at = $2
       where id = $1`,
      [message.id, new Date(), body.messages[0].messageId],
    );
  };

  const deliverOnce = async () => {
    const now = new Date();
    const { rows } = await pool.query(
      `with due as (
         select id from outbox_message
         where status = 'pending' and available_at <= $1
         order by available_at
         limit $2
         for update skip locked
       )
       update outbox_message m set status = 'sending', lease_until = $3, updated_at = $1
       from due where m.id = due.id
       returning m.id`,
      [now, options.batchSize, new Date(now.getTime() + 60_000)],
    );
    const queue = [...rows];
    await Promise.all(
      Array.from({ length: Math.min(options.lanes, queue.length) }, async () => {
        for (let message = queue.shift(); message; message = queue.shift()) {
          try {
            await send(message);
          } catch (error) {
            process.stderr.write(`floor: ${message.id} not sent: ${error}\n`);
          }
        }
      }),
    );
    return rows.length;
  };

  let isStopping = false;
  /** @type {(() => void) | undefined} */
  let wake;
  process.once('SIGTERM', () => {
    isStopping = true;
    wake?.();
  });
  process.stdout.write(`${floorReadyLine} (process ${process.pid})\n`);
  while (!isStopping) {
    let claimed = 0;
    try {
      claimed = await deliverOnce();
    } catch (error) {
      process.stderr.write(`floor: batch failed: ${error}\n`);
    }
    if (claimed < options.batchSize && !isStopping) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, options.idleMs);
        wake = () => {
          clearTimeout(timer);
          resolve(undefined);
        };
      });
    }
  }
  await pool.end();
}
