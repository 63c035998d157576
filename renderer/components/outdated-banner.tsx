import { Alert, AlertTitle, Button } from '@mui/material';
import { useEffect, useState } from 'react';

/** The event main.tsx sends when another window upgraded the database under this one. */
export const DATABASE_OUTDATED_EVENT = 'subventii:baza-de-date-actualizata';

/**
 * Shown when another window upgraded the database: this window has closed its connection (it never
 * writes into a newer schema) and asks to be reloaded. The page stays visible so typed text can be
 * copied first.
 */
export function OutdatedBanner() {
  const [isOutdated, setOutdated] = useState(false);
  useEffect(() => {
    const onOutdated = () => setOutdated(true);
    window.addEventListener(DATABASE_OUTDATED_EVENT, onOutdated);
    return () => window.removeEventListener(DATABASE_OUTDATED_EVENT, onOutdated);
  }, []);
  if (!isOutdated) return null;
  return (
    <Alert
      severity="warning"
      role="alert"
      sx={{ position: 'fixed', top: 56, left: '50%', transform: 'translateX(-50%)', zIndex: (t) => t.zIndex.modal + 1, maxWidth: 760, boxShadow: 4 }}
      action={<Button color="inherit" variant="outlined" onClick={() => window.location.reload()}>Reîncarcă pagina</Button>}
    >
      <AlertTitle>Baza de date a fost actualizată în altă fereastră</AlertTitle>
      O altă fereastră a aplicației a trecut baza de date la o versiune mai nouă. Această fereastră s-a deconectat ca să nu scrie în noua schemă: nu se mai pot salva
      modificări din ea. Copiați ce ați introdus și nu ați salvat, apoi reîncărcați pagina.
    </Alert>
  );
}
