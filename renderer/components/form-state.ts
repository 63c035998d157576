import type { FieldErrors } from '../../src/validation/result';

/**
 * What a form field holds, for comparing: an empty text, an absent value, null and false are the
 * same "nothing", and a number equals the text that shows it (a field typed "5" over an initial 5 is not
 * a change). Objects and arrays are compared field by field.
 */
function normalized(value: unknown): unknown {
  // An unticked box reads the same whether it was never set or set and cleared.
  if (value === undefined || value === null || value === false) return '';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(normalized);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, normalized(v)] as const)
      .filter(([, v]) => v !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * A form is dirty when what it holds differs from what it opened with, not when a field was only
 * touched: typing and erasing, or choosing the same option again, leaves nothing to lose.
 */
export function isFormDirty(initial: unknown, current: unknown): boolean {
  return JSON.stringify(normalized(initial)) !== JSON.stringify(normalized(current));
}

/** The least a focusable field needs here (an HTMLElement has it). */
export type FocusableField = { id: string; focus(): void };

export const FIELD_ID_PREFIX = 'field-';

/**
 * After a refused save, moves the focus to the first field with an error, in the order the fields
 * are on screen (`fields`, e.g. `root.querySelectorAll('[id^="field-"]')`), so a keyboard or
 * screen-reader user lands on what to fix. Returns the field focused, if any.
 */
export function focusFirstError(errors: FieldErrors, fields: Iterable<FocusableField>): string | undefined {
  for (const element of fields) {
    if (!element.id.startsWith(FIELD_ID_PREFIX)) continue;
    const field = element.id.slice(FIELD_ID_PREFIX.length);
    if (field in errors) {
      element.focus();
      return field;
    }
  }
  return undefined;
}
