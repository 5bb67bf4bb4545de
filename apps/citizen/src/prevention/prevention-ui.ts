// What the check page's three parts share: messages with values, the words for a refused request,
// country lists named by the browser in the page's language, and the proof-of-work step with its
// progress line.
import { type ProblemAnswer, problemText } from '../account/api';
import { translateElement } from '../i18n/live-translation';
import { h, type MessageArea, t } from '../shell/dom';
import type { PreventionApi, Puzzle, Solved } from './prevention-api';
import { expectedProgressPercent, solveProofOfWork } from './proof-of-work';
import type { Message } from './result-view';

type Attributes = Parameters<typeof h>[1];

/** An element showing `message` with its values, translated into the page's language now and on every change. */
export function messageElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  message: Message,
  attributes: Attributes = {},
): HTMLElementTagNameMap[K] {
  const element = t(tag, message.key, message.english, attributes);
  if (message.values !== undefined) element.dataset.i18nValues = JSON.stringify(message.values);
  translateElement(element);
  return element;
}

/** The messages every part can show for a refused request, by catalogue key. */
export const requestMessages = {
  'prevention.error.offline': 'We could not reach the server. Check your connection and try again.',
  'prevention.error.tooMany': 'Too many requests from this connection. Wait a few minutes, then try again.',
  'prevention.error.tooLarge': 'That is too much: shorten the text or use fewer or smaller screenshots.',
  'prevention.error.failed': 'Something went wrong. Try again in a moment.',
} as const;

/**
 * Shows a refused request in `area`: our words for the refusals we know, else the server's own
 * `detail` (problem details, in English), else a general line.
 */
export function showProblem(
  area: MessageArea,
  problem: ProblemAnswer,
  known: Readonly<Record<string, string>> = {},
): void {
  const text = problemText(problem);
  const key =
    known[problem.slug] ??
    (problem.status === 0
      ? 'prevention.error.offline'
      : problem.status === 429
        ? 'prevention.error.tooMany'
        : problem.status === 413
          ? 'prevention.error.tooLarge'
          : text === undefined
            ? 'prevention.error.failed'
            : undefined);
  if (key === undefined) area.showText(text ?? '');
  else area.show(key);
}

/** A country `<select>` whose names the browser gives in the page's language, sorted in it. */
export function countrySelect(
  attributes: Attributes,
  codes: readonly string[],
  blank: readonly [key: string, english: string],
): HTMLSelectElement {
  const select = h('select', attributes, t('option', blank[0], blank[1], { value: '' }));
  const options = codes.map((code) => h('option', { value: code }, code));
  select.append(...options);
  const name = () => {
    const language = document.documentElement.lang || 'en';
    const names = safeDisplayNames(language);
    for (const option of options) option.textContent = names?.of(option.value) ?? option.value;
    const collator = new Intl.Collator(language);
    const sorted = [...options].sort((first, second) =>
      collator.compare(first.textContent ?? '', second.textContent ?? ''),
    );
    select.append(...sorted);
  };
  name();
  whenLanguageChanges(name);
  return select;
}

function safeDisplayNames(language: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([language, 'en'], { type: 'region' });
  } catch {
    return undefined;
  }
}

/** Calls `listener` after the page switches language (the shell sets `<html lang>`). */
export function whenLanguageChanges(listener: () => void): void {
  let language = document.documentElement.lang;
  new MutationObserver(() => {
    if (document.documentElement.lang === language) return;
    language = document.documentElement.lang;
    listener();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

export const proofOfWorkMessages = {
  working: { key: 'prevention.proofOfWork.working', english: 'Preparing to send… {percent}%' },
  explain: {
    key: 'prevention.proofOfWork.explain',
    english: 'Your device does a short calculation first, so nobody can flood the registry with fake reports.',
  },
} as const;

export interface ProofOfWorkStep {
  /** The progress line: hidden until a calculation runs. */
  readonly element: HTMLElement;
  /** Gets a puzzle and solves it; a refusal comes back as the problem. */
  solve(): Promise<{ ok: true; solved: Solved } | { ok: false; problem: ProblemAnswer }>;
}

/** The calculation before a report or a removal request, with a progress line that says what is happening. */
export function createProofOfWorkStep(api: PreventionApi): ProofOfWorkStep {
  const progress = messageElement(
    'p',
    { ...proofOfWorkMessages.working, values: { percent: 0 } },
    {
      'data-testid': 'proof-of-work-progress',
    },
  );
  const element = h(
    'div',
    { class: 'proof-of-work', role: 'status', hidden: true },
    progress,
    messageElement('p', proofOfWorkMessages.explain, { class: 'hint' }),
  );
  const showPercent = (percent: number) => {
    progress.dataset.i18nValues = JSON.stringify({ percent });
    translateElement(progress);
  };
  return {
    element,
    async solve() {
      const puzzle = await api.requestPuzzle();
      if (!puzzle.ok) return puzzle;
      const { challenge, difficulty } = puzzle.value satisfies Puzzle;
      showPercent(0);
      element.hidden = false;
      try {
        const nonce = await solveProofOfWork(
          { challenge, difficulty },
          { onProgress: (tried) => showPercent(expectedProgressPercent(tried, difficulty)) },
        );
        return { ok: true, solved: { challenge, nonce } };
      } catch {
        return { ok: false, problem: { status: 0, slug: 'proof-of-work-failed', errors: [] } };
      } finally {
        element.hidden = true;
      }
    },
  };
}

/** A labelled form control, with a hint between the label and the control when there is one. */
export function field(id: string, key: string, english: string, ...content: HTMLElement[]): HTMLElement {
  return h('div', { class: 'field' }, t('label', key, english, { for: id }), ...content);
}
