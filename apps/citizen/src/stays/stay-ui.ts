// What the stay screens, the public check-in page and the trusted-contact page share: labelled fields, PIN
// inputs that no browser keeps, selects of translated choices, times shown in the reader's language, the
// words for a refused request, and the quick-exit button.
import { type ProblemAnswer, problemText } from '../account/api';
import { translateElement } from '../i18n/live-translation';
import { h, type MessageArea, t } from '../shell/dom';

type Attributes = Parameters<typeof h>[1];

export interface Message {
  readonly key: string;
  readonly english: string;
}

/** An element showing `message` with `values`, translated now and on every language change. */
export function messageElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  message: Message,
  attributes: Attributes = {},
  values?: Readonly<Record<string, string | number>>,
): HTMLElementTagNameMap[K] {
  const element = t(tag, message.key, message.english, attributes);
  if (values !== undefined) element.dataset.i18nValues = JSON.stringify(values);
  translateElement(element);
  return element;
}

/** Changes the values of a message already on the page, and shows it in the page's language. */
export function setMessageValues(element: HTMLElement, values: Readonly<Record<string, string | number>>): void {
  element.dataset.i18nValues = JSON.stringify(values);
  translateElement(element);
}

/** A labelled control, with an optional hint below the label (linked for screen readers). */
export function field(control: HTMLElement, label: Message, hint?: Message & { readonly id: string }): HTMLElement {
  if (hint !== undefined) control.setAttribute('aria-describedby', hint.id);
  return h(
    'div',
    { class: 'field' },
    t('label', label.key, label.english, { for: control.id }),
    ...(hint === undefined ? [] : [t('p', hint.key, hint.english, { class: 'hint', id: hint.id })]),
    control,
  );
}

/** A PIN box: digits on a phone keypad, hidden as typed, never offered for saving or filled in later. */
export function pinInput(id: string, testId: string): HTMLInputElement {
  return h('input', {
    id,
    name: id,
    type: 'password',
    inputmode: 'numeric',
    autocomplete: 'off',
    'data-lpignore': 'true',
    spellcheck: 'false',
    maxlength: '24',
    required: true,
    'data-testid': testId,
  });
}

/** A `<select>` of translated choices, with an optional blank first choice. */
export function choiceSelect(
  attributes: Attributes,
  choices: readonly (Message & { readonly value: string })[],
  blank?: Message,
): HTMLSelectElement {
  return h(
    'select',
    attributes,
    ...(blank === undefined ? [] : [t('option', blank.key, blank.english, { value: '' })]),
    ...choices.map((choice) => t('option', choice.key, choice.english, { value: choice.value })),
  );
}

/**
 * Values for a message that shows an instant as `{at, date, medium}` and `{at, time, short}`: the epoch
 * milliseconds, so the reader's language and time zone format it (and a language change reformats it).
 */
export function instantValues(iso: string | null | undefined): { at: number } | undefined {
  if (iso === null || iso === undefined) return undefined;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : { at };
}

/** The answer to a check-in: the same words whichever PIN was typed, and whichever signal was sent. */
export const receivedMessage = {
  key: 'checkIn.received',
  english: 'Check-in received. Next check-in due {at, date, medium}, {at, time, short}.',
} as const;
export const receivedNoDueMessage = { key: 'checkIn.receivedNoDue', english: 'Check-in received.' } as const;

/** The messages every stay screen can show for a refused request, by catalogue key. */
export const requestMessages = {
  'stay.error.offline': 'We could not reach the server. Check your connection and try again.',
  'stay.error.tooMany': 'Too many tries. Wait a few minutes, then try again.',
  'stay.error.tooManyWait': 'Too many tries. Try again in {minutes, plural, one {# minute} other {# minutes}}.',
  'stay.error.pinNotRecognised': 'That PIN was not recognised. Check it and try again.',
  'stay.error.failed': 'Something went wrong. Try again in a moment.',
} as const;

/**
 * Shows a refused request in `area`: our words for the refusals we know, else the server's own `detail`
 * (problem details, in English), else a general line.
 */
export function showRequestProblem(
  area: MessageArea,
  problem: ProblemAnswer,
  known: Readonly<Record<string, string>> = {},
): void {
  area.show(undefined);
  const key = requestProblemKey(problem, known);
  if (key === undefined) area.showText(problemText(problem) ?? '');
  else if (key === 'stay.error.tooManyWait') {
    area.show(key, { minutes: Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60)) });
  } else area.show(key);
}

/** Our message for a refused request, or undefined to show the server's own words. */
export function requestProblemKey(
  problem: ProblemAnswer,
  known: Readonly<Record<string, string>> = {},
): string | undefined {
  const knownKey = known[problem.slug];
  if (knownKey !== undefined) return knownKey;
  if (problem.slug === 'check-in-not-recognised') return 'stay.error.pinNotRecognised';
  if (problem.status === 429)
    return problem.retryAfterSeconds === undefined ? 'stay.error.tooMany' : 'stay.error.tooManyWait';
  if (problem.status === 0) return 'stay.error.offline';
  if (problemText(problem) === undefined || problem.status >= 500) return 'stay.error.failed';
  return undefined;
}

/** Where the quick-exit button goes: a page anyone might have open. */
export const quickExitUrl = 'https://www.google.com/search?q=weather';

/**
 * A button that leaves at once for a neutral page, replacing this one in the history, for someone who is
 * being watched. It stays in a corner of the screen while the page scrolls.
 */
export function createQuickExit(): HTMLButtonElement {
  const button = t('button', 'quickExit.button', 'Quick exit', {
    type: 'button',
    class: 'quick-exit',
    'data-testid': 'quick-exit',
  });
  button.addEventListener('click', () => {
    window.location.replace(quickExitUrl);
  });
  return button;
}
