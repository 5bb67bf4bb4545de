// The console's calls for messages Homeward could not deliver (the OpenAPI document at /api/openapi.json, tag
// "messaging"): the embassy's dead-lettered or failed messages, never an address or a text, and sending one again.
// The console imports no server code.
import { withQuery } from './registry-api';
import { call } from './staff-api';

/** The statuses the screen filters by: a message that used every try, and one that found no way to its recipient. */
export const undeliveredStatuses = ['dead', 'failed'] as const;
export type UndeliveredStatus = (typeof undeliveredStatuses)[number];

export type DeliveryStatus = UndeliveredStatus | 'pending' | 'sending' | 'sent' | 'delivered';

export interface Delivery {
  readonly id: string;
  /** The template's name, e.g. `check_in_reminder`. */
  readonly template: string;
  readonly recipientKind: 'citizen' | 'trusted_contact' | 'organisation';
  readonly stayId: string | null;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** The channel last tried (`sms`, `whatsapp`, `email`, `push`), if any. */
  readonly channel: string | null;
  readonly provider: string | null;
  /** The provider's or the worker's error code, e.g. `no_channel`; never a message text. */
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string | null;
}

const base = '/api/v1/deliveries';

export const deliveriesApi = {
  list: (status: DeliveryStatus) => call<{ items: Delivery[] }>('GET', withQuery(base, { status })),
  retry: (deliveryId: string) =>
    call<{ id: string; status: 'pending' }>('POST', `${base}/${encodeURIComponent(deliveryId)}/retry`),
};
