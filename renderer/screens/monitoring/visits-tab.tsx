import { Alert, Button, Chip, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { teamNames, VISIT_KIND_LABELS, VISIT_STATUS_LABELS, isVisitLocked } from '../../../src/monitoring/visit';
import { formatRoDate } from '../../../src/validation/dates';
import { loadVisitList } from '../../services/monitoring';
import { useStore } from '../../store-context';
import { VisitPage } from './visit-page';

/** The year's visits, newest first; a visit opens on its own page. */
export function VisitsTab({ year, openVisitId, onOpenVisit }: { year: number; openVisitId: string | null; onOpenVisit(id: string | null): void }) {
  const store = useStore();
  const rows = useLiveQuery(() => loadVisitList(store, year), [store, year]);
  if (!rows) return <Typography color="text.secondary">Se încarcă…</Typography>;
  return (
    <>
      {rows.length === 0 ? (
        <Alert severity="info">Nicio vizită în {year}. Vizitele se planifică din „Plan de vizite”.</Alert>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Vizitele de monitorizare">
            <TableHead>
              <TableRow>
                <TableCell>Data</TableCell>
                <TableCell>Furnizorul / unitatea</TableCell>
                <TableCell>Convenția</TableCell>
                <TableCell>Tipul</TableCell>
                <TableCell>Echipa</TableCell>
                <TableCell>Starea</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(({ visit, conventionNumber, organizationName, unitName }) => (
                <TableRow key={visit.id} hover>
                  <TableCell>{formatRoDate(visit.actualDate ?? visit.plannedDate)}</TableCell>
                  <TableCell>{organizationName}<Typography variant="body2" color="text.secondary">{unitName}</Typography></TableCell>
                  <TableCell>nr. {conventionNumber}</TableCell>
                  <TableCell>{VISIT_KIND_LABELS[visit.kind]}</TableCell>
                  <TableCell>{teamNames(visit.team).join(', ')}</TableCell>
                  <TableCell>
                    <Chip size="small" label={VISIT_STATUS_LABELS[visit.status]} color={visit.status === 'efectuata' ? 'success' : visit.status === 'anulata' ? 'default' : 'info'} />
                    {isVisitLocked(visit) && <Chip size="small" sx={{ ml: 0.5 }} label="raport emis" variant="outlined" />}
                  </TableCell>
                  <TableCell><Button size="small" aria-label={`Deschide vizita din ${formatRoDate(visit.actualDate ?? visit.plannedDate)} — ${unitName}`} onClick={() => onOpenVisit(visit.id)}>Deschide</Button></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {openVisitId && <VisitPage visitId={openVisitId} onClose={() => onOpenVisit(null)} />}
    </>
  );
}
