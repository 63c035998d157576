import { Button, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { describeIssued } from '../../../src/documents/issued-document';
import { formatRoDate } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import type { VisitPageData } from '../../services/monitoring';
import { downloadIssued } from '../../services/issued-documents';
import { useStore } from '../../store-context';

/** The visit's issued reports (each re-downloads byte-identical from the register). */
export function VisitDocuments({ data }: { data: VisitPageData }) {
  const store = useStore();
  const { fail } = useNotifier();
  const reports = useLiveQuery(() => Promise.all(data.visit.reportDocumentIds.map((id) => store.issuedDocuments.get(id))), [store, data.visit.reportDocumentIds.join(',')]);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Documentele vizitei">
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>Documentele vizitei</Typography>
      {(reports ?? []).filter((d) => !!d).length === 0 && <Typography variant="body2" color="text.secondary">Niciun raport emis încă.</Typography>}
      {(reports ?? []).map((d) => d && (
        <Stack key={d.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" sx={{ flexGrow: 1 }}>{d.title} {describeIssued(d)} din {formatRoDate(d.issuedOn)}{d.replacedById ? ' (înlocuit)' : ''}</Typography>
          <Button size="small" onClick={() => downloadIssued(store, d.id).catch(fail)}>Descarcă</Button>
        </Stack>
      ))}
    </Paper>
  );
}
