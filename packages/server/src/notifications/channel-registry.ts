// The channel adapters this deployment has, from its configuration: each provider is on when configured.
import type { Config } from '../config/config.js';
import { type ChannelAdapter, type ChannelKind, channelKinds } from './channels/channel.js';
import { createEmailChannel } from './channels/email-channel.js';
import { createInfobipSmsChannel } from './channels/infobip-sms-channel.js';
import { createTwilioSmsChannel } from './channels/twilio-sms-channel.js';
import { createWebPushChannel } from './channels/web-push-channel.js';
import { createWhatsAppCloudChannel } from './channels/whatsapp-cloud-channel.js';

export interface ChannelRegistry {
  readonly channels: ReadonlyMap<ChannelKind, ChannelAdapter>;
  close(): void;
}

/** Where providers post delivery receipts for the SMS provider: `/api/v1/webhooks/twilio/status`. */
export const twilioStatusPath = '/api/v1/webhooks/twilio/status';

/** The channels a configuration can send by, without building their adapters. */
export function availableChannels(config: Pick<Config, 'mail' | 'messaging'>): ChannelKind[] {
  const { sms, whatsapp, push } = config.messaging;
  return channelKinds.filter((kind) =>
    kind === 'push' ? push : kind === 'whatsapp' ? whatsapp : kind === 'sms' ? sms : config.mail,
  );
}

/** The SMS provider's adapter, when one is configured (the phone login sends its codes through it too). */
export function smsChannelFor(config: Pick<Config, 'messaging' | 'publicUrl'>): ChannelAdapter | undefined {
  const { sms } = config.messaging;
  if (sms?.provider === 'twilio') {
    return createTwilioSmsChannel({ ...sms, statusCallbackUrl: `${config.publicUrl}${twilioStatusPath}` });
  }
  return sms?.provider === 'infobip' ? createInfobipSmsChannel(sms) : undefined;
}

export function channelsFor(config: Pick<Config, 'mail' | 'messaging' | 'publicUrl'>): ChannelRegistry {
  const channels = new Map<ChannelKind, ChannelAdapter>();
  const closers: (() => void)[] = [];
  const { sms, whatsapp, push } = config.messaging;
  if (push) channels.set('push', createWebPushChannel({ vapid: push }));
  if (whatsapp) channels.set('whatsapp', createWhatsAppCloudChannel(whatsapp));
  if (sms?.provider === 'twilio') {
    channels.set(
      'sms',
      createTwilioSmsChannel({ ...sms, statusCallbackUrl: `${config.publicUrl}${twilioStatusPath}` }),
    );
  } else if (sms?.provider === 'infobip') {
    channels.set('sms', createInfobipSmsChannel(sms));
  }
  if (config.mail) {
    const email = createEmailChannel(config.mail);
    channels.set('email', email);
    closers.push(() => email.close());
  }
  return {
    channels,
    close: () => {
      for (const close of closers) close();
    },
  };
}
