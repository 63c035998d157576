/**
 * Romanian messages, with what the user can do, for the errors of the storage layer (IndexedDB
 * through Dexie). Dexie wraps the browser's error; the cause may be in `inner`.
 */
const MESSAGES: Record<string, string> = {
  QuotaExceededError:
    'Spațiul de stocare al aplicației este plin: modificarea nu a fost salvată și nimic nu s-a pierdut. Eliberați spațiu pe disc (sau în profilul browserului), salvați o copie de siguranță din Setări și încercați din nou.',
  ConstraintError:
    'Înregistrarea nu a fost salvată: există deja una cu aceeași cheie (de exemplu același cod sau număr). Reîncărcați pagina și verificați înregistrările existente; nimic nu s-a modificat.',
  VersionError:
    'Baza de date a fost creată sau actualizată de o versiune mai nouă a aplicației. Actualizați aplicația; datele nu au fost modificate.',
  DatabaseClosedError:
    'Conexiunea cu baza de date a fost închisă (de exemplu, altă fereastră a actualizat aplicația). Reîncărcați pagina; modificarea nesalvată trebuie refăcută.',
  InvalidStateError: 'Baza de date nu este disponibilă în acest moment. Reîncărcați pagina; dacă problema persistă, reporniți aplicația.',
  TimeoutError: 'Baza de date nu a răspuns la timp. Închideți celelalte ferestre ale aplicației și încercați din nou; nimic nu s-a modificat.',
  DataCloneError: 'Datele nu au putut fi salvate (conțin o valoare care nu se poate stoca). Nimic nu s-a modificat; anunțați administratorul aplicației.',
  UnknownError: 'Baza de date a raportat o eroare de citire sau scriere pe disc. Nimic nu s-a modificat; reporniți aplicația și verificați spațiul pe disc.',
  OpenFailedError: 'Baza de date nu a putut fi deschisă. Reporniți aplicația; dacă problema persistă, restaurați o copie de siguranță.',
};

/** The Romanian message for a storage error, or null when the error is not one. */
export function describeStorageError(error: unknown): string | null {
  let current = error as { name?: string; inner?: unknown } | null | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    const message = current.name ? MESSAGES[current.name] : undefined;
    // An abort is reported for its cause (often a full disk); a bare one says the change was undone.
    if (message) return message;
    if (current.name === 'AbortError' && !current.inner) return 'Operația a fost întreruptă și anulată în întregime; nimic nu s-a modificat. Încercați din nou.';
    current = current.inner as typeof current;
  }
  return null;
}
