// Remembers the reader's language choice on this device; a private window or full storage just forgets it.

const storageKey = 'homeward.language';

export function readSavedLanguage(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function saveLanguage(code: string): void {
  try {
    window.localStorage.setItem(storageKey, code);
  } catch {
    // Storage refused (private mode, quota): the choice still holds until the page is closed.
  }
}
