import { Button, Paper, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { todayIso } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { useSharedSession } from '../../shared-session';
import { useStore } from '../../store-context';

export function DemoPanel() {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [busy, setBusy] = useState(false);
  const isShared = useSharedSession().mode === 'shared';
  const hasData = useLiveQuery(() => store.demo.holdsData(), [store]);
  const load = async () => {
    setBusy(true);
    try {
      const result = await store.demo.load(todayIso());
      const year = result.finalYear;
      const finished = year.skipped
        ? ` Anul ${year.year} nu a fost completat: ${year.skipped}.`
        : ` Anul ${year.year} este încheiat: rezultate finale, ${year.conventions} convenții și ${year.settlements} deconturi.`;
      notify(`Au fost încărcate ${result.organizations} ONG-uri, ${result.units} unități, ${result.rounds} runde de finanțare și ${result.requests} cereri fictive, cu o comisie de evaluare.${finished}`);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="demo-title">
      <Typography id="demo-title" variant="h6" component="h2" gutterBottom>Date demonstrative</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Umple o bază de date goală cu un set fictiv (aprox. 40 de ONG-uri și 60 de unități, unele cu licența expirată sau pe cale să expire, trei runde de finanțare și niveluri medii lunare fictive, cu sursa „fictiv — date demonstrative”, ca să se vadă calculul subvenției), ca să puteți explora aplicația. Runda de anul trecut este dusă la capăt de aplicație, ca un an încheiat: ședința comisiei, punctajele, votul, rezultatele finale și notificările, convențiile cu angajamentul bugetar și viza CFP, deconturi lunare în toate stările și plățile. Runda de anul acesta rămâne în evaluare, pentru comisie. Valorile legale livrate rămân „de completat”. Nu se poate folosi pe o bază de date care conține deja date.
      </Typography>
      <Button variant="outlined" onClick={() => void load()} disabled={busy || isShared}>Încarcă date demonstrative</Button>
      {isShared && <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>Datele demonstrative se încarcă doar în modul local.</Typography>}
      {!isShared && hasData && <Typography variant="caption" color="text.secondary" sx={{ ml: 2 }}>Baza de date conține deja date.</Typography>}
    </Paper>
  );
}
