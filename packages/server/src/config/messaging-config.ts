// Settings of the messaging providers and of delivery. Each provider is on when its settings are present, and its
// settings come together or not at all, so a half-configured provider stops the server at start.
// See docs/decisions/0017-notifications-and-messaging-channels.md.
import { Type } from 'typebox';

const httpUrl = (example: string) => ({
  schema: Type.String({ pattern: '^https?://[^\\s]+$' }),
  allowed: `an http(s) URL, e.g. ${example}`,
});
const text = (allowed: string, isSecret = false) => ({
  schema: Type.String({ minLength: 1, maxLength: 500 }),
  allowed,
  ...(isSecret && { isSecret }),
});
const phone = {
  schema: Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' }),
  allowed: 'a phone number in E.164, e.g. +6620000000',
};
const integer = (minimum: number, maximum: number, unit: string) => ({
  schema: Type.Integer({ minimum, maximum }),
  allowed: `an integer number of ${unit} from ${minimum} to ${maximum}`,
});

export const messagingVariables = {
  HOMEWARD_TWILIO_ACCOUNT_SID: {
    schema: Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' }),
    allowed: 'a Twilio Account SID (AC + 32 hex digits)',
  },
  HOMEWARD_TWILIO_AUTH_TOKEN: text('the Twilio auth token (also checks inbound webhook signatures)', true),
  HOMEWARD_TWILIO_FROM: phone,
  HOMEWARD_TWILIO_API_URL: httpUrl('https://api.twilio.com'),
  HOMEWARD_INFOBIP_BASE_URL: httpUrl('https://xxxxx.api.infobip.com'),
  HOMEWARD_INFOBIP_API_KEY: text('an Infobip API key', true),
  HOMEWARD_INFOBIP_FROM: text('the Infobip sender (a number or an alphanumeric sender id)'),
  HOMEWARD_WHATSAPP_PHONE_NUMBER_ID: {
    schema: Type.String({ pattern: '^[0-9]{5,30}$' }),
    allowed: 'the WhatsApp Business phone number id (digits)',
  },
  HOMEWARD_WHATSAPP_ACCESS_TOKEN: text('a WhatsApp Cloud API access token', true),
  HOMEWARD_WHATSAPP_APP_SECRET: text('the Meta app secret, which signs webhooks', true),
  HOMEWARD_WHATSAPP_VERIFY_TOKEN: text('the verify token set on the webhook subscription', true),
  HOMEWARD_WHATSAPP_API_URL: httpUrl('https://graph.facebook.com/v21.0'),
  HOMEWARD_VAPID_SUBJECT: {
    schema: Type.String({ pattern: '^(mailto:|https://)[^\\s]+$' }),
    allowed: 'a mailto: or https: contact for push services',
  },
  HOMEWARD_VAPID_PUBLIC_KEY: {
    schema: Type.String({ pattern: '^[A-Za-z0-9_-]{80,100}$' }),
    allowed: 'a VAPID public key (base64url), e.g. from `npx web-push generate-vapid-keys`',
  },
  HOMEWARD_VAPID_PRIVATE_KEY: {
    schema: Type.String({ pattern: '^[A-Za-z0-9_-]{40,50}$' }),
    allowed: 'a VAPID private key (base64url)',
    isSecret: true,
  },
  HOMEWARD_DELIVERY_MAX_ATTEMPTS: integer(1, 50, 'attempts'),
  HOMEWARD_DELIVERY_RETRY_BASE_SECONDS: integer(1, 3600, 'seconds'),
  HOMEWARD_DELIVERY_TIMEOUT_SECONDS: integer(1, 120, 'seconds'),
} as const;

export type MessagingVariable = keyof typeof messagingVariables;

export type SmsConfig =
  | {
      readonly provider: 'twilio';
      readonly apiUrl: string;
      readonly accountSid: string;
      readonly authToken: string;
      readonly from: string;
    }
  | { readonly provider: 'infobip'; readonly baseUrl: string; readonly apiKey: string; readonly from: string };

export interface WhatsAppConfig {
  readonly apiUrl: string;
  readonly phoneNumberId: string;
  readonly accessToken: string;
  readonly appSecret: string;
  readonly verifyToken: string;
}

export interface PushConfig {
  readonly subject: string;
  readonly publicKey: string;
  readonly privateKey: string;
}

export interface DeliverySettings {
  /** Attempts over all channels before a message is dead-lettered. */
  readonly maxAttempts: number;
  /** The first retry waits about this long; each next one twice as long, with jitter, up to an hour. */
  readonly retryBaseSeconds: number;
  /** How long one provider call may take. */
  readonly timeoutSeconds: number;
}

export interface MessagingConfig {
  readonly sms: SmsConfig | undefined;
  readonly whatsapp: WhatsAppConfig | undefined;
  readonly push: PushConfig | undefined;
  readonly delivery: DeliverySettings;
}

export const defaultDeliverySettings: DeliverySettings = { maxAttempts: 8, retryBaseSeconds: 30, timeoutSeconds: 15 };

export const noMessaging: MessagingConfig = {
  sms: undefined,
  whatsapp: undefined,
  push: undefined,
  delivery: defaultDeliverySettings,
};

type Values = Partial<Record<MessagingVariable, unknown>>;

/** Names of a group of settings that must be set together, with the ones that may be left out. */
function group(values: Values, required: readonly MessagingVariable[], label: string, problems: string[]): boolean {
  const present = required.filter((name) => values[name] !== undefined);
  if (present.length > 0 && present.length < required.length) {
    problems.push(
      `${label} needs ${required.join(', ')} together (missing: ${required.filter((name) => !present.includes(name)).join(', ')})`,
    );
  }
  return present.length === required.length;
}

/** The messaging part of the configuration from already type-checked values; problems are appended. */
export function messagingConfigOf(values: Values, problems: string[]): MessagingConfig {
  const s = (name: MessagingVariable) => values[name] as string;
  const twilio = group(
    values,
    ['HOMEWARD_TWILIO_ACCOUNT_SID', 'HOMEWARD_TWILIO_AUTH_TOKEN', 'HOMEWARD_TWILIO_FROM'],
    'Twilio SMS',
    problems,
  );
  const infobip = group(
    values,
    ['HOMEWARD_INFOBIP_BASE_URL', 'HOMEWARD_INFOBIP_API_KEY', 'HOMEWARD_INFOBIP_FROM'],
    'Infobip SMS',
    problems,
  );
  if (twilio && infobip) problems.push('Configure one SMS provider: Twilio or Infobip, not both');
  const whatsapp = group(
    values,
    [
      'HOMEWARD_WHATSAPP_PHONE_NUMBER_ID',
      'HOMEWARD_WHATSAPP_ACCESS_TOKEN',
      'HOMEWARD_WHATSAPP_APP_SECRET',
      'HOMEWARD_WHATSAPP_VERIFY_TOKEN',
    ],
    'WhatsApp',
    problems,
  );
  const push = group(
    values,
    ['HOMEWARD_VAPID_SUBJECT', 'HOMEWARD_VAPID_PUBLIC_KEY', 'HOMEWARD_VAPID_PRIVATE_KEY'],
    'Web Push',
    problems,
  );
  const sms: SmsConfig | undefined = twilio
    ? {
        provider: 'twilio',
        apiUrl: (values.HOMEWARD_TWILIO_API_URL as string | undefined)?.replace(/\/$/, '') ?? 'https://api.twilio.com',
        accountSid: s('HOMEWARD_TWILIO_ACCOUNT_SID'),
        authToken: s('HOMEWARD_TWILIO_AUTH_TOKEN'),
        from: s('HOMEWARD_TWILIO_FROM'),
      }
    : infobip
      ? {
          provider: 'infobip',
          baseUrl: s('HOMEWARD_INFOBIP_BASE_URL').replace(/\/$/, ''),
          apiKey: s('HOMEWARD_INFOBIP_API_KEY'),
          from: s('HOMEWARD_INFOBIP_FROM'),
        }
      : undefined;
  return {
    sms,
    whatsapp: whatsapp
      ? {
          apiUrl:
            (values.HOMEWARD_WHATSAPP_API_URL as string | undefined)?.replace(/\/$/, '') ??
            'https://graph.facebook.com/v21.0',
          phoneNumberId: s('HOMEWARD_WHATSAPP_PHONE_NUMBER_ID'),
          accessToken: s('HOMEWARD_WHATSAPP_ACCESS_TOKEN'),
          appSecret: s('HOMEWARD_WHATSAPP_APP_SECRET'),
          verifyToken: s('HOMEWARD_WHATSAPP_VERIFY_TOKEN'),
        }
      : undefined,
    push: push
      ? {
          subject: s('HOMEWARD_VAPID_SUBJECT'),
          publicKey: s('HOMEWARD_VAPID_PUBLIC_KEY'),
          privateKey: s('HOMEWARD_VAPID_PRIVATE_KEY'),
        }
      : undefined,
    delivery: {
      maxAttempts: (values.HOMEWARD_DELIVERY_MAX_ATTEMPTS as number | undefined) ?? defaultDeliverySettings.maxAttempts,
      retryBaseSeconds:
        (values.HOMEWARD_DELIVERY_RETRY_BASE_SECONDS as number | undefined) ?? defaultDeliverySettings.retryBaseSeconds,
      timeoutSeconds:
        (values.HOMEWARD_DELIVERY_TIMEOUT_SECONDS as number | undefined) ?? defaultDeliverySettings.timeoutSeconds,
    },
  };
}
