// Small DOM helpers for the citizen app and the console: build elements in one expression, and a message
// area that shows one translated message at a time (or, for a problem we have no words for, the server's).
import { translateElement } from '../i18n/live-translation';
import type { MessageValues } from '../i18n/translator';

type Attributes = Readonly<Record<string, string | boolean | undefined>>;

/** `h('button', { type: 'button', disabled: true }, 'Send')`: true sets an empty attribute, false none. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** An element showing catalogue message `key`; `english` shows until the page translates it. */
export function t<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  key: string,
  english: string,
  attributes: Attributes = {},
) {
  return h(tag, { ...attributes, 'data-i18n': key }, english);
}

export interface MessageArea {
  readonly element: HTMLElement;
  /** Shows one message (with its values), or none. */
  show(key: string | undefined, values?: MessageValues): void;
  /** Shows text that is not in the catalogues, such as a problem's own `detail` from the server. */
  showText(text: string): void;
}

/**
 * A live region for errors. Every message is built at the start (so the page translates it with the
 * rest, and a language change retranslates it) and shown by un-hiding it.
 */
export function createMessageArea(
  messages: Readonly<Record<string, string>>,
  attributes: Attributes = {},
): MessageArea {
  const byKey = new Map(
    Object.entries(messages).map(([key, english]) => [key, t('p', key, english, { hidden: true })]),
  );
  const untranslated = h('p', { hidden: true });
  const element = h('div', { role: 'alert', ...attributes }, ...byKey.values(), untranslated);
  const hideAll = () => {
    for (const paragraph of byKey.values()) paragraph.hidden = true;
    untranslated.hidden = true;
  };
  return {
    element,
    show(key, values) {
      hideAll();
      const paragraph = key === undefined ? undefined : byKey.get(key);
      if (paragraph === undefined) return;
      if (values === undefined) delete paragraph.dataset.i18nValues;
      else paragraph.dataset.i18nValues = JSON.stringify(values);
      translateElement(paragraph);
      paragraph.hidden = false;
    },
    showText(text) {
      hideAll();
      untranslated.textContent = text;
      untranslated.hidden = false;
    },
  };
}

/** Runs `work` with `controls` disabled, and ignores a second start while it runs (a double tap). */
export function createBusyGuard(...controls: (HTMLButtonElement | HTMLInputElement)[]) {
  let isBusy = false;
  return async (work: () => Promise<void>): Promise<void> => {
    if (isBusy) return;
    isBusy = true;
    for (const control of controls) control.disabled = true;
    try {
      await work();
    } finally {
      isBusy = false;
      for (const control of controls) control.disabled = false;
    }
  };
}
