import { DomainError } from '../errors';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import { formatRoDateTime } from '../validation/dates';
import type { FieldErrors } from '../validation/result';

/** Why, by whom and when something final was opened again (kept forever, quoted in the audit log). */
export interface ReopeningRecord {
  reason: string;
  by: string;
  /** ISO timestamp. */
  at: string;
}

export type ReopeningField = keyof ReopeningRecord;

export function validateReopening(input: ReopeningRecord): { value: ReopeningRecord; errors: FieldErrors<ReopeningField> } {
  const value: ReopeningRecord = { reason: cleanMultiline(input.reason), by: cleanText(input.by), at: cleanText(input.at) };
  const errors: FieldErrors<ReopeningField> = {};
  if (value.reason.length < 3) errors.reason = 'Motivul redeschiderii este obligatoriu.';
  if (value.by === '') errors.by = 'Precizați cine redeschide.';
  if (value.at === '' || Number.isNaN(Date.parse(value.at))) errors.at = 'Momentul redeschiderii lipsește.';
  return { value, errors };
}

/**
 * Whether a round's results are final. Once final they are locked: scores, ranking and
 * allocation can no longer change until someone reopens them with a recorded reason.
 */
export interface ResultsLock {
  isLocked: boolean;
  lockedAt?: string;
  lockedBy?: string;
  /** Every reopening, oldest first. */
  reopenings: ReopeningRecord[];
}

export const UNLOCKED: ResultsLock = { isLocked: false, reopenings: [] };

// Conventions.md §5: ce e final rămâne blocat; se redeschide doar cu motiv consemnat.
export function assertUnlocked(lock: Pick<ResultsLock, 'isLocked' | 'lockedAt' | 'lockedBy'>, action = 'modifica rezultatele'): void {
  if (!lock.isLocked) return;
  const when = lock.lockedAt ? ` la ${formatRoDateTime(lock.lockedAt)}` : '';
  const who = lock.lockedBy ? ` de ${lock.lockedBy}` : '';
  throw new DomainError(
    `Rezultatele rundei sunt finale (blocate${when}${who}): nu se mai pot ${action}. Redeschideți-le, cu motivul consemnat, dacă este nevoie.`,
  );
}

/**
 * Makes the results final. `pendingIssues` are reasons the results are not ready (e.g. ties the
 * commission has not decided, subsidies not computed): locking is refused while there are any.
 */
export function lockResults(lock: ResultsLock, by: string, at: string, pendingIssues: readonly string[] = []): ResultsLock {
  if (lock.isLocked) throw new DomainError('Rezultatele rundei sunt deja finale.');
  if (pendingIssues.length > 0) throw new DomainError(`Rezultatele nu pot deveni finale: ${pendingIssues.join('; ')}.`);
  const who = cleanText(by);
  if (who === '') throw new DomainError('Precizați cine declară rezultatele finale.');
  return { ...lock, isLocked: true, lockedAt: at, lockedBy: who };
}

/** Opens final results again; the reason is required. Returns field errors instead of a lock when the record is incomplete. */
export function reopenResults(
  lock: ResultsLock,
  record: ReopeningRecord,
): { ok: true; value: ResultsLock } | { ok: false; errors: FieldErrors<ReopeningField> } {
  if (!lock.isLocked) return { ok: false, errors: { reason: 'Rezultatele nu sunt blocate; nu este nimic de redeschis.' } };
  const { value, errors } = validateReopening(record);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { isLocked: false, reopenings: [...lock.reopenings, value] } };
}
