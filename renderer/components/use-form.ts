import { useCallback, useMemo, useState } from 'react';
import { ValidationError } from '../../src/errors';
import type { FieldErrors } from '../../src/validation/result';
import { FIELD_ID_PREFIX, focusFirstError, isFormDirty } from './form-state';

/**
 * Form state around a pure validator from src/: the values, which fields the user has touched,
 * and the validator's errors (shown for touched fields, or for all after a save attempt).
 */
export function useForm<V extends object>(initial: V, validate: (values: V) => FieldErrors) {
  const [values, setValues] = useState<V>(initial);
  const [baseline, setBaseline] = useState<V>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const errors = useMemo(() => ({ ...validate(values), ...serverErrors }), [values, validate, serverErrors]);
  const isDirty = useMemo(() => isFormDirty(baseline, values), [baseline, values]);

  const setField = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => (t.has(field as string) ? t : new Set(t).add(field as string)));
    setServerErrors((e) => {
      if (!(field in e)) return e;
      const { [field as string]: _removed, ...rest } = e;
      return rest;
    });
  }, []);

  const visibleError = (field: keyof V): string | undefined =>
    showAll || touched.has(field as string) ? errors[field as string] : undefined;

  return {
    values,
    setField,
    errors,
    visibleError,
    isDirty,
    hasErrors: Object.keys(errors).length > 0,
    /** Call on save: from now on every error is shown. */
    revealAll: () => setShowAll(true),
    setServerErrors,
    /** After a successful save: the saved values become the new baseline. */
    reset: (next: V) => {
      setValues(next);
      setBaseline(next);
      setTouched(new Set());
      setShowAll(false);
      setServerErrors({});
    },
  };
}

export type FormApi<V extends object> = ReturnType<typeof useForm<V>>;

/**
 * The save step every form shares: show all errors, stop while any is left, store through the
 * repository, then hand the saved record on; the repository's field errors go back to their fields
 * and any other failure to `fail`.
 */
export async function submitForm<V extends object, R>(
  form: FormApi<V>,
  store: () => Promise<R>,
  onSaved: (saved: R) => void,
  fail: (error: unknown) => void,
): Promise<void> {
  // The form the save was asked from (the dialog of the button pressed), where the focus goes back.
  const root = typeof document === 'undefined' ? undefined : (document.activeElement?.closest('[role="dialog"], form') ?? document);
  const focusOn = (errors: FieldErrors) => {
    if (!root || focusFirstError(errors, root.querySelectorAll<HTMLElement>(`[id^="${FIELD_ID_PREFIX}"]`))) return;
    // Fields a form draws itself (a grid's criteria, checkboxes) have no field id: once React has
    // shown the errors, the first input marked invalid takes the focus.
    setTimeout(() => root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  };
  form.revealAll();
  if (form.hasErrors) {
    focusOn(form.errors);
    return;
  }
  try {
    onSaved(await store());
  } catch (error) {
    if (error instanceof ValidationError) {
      form.setServerErrors(error.fields);
      focusOn(error.fields);
    } else fail(error);
  }
}
