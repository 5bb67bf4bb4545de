// Trusted contacts of a stay: people at home who are told if the citizen goes silent, and who can tell the
// embassy they are worried. Each is invited by a link the citizen sends them; they count only once they agree.

import { languages } from '../i18n/languages';
import { translateTree } from '../i18n/live-translation';
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import { choiceSelect, field, messageElement, requestMessages, setMessageValues, showRequestProblem } from './stay-ui';
import { type ContactChannel, contactChannels, type Stay, type StaysApi, type TrustedContact } from './stays-api';

const channelMessages: Readonly<Record<ContactChannel, readonly [string, string]>> = {
  email: ['contacts.channel.email', 'Email'],
  sms: ['contacts.channel.sms', 'Text message (SMS)'],
  whatsapp: ['contacts.channel.whatsapp', 'WhatsApp'],
};

const statusMessages: Readonly<Record<TrustedContact['status'], readonly [string, string]>> = {
  invited: ['contacts.status.invited', 'Invited: has not agreed yet'],
  confirmed: ['contacts.status.confirmed', 'Agreed'],
};

export interface TrustedContactsOptions {
  readonly api: StaysApi;
  readonly onChanged: (stay: Stay) => void;
}

export interface TrustedContacts {
  readonly element: HTMLElement;
  show(stay: Stay): void;
  reset(): void;
}

export function createTrustedContacts({ api, onChanged }: TrustedContactsOptions): TrustedContacts {
  let stay: Stay | undefined;
  const list = h('ul', { class: 'contact-list', 'data-testid': 'contact-list' });
  const none = t('p', 'contacts.none', 'You have no trusted contacts yet.', {
    class: 'hint',
    'data-testid': 'contacts-none',
  });

  const name = h('input', {
    id: 'contact-name',
    name: 'name',
    type: 'text',
    maxlength: '100',
    'data-testid': 'contact-name',
  });
  const channel = choiceSelect(
    { id: 'contact-channel', name: 'channel', 'data-testid': 'contact-channel' },
    contactChannels.map((value) => {
      const [key, english] = channelMessages[value];
      return { value, key, english };
    }),
  );
  const address = h('input', {
    id: 'contact-address',
    name: 'address',
    type: 'text',
    maxlength: '200',
    autocomplete: 'off',
    spellcheck: 'false',
    'data-testid': 'contact-address',
  });
  const language = h(
    'select',
    { id: 'contact-language', name: 'language', 'data-testid': 'contact-language' },
    ...languages.map((choice) => h('option', { value: choice.code, lang: choice.tag }, choice.name)),
  );
  const addButton = t('button', 'contacts.add', 'Invite', {
    type: 'submit',
    class: 'primary',
    'data-testid': 'contact-add',
  });
  const form = h(
    'form',
    { class: 'contact-form', novalidate: true, autocomplete: 'off' },
    field(name, { key: 'contacts.name', english: 'Their name' }),
    field(channel, { key: 'contacts.channel', english: 'How should we reach them?' }),
    field(address, { key: 'contacts.address', english: 'Their email address or phone number (with country code)' }),
    field(language, { key: 'contacts.language', english: 'Their language' }),
    addButton,
  );
  const addDetails = h(
    'details',
    { class: 'stay-action', 'data-testid': 'contact-add-form' },
    t('summary', 'contacts.addTitle', 'Add a trusted contact'),
    form,
  );

  const invitedIntro = messageElement(
    'p',
    { key: 'contacts.invitationIntro', english: 'Send this link to {name} yourself, so they know it comes from you:' },
    {},
    { name: '' },
  );
  const link = h('input', {
    id: 'contact-invitation-link',
    type: 'text',
    readonly: true,
    'aria-labelledby': 'contact-invitation-label',
    'data-testid': 'invitation-link',
  });
  const copyButton = t('button', 'contacts.copy', 'Copy the link', {
    type: 'button',
    'data-testid': 'invitation-copy',
  });
  const copied = t('p', 'contacts.copied', 'Copied.', { class: 'hint', hidden: true, role: 'status' });
  const invitation = h(
    'div',
    { class: 'invitation note', 'data-testid': 'invitation', hidden: true },
    h('div', { id: 'contact-invitation-label' }, invitedIntro),
    link,
    copyButton,
    copied,
  );
  copyButton.addEventListener('click', () => {
    link.select();
    const done = () => {
      copied.hidden = false;
    };
    if (navigator.clipboard) navigator.clipboard.writeText(link.value).then(done, () => undefined);
  });

  const alert = createMessageArea(
    { ...requestMessages, 'contacts.error.missing': 'Fill in their name and how to reach them.' },
    { class: 'form-error', 'data-testid': 'contact-error' },
  );

  const whileBusy = createBusyGuard(addButton);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (stay === undefined) return;
    const contact = {
      name: name.value.trim(),
      channel: channel.value as ContactChannel,
      address: address.value.trim(),
      language: language.value,
    };
    if (contact.name === '' || contact.address === '') {
      alert.show('contacts.error.missing');
      return;
    }
    const current = stay;
    void whileBusy(async () => {
      alert.show(undefined);
      const answer = await api.addTrustedContact(current.id, contact);
      if (!answer.ok) return showRequestProblem(alert, answer.problem);
      form.reset();
      language.value = document.documentElement.lang.split('-')[0] ?? 'en';
      addDetails.open = false;
      setMessageValues(invitedIntro, { name: answer.value.contact.name });
      link.value = answer.value.invitationUrl;
      copied.hidden = true;
      invitation.hidden = false;
      const changed = { ...current, trustedContacts: [...current.trustedContacts, answer.value.contact] };
      show(changed);
      onChanged(changed);
    });
  });

  const removeContact = (contact: TrustedContact, button: HTMLButtonElement) => {
    if (stay === undefined) return;
    const current = stay;
    button.disabled = true;
    void api.removeTrustedContact(current.id, contact.id).then((answer) => {
      button.disabled = false;
      if (!answer.ok) return showRequestProblem(alert, answer.problem);
      const changed = { ...current, trustedContacts: current.trustedContacts.filter((kept) => kept.id !== contact.id) };
      show(changed);
      onChanged(changed);
    });
  };

  const contactRow = (contact: TrustedContact): HTMLElement => {
    const [channelKey, channelEnglish] = channelMessages[contact.channel] ?? channelMessages.email;
    const [statusKey, statusEnglish] = statusMessages[contact.status] ?? statusMessages.invited;
    const remove = t('button', 'contacts.remove', 'Remove', { type: 'button', class: 'link-button' });
    remove.addEventListener('click', () => removeContact(contact, remove));
    const row = h(
      'li',
      { 'data-testid': 'contact', 'data-status': contact.status },
      h('strong', {}, contact.name),
      ' · ',
      t('span', channelKey, channelEnglish),
      ' · ',
      t('span', statusKey, statusEnglish, { class: `contact-status ${contact.status}` }),
      ' ',
      remove,
    );
    translateTree(row);
    return row;
  };

  const show = (shown: Stay) => {
    stay = shown;
    list.replaceChildren(...shown.trustedContacts.map(contactRow));
    none.hidden = shown.trustedContacts.length > 0;
  };

  return {
    element: h(
      'section',
      { class: 'trusted-contacts', 'data-testid': 'trusted-contacts', 'aria-labelledby': 'trusted-contacts-title' },
      t('h4', 'contacts.title', 'Trusted contacts', { id: 'trusted-contacts-title' }),
      t(
        'p',
        'contacts.intro',
        'Someone you trust at home. If you miss your check-ins, we tell them, and they can tell the embassy they are worried.',
      ),
      none,
      list,
      invitation,
      addDetails,
      alert.element,
    ),
    show,
    reset() {
      stay = undefined;
      form.reset();
      addDetails.open = false;
      invitation.hidden = true;
      link.value = '';
      alert.show(undefined);
      list.replaceChildren();
    },
  };
}
