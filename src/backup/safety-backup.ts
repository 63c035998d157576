/** A copy of the whole database the app takes by itself (before a restore, or daily). */
export interface SafetyBackup {
  id: string;
  /** ISO timestamp. */
  takenAt: string;
  /** Why it was taken: 'inainte_de_restaurare', 'zilnica'. */
  reason: string;
  /** The backup file's text (as exported by Setări → Copie de siguranță). */
  text: string;
  size: number;
}
