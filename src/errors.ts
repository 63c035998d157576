import type { FieldErrors } from './validation/result';

/** A rule of the domain was broken; `message` is Romanian and meant for the user. */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** The input does not pass validation; `fields` says what is wrong with each field. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(
    readonly fields: FieldErrors,
    message = 'Datele introduse conțin erori. Corectați câmpurile marcate.',
  ) {
    super(message);
  }
}

/** Someone else changed the record since it was read (optimistic concurrency). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
}
