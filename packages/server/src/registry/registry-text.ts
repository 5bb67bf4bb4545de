// Free text from the public, checked before anything is stored: no control characters (NUL would break
// PostgreSQL text, others can hide or reorder what a moderator sees), trimmed, CRLF folded to LF. The
// server never renders any of it as HTML; it leaves as JSON text only.
import type { FieldError } from './registry-problems.js';

/**
 * C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides and
 * isolates (which can make "moc.elpmaxe" read as "example.com"). Tab, line feed and carriage return
 * are allowed in multi-line fields only.
 */
const forbiddenAnywhere =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const lineBreakOrTab = /[\t\n\r]/u;

export type TextShape = 'single-line' | 'multi-line';

/** What is wrong with a text, or undefined when it may be stored. */
export function textProblem(value: string, shape: TextShape): string | undefined {
  if (forbiddenAnywhere.test(value)) return 'contains a control or formatting character that is not allowed';
  if (shape === 'single-line' && lineBreakOrTab.test(value)) return 'must be on one line';
  return undefined;
}

/** The text as stored: trimmed, line endings as LF, and for one-line text inner runs of spaces as one. */
export function cleanText(value: string, shape: TextShape): string {
  const trimmed = value.replace(/\r\n?/g, '\n').trim();
  return shape === 'single-line' ? trimmed.replace(/\s+/gu, ' ') : trimmed;
}

/**
 * Checks several fields at once, so one answer names every field at fault.
 *
 * ```ts
 * checkTexts([{ field: 'body/description', value: 'a\u0000b', shape: 'multi-line' }]);
 * // [{ field: 'body/description', message: 'contains a control or formatting character that is not allowed' }]
 * ```
 */
export function checkTexts(
  fields: readonly { readonly field: string; readonly value: string | undefined; readonly shape: TextShape }[],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const { field, value, shape } of fields) {
    if (value === undefined) continue;
    const message = textProblem(value, shape);
    if (message !== undefined) errors.push({ field, message });
  }
  return errors;
}
