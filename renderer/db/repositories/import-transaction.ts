import { DomainError } from '../../../src/errors';

/**
 * Runs an import's transaction and turns a storage failure into a Romanian message that says the
 * whole import was rolled back.
 */
export async function importTransaction<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const name = (error as { name?: string }).name ?? '';
    const reason = name === 'BulkError' || name === 'ConstraintError'
      ? 'o înregistrare intră în conflict cu una existentă (de exemplu un CUI adăugat între timp)'
      : ((error as Error).message ?? String(error));
    throw new DomainError(`Importul a eșuat și a fost anulat în întregime; nicio înregistrare nu a fost modificată. Motiv: ${reason}.`);
  }
}
