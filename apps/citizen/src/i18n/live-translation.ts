// Translates elements made or changed after the page started, in the language the page shows now.
// The page shell sets the translator on every language change; components call `translateTree`
// after they change a message's key or values, so a message shown later is in the reader's language.
import type { MessageValues, Translate } from './translator';

let current: Translate | undefined;

/** Called by the page shell whenever the language changes. */
export function setPageTranslator(translate: Translate): void {
  current = translate;
}

/**
 * Puts the message `data-i18n` names into the element, with the values in `data-i18n-values` (JSON),
 * e.g. `<p data-i18n="phoneLogin.error.tooManyWait" data-i18n-values='{"minutes":5}'>`.
 */
export function translateElement(element: HTMLElement, translate: Translate | undefined = current): void {
  const key = element.dataset.i18n;
  if (!key || translate === undefined) return;
  element.textContent = translate(key, readValues(element.dataset.i18nValues));
}

/** Translates `root` and every `[data-i18n]` element inside it. */
export function translateTree(root: HTMLElement, translate: Translate | undefined = current): void {
  translateElement(root, translate);
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) translateElement(element, translate);
}

function readValues(json: string | undefined): MessageValues | undefined {
  if (!json) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as MessageValues) : undefined;
  } catch {
    return undefined;
  }
}
