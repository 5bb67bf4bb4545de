// "My stay", in the logged-in citizen's account area: the registration form while the citizen has no stay that
// has not ended, else the check-in screen. A quick-exit button stays on screen while it shows.
import './stays.css';
import { fetchIsDemo } from '../shell/demo-banner';
import { createBusyGuard, createMessageArea, h, t } from '../shell/dom';
import { createCheckInScreen } from './check-in-screen';
import { createReminderChannels } from './reminder-channels';
import { createStayForm } from './stay-form';
import { createQuickExit, requestMessages, showRequestProblem } from './stay-ui';
import { createStaysApi, findCurrentStay, type Stay } from './stays-api';

export interface MyStayOptions {
  readonly fetcher: typeof fetch;
}

export interface MyStay {
  readonly element: HTMLElement;
  /** Loads the citizen's stays and shows the form or the check-in screen; `csrfToken` is the session's. */
  show(csrfToken: string): Promise<void>;
  /** Hides everything and forgets what was typed or waits to be sent (a logout). */
  hide(): void;
}

export function createMyStay({ fetcher }: MyStayOptions): MyStay {
  let csrfToken = '';
  const api = createStaysApi(fetcher, () => csrfToken);

  const showStay = (stay: Stay | undefined) => {
    if (stay === undefined) {
      screen.element.hidden = true;
      screen.reset();
      reminders.element.hidden = true;
      reminders.reset();
      form.element.hidden = false;
      return;
    }
    form.element.hidden = true;
    screen.show(stay);
    reminders.element.hidden = false;
    void reminders.show(stay);
  };
  const form = createStayForm({ api, onRegistered: (stay) => showStay(stay) });
  const screen = createCheckInScreen({
    api,
    onStayChanged: (stay) => {
      if (stay === undefined) showStay(undefined);
    },
  });
  form.element.hidden = true;
  // Where reminders go: shown below the check-in screen, for the same stay.
  const reminders = createReminderChannels({ fetcher, csrfToken: () => csrfToken });
  reminders.element.hidden = true;

  const reloadButton = t('button', 'stay.reload', 'Try again', { type: 'button', 'data-testid': 'stay-reload' });
  const alert = createMessageArea(
    { ...requestMessages, 'stay.error.loadFailed': 'Your stay could not be loaded.' },
    { class: 'form-error', 'data-testid': 'stay-load-error' },
  );
  const loadFailed = h('div', { hidden: true }, alert.element, reloadButton);
  const quickExit = createQuickExit();

  const element = h(
    'section',
    { class: 'my-stay', 'data-testid': 'my-stay', 'aria-labelledby': 'my-stay-title', hidden: true },
    t('h2', 'stay.title', 'My stay', { id: 'my-stay-title' }),
    loadFailed,
    form.element,
    screen.element,
    reminders.element,
    quickExit,
  );

  const load = async () => {
    loadFailed.hidden = true;
    const answer = await api.listStays();
    if (!answer.ok) {
      form.element.hidden = true;
      screen.element.hidden = true;
      reminders.element.hidden = true;
      showRequestProblem(alert, answer.problem);
      if (answer.problem.status !== 0) alert.show('stay.error.loadFailed');
      loadFailed.hidden = false;
      return;
    }
    showStay(findCurrentStay(answer.value.items ?? []));
  };
  const whileBusy = createBusyGuard(reloadButton);
  reloadButton.addEventListener('click', () => void whileBusy(load));

  let isDemoChecked = false;
  return {
    element,
    async show(token) {
      csrfToken = token;
      element.hidden = false;
      document.body.classList.add('has-quick-exit');
      if (!isDemoChecked) {
        isDemoChecked = true;
        if (await fetchIsDemo()) form.offerDemoInterval();
      }
      await load();
    },
    hide() {
      element.hidden = true;
      document.body.classList.remove('has-quick-exit');
      screen.reset();
      reminders.reset();
      reminders.element.hidden = true;
      form.reset();
      form.element.hidden = true;
      loadFailed.hidden = true;
    },
  };
}
