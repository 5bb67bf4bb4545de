// Where check-in reminders go for the stay on screen: the channels, masked as the server sends them, and a form to
// add a phone number (SMS or WhatsApp), an email address or this browser (Web Push), one of each kind. Only the kinds
// this service can send by are offered; this browser only where it can take push messages. The words stay neutral:
// someone looking over the citizen's shoulder sees a reminders list like any app's.
import { translateTree } from '../i18n/live-translation';
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import {
  applicationServerKey,
  createReminderChannelsApi,
  offeredKinds,
  type ReminderChannel,
  type ReminderChannelKind,
  type ReminderChannelsApi,
} from './reminder-channels-api';
import { choiceSelect, field, requestMessages, showRequestProblem } from './stay-ui';
import type { Stay } from './stays-api';

const kindMessages: Readonly<Record<ReminderChannelKind, readonly [string, string]>> = {
  push: ['reminders.kind.push', 'This browser'],
  sms: ['reminders.kind.sms', 'Text message (SMS)'],
  whatsapp: ['reminders.kind.whatsapp', 'WhatsApp'],
  email: ['reminders.kind.email', 'Email'],
};

/** The service worker that shows a reminder from a push message (public/push-sw.js); it does nothing else. */
export const pushWorkerPath = '/push-sw.js';

const errorMessages = {
  ...requestMessages,
  'reminders.error.missing': 'Type a phone number or an email address.',
  'reminders.error.invalidPhone': 'Check the number: it needs its country code, like +66 81 234 5678.',
  'reminders.error.invalidEmail': 'Check the email address.',
  'reminders.error.notAvailable': 'This way is not available now. Choose another.',
  'reminders.error.pushDenied':
    'This browser did not allow notifications. Allow them in its settings, or choose another way.',
  'reminders.error.pushFailed': 'This browser could not be set up for reminders. Choose another way.',
  'reminders.error.loadFailed': 'Your reminders could not be loaded.',
} as const;

export interface ReminderChannelsOptions {
  readonly fetcher: typeof fetch;
  readonly csrfToken: () => string;
}

export interface ReminderChannelsSection {
  readonly element: HTMLElement;
  /** Reads the stay's channels and shows them. */
  show(stay: Stay): Promise<void>;
  /** Forgets the stay and what was typed (a logout). */
  reset(): void;
}

/** Whether this browser can take Web Push: a service worker and the Push API. */
export function isPushSupported(): boolean {
  return 'serviceWorker' in navigator && typeof window.PushManager === 'function' && typeof Notification === 'function';
}

export function createReminderChannels({ fetcher, csrfToken }: ReminderChannelsOptions): ReminderChannelsSection {
  const api: ReminderChannelsApi = createReminderChannelsApi(fetcher, csrfToken);
  let stayId: string | undefined;
  let channels: readonly ReminderChannel[] = [];

  const list = h('ul', { class: 'contact-list', 'data-testid': 'reminder-list' });
  const none = t('p', 'reminders.none', 'No reminders are set up yet.', {
    class: 'hint',
    'data-testid': 'reminders-none',
  });

  const kind = choiceSelect(
    { id: 'reminder-kind', name: 'kind', 'data-testid': 'reminder-kind' },
    (Object.keys(kindMessages) as ReminderChannelKind[]).map((value) => {
      const [key, english] = kindMessages[value];
      return { value, key, english };
    }),
  );
  const address = h('input', {
    id: 'reminder-address',
    name: 'address',
    type: 'text',
    maxlength: '254',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'reminder-address',
  });
  const phoneLabel = t('span', 'reminders.phone', 'Phone number (with country code)');
  const emailLabel = t('span', 'reminders.email', 'Email address', { hidden: true });
  const addressField = h('div', { class: 'field' }, h('label', { for: address.id }, phoneLabel, emailLabel), address);
  const pushHint = t(
    'p',
    'reminders.pushHint',
    'Reminders will show on this browser. It will ask whether to allow notifications.',
    { class: 'hint', hidden: true },
  );
  const addButton = t('button', 'reminders.add', 'Add', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'reminder-add',
  });
  const form = h(
    'form',
    { class: 'contact-form', novalidate: true, autocomplete: 'off' },
    field(
      kind,
      { key: 'reminders.kindLabel', english: 'Where should reminders go?' },
      { key: 'reminders.kindHint', english: 'One of each kind: a new one replaces the old.', id: 'reminder-kind-hint' },
    ),
    addressField,
    pushHint,
    addButton,
  );
  const addDetails = h(
    'details',
    { class: 'stay-action', 'data-testid': 'reminder-add-form', hidden: true },
    t('summary', 'reminders.addTitle', 'Add a way to be reminded'),
    form,
  );
  const alert = createMessageArea(errorMessages, { class: 'form-error', 'data-testid': 'reminder-error' });

  const showKindFields = () => {
    const chosen = kind.value as ReminderChannelKind;
    addressField.hidden = chosen === 'push';
    pushHint.hidden = chosen !== 'push';
    phoneLabel.hidden = chosen === 'email';
    emailLabel.hidden = chosen !== 'email';
    address.type = chosen === 'email' ? 'email' : 'tel';
    address.inputMode = chosen === 'email' ? 'email' : 'tel';
  };
  kind.addEventListener('change', () => {
    alert.show(undefined);
    showKindFields();
  });

  const offer = (available: readonly ReminderChannelKind[]) => {
    const offered = offeredKinds(available, isPushSupported());
    for (const option of kind.options) {
      const isOffered = offered.includes(option.value as ReminderChannelKind);
      option.hidden = !isOffered;
      option.disabled = !isOffered;
    }
    if (!offered.includes(kind.value as ReminderChannelKind) && offered[0] !== undefined) kind.value = offered[0];
    addDetails.hidden = offered.length === 0;
    showKindFields();
  };

  const channelRow = (channel: ReminderChannel): HTMLElement => {
    const [key, english] = kindMessages[channel.kind] ?? kindMessages.email;
    const remove = t('button', 'reminders.remove', 'Remove', {
      type: 'button',
      class: 'link-button',
      'data-testid': 'reminder-remove',
    });
    remove.addEventListener('click', () => removeChannel(channel, remove));
    const row = h(
      'li',
      { 'data-testid': 'reminder', 'data-kind': channel.kind },
      t('span', key, english),
      ...(channel.kind === 'push' ? [] : [' · ', h('bdi', { 'data-testid': 'reminder-address' }, channel.address)]),
      ' ',
      remove,
    );
    translateTree(row);
    return row;
  };

  const showChannels = (shown: readonly ReminderChannel[]) => {
    channels = shown;
    list.replaceChildren(...shown.map(channelRow));
    none.hidden = shown.length > 0;
  };

  const removeChannel = (channel: ReminderChannel, button: HTMLButtonElement) => {
    if (stayId === undefined) return;
    button.disabled = true;
    void api.remove(stayId, channel.id).then(async (answer) => {
      button.disabled = false;
      if (!answer.ok) return showRequestProblem(alert, answer.problem);
      alert.show(undefined);
      showChannels(channels.filter((kept) => kept.id !== channel.id));
      // No reminders here any more: this browser stops taking them too.
      if (channel.kind === 'push') await unsubscribeThisBrowser();
    });
  };

  const whileBusy = createBusyGuard(addButton);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (stayId === undefined) return;
    const current = stayId;
    const chosen = kind.value as ReminderChannelKind;
    const typed = address.value.trim();
    if (chosen !== 'push' && typed === '') {
      alert.show('reminders.error.missing');
      return;
    }
    void whileBusy(async () => {
      alert.show(undefined);
      let body: Parameters<ReminderChannelsApi['add']>[1];
      if (chosen === 'push') {
        const subscribed = await subscribeThisBrowser(api);
        if (!subscribed.ok) return alert.show(subscribed.message);
        body = { kind: 'push', subscription: subscribed.subscription };
      } else body = { kind: chosen, address: typed };
      const answer = await api.add(current, body);
      if (!answer.ok) {
        const isBadAddress = answer.problem.status === 400 && answer.problem.errors.length > 0;
        if (isBadAddress && chosen === 'push') return alert.show('reminders.error.pushFailed');
        if (isBadAddress) {
          return alert.show(chosen === 'email' ? 'reminders.error.invalidEmail' : 'reminders.error.invalidPhone');
        }
        return showRequestProblem(alert, answer.problem, { 'channel-not-available': 'reminders.error.notAvailable' });
      }
      form.reset();
      offer(lastAvailable);
      addDetails.open = false;
      showChannels([...channels.filter((kept) => kept.kind !== answer.value.kind), answer.value]);
    });
  });

  let lastAvailable: readonly ReminderChannelKind[] = [];
  const element = h(
    'section',
    { class: 'trusted-contacts', 'data-testid': 'reminder-channels', 'aria-labelledby': 'reminder-channels-title' },
    t('h4', 'reminders.title', 'Reminders', { id: 'reminder-channels-title' }),
    t(
      'p',
      'reminders.intro',
      'Reminders say only that it is time for your check-in; replying to a text or WhatsApp reminder with your PIN counts as a check-in.',
    ),
    none,
    list,
    addDetails,
    alert.element,
  );

  return {
    element,
    async show(stay) {
      if (stayId !== stay.id) {
        showChannels([]);
        form.reset();
        addDetails.open = false;
      }
      stayId = stay.id;
      translateTree(element);
      const answer = await api.list(stay.id);
      if (stayId !== stay.id) return;
      if (!answer.ok) {
        showRequestProblem(alert, answer.problem);
        if (answer.problem.status !== 0) alert.show('reminders.error.loadFailed');
        return;
      }
      alert.show(undefined);
      lastAvailable = answer.value.available ?? [];
      offer(lastAvailable);
      showChannels(answer.value.items ?? []);
    },
    reset() {
      stayId = undefined;
      form.reset();
      addDetails.open = false;
      alert.show(undefined);
      showChannels([]);
    },
  };
}

type Subscribed =
  | { readonly ok: true; readonly subscription: { endpoint: string; keys: { p256dh: string; auth: string } } }
  | { readonly ok: false; readonly message: keyof typeof errorMessages };

/** Asks for permission, registers the reminder service worker and subscribes this browser with the service's key. */
async function subscribeThisBrowser(api: ReminderChannelsApi): Promise<Subscribed> {
  const key = await api.pushPublicKey();
  if (!key.ok)
    return { ok: false, message: key.problem.status === 0 ? 'stay.error.offline' : 'reminders.error.pushFailed' };
  try {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') return { ok: false, message: 'reminders.error.pushDenied' };
    await navigator.serviceWorker.register(pushWorkerPath, { scope: '/' });
    const registration = await navigator.serviceWorker.ready;
    const existing = await registration.pushManager.getSubscription();
    const subscription =
      existing ??
      (await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: applicationServerKey(key.value.publicKey),
      }));
    const json = subscription.toJSON();
    if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth)
      return { ok: false, message: 'reminders.error.pushFailed' };
    return {
      ok: true,
      subscription: { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } },
    };
  } catch {
    return { ok: false, message: 'reminders.error.pushFailed' };
  }
}

async function unsubscribeThisBrowser(): Promise<void> {
  if (!isPushSupported()) return;
  try {
    const registration = await navigator.serviceWorker.getRegistration('/');
    await (await registration?.pushManager.getSubscription())?.unsubscribe();
  } catch {
    // Nothing more to do: the server no longer sends here.
  }
}
