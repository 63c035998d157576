/** Outcome of validating one value: the normalised value, or a message in Romanian. */
export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

export const valid = <T>(value: T): Validation<T> => ({ ok: true, value });
export const invalid = <T = never>(message: string): Validation<T> => ({ ok: false, message });

/** Field name → Romanian error message, for forms and import reports. */
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;
