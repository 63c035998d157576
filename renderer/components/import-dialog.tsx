import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, MenuItem, Step, StepLabel, Stepper, Table, TableBody, TableCell,
  TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { mappingReport, suggestMapping, type ColumnMapping } from '../../src/import/mapping';
import type { ImportPreview } from '../../src/import/preview';
import { formatInteger } from '../../src/money';
import { ORGANIZATION_COLUMNS } from '../../src/catalog/columns';
import { REGISTER_COLUMNS } from '../../src/register/columns';
import type { ColumnDef } from '../../src/tabular/columns';
import type { DraftByKind, FieldByKind, ImportKind, ReadAndPreviewResult } from '../io/import-core';
import { previewWithMapping, readAndPreviewInWorker, type ImportContextByKind } from '../io/import-client';
import { FILTERS, openFile } from '../platform/files';
import { commitImport, importContext } from '../services/imports';
import { useStore } from '../store-context';
import { errorMessage, useNotifier } from './notifier';

const TITLES: Record<ImportKind, string> = {
  organizations: 'Import catalog ONG',
  units: 'Import registru unități licențiate',
};
const NOUNS: Record<ImportKind, [one: string, many: string]> = {
  organizations: ['ONG', 'ONG-uri'],
  units: ['unitate', 'unități'],
};
const COLUMNS_BY_KIND: { [K in ImportKind]: readonly ColumnDef<FieldByKind[K]>[] } = {
  organizations: ORGANIZATION_COLUMNS,
  units: REGISTER_COLUMNS,
};
const STEPS = ['Fișierul', 'Coloanele', 'Verificarea', 'Rezultatul'];
const ISSUES_SHOWN = 500;

type Phase = 'file' | 'mapping' | 'review' | 'done';
const PHASE_STEP: Record<Phase, number> = { file: 0, mapping: 1, review: 2, done: 3 };

/**
 * Import from XLSX/CSV: choose a file, check how its columns map to fields, see every row's
 * problems, then import the valid rows only, or nothing. The import itself is one transaction.
 */
export function ImportDialog<K extends ImportKind>({ kind, onClose }: { kind: K; onClose(): void }) {
  const store = useStore();
  const { notify } = useNotifier();
  const columns = COLUMNS_BY_KIND[kind];
  const [phase, setPhase] = useState<Phase>('file');
  const [fileName, setFileName] = useState('');
  const [result, setResult] = useState<ReadAndPreviewResult<K> | null>(null);
  const [tableIndex, setTableIndex] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping<FieldByKind[K]>>([]);
  const [preview, setPreview] = useState<ImportPreview<DraftByKind[K]> | null>(null);
  const [context, setContext] = useState<ImportContextByKind[K] | null>(null);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState(0);

  const table = result?.tables[tableIndex];
  const report = useMemo(() => (table ? mappingReport(table.headers, mapping, columns) : null), [table, mapping, columns]);
  const [one, many] = NOUNS[kind];

  const track = (label: string) => (done: number, total: number) => setProgress({ label, done, total });

  const chooseFile = async () => {
    setError(null);
    const file = await openFile(FILTERS.spreadsheet);
    if (!file) return;
    setFileName(file.name);
    setProgress({ label: 'Se citește fișierul…', done: 0, total: 0 });
    try {
      const ctx = await importContext(store, kind);
      const read = await readAndPreviewInWorker(file.data, file.name, kind, ctx, { onProgress: track('Se verifică rândurile…') });
      setContext(ctx);
      setResult(read);
      setTableIndex(read.tableIndex);
      setMapping(read.mapping);
      setPreview(read.preview);
      setPhase('mapping');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const recheck = async (nextTable = tableIndex, nextMapping = mapping) => {
    if (!result || !context) return;
    const target = result.tables[nextTable];
    if (!target) return;
    setProgress({ label: 'Se verifică rândurile…', done: 0, total: target.rows.length });
    try {
      setPreview(await previewWithMapping(target, nextMapping, kind, context, { onProgress: track('Se verifică rândurile…') }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const runImport = async () => {
    if (!preview) return;
    setError(null);
    const drafts = preview.validRows.map((r) => r.draft);
    setProgress({ label: 'Se importă…', done: 0, total: drafts.length });
    try {
      const count = await commitImport(store, kind, drafts, track('Se importă…'));
      setImported(count);
      setPhase('done');
      notify(`Au fost importate ${formatInteger(count)} ${count === 1 ? one : many}.`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const invalidRows = preview ? new Set(preview.issues.map((i) => i.row)).size : 0;

  return (
    <Dialog open onClose={phase === 'done' || phase === 'file' ? onClose : undefined} maxWidth="lg" fullWidth aria-labelledby="import-title">
      <DialogTitle id="import-title">{TITLES[kind]}</DialogTitle>
      <DialogContent sx={{ minHeight: 420 }}>
        <Stepper activeStep={PHASE_STEP[phase]} sx={{ mb: 2 }}>
          {STEPS.map((s) => (
            <Step key={s}><StepLabel>{s}</StepLabel></Step>
          ))}
        </Stepper>
        {progress && (
          <Box sx={{ mb: 2 }} role="status" aria-live="polite">
            <Typography variant="body2">{progress.label} {progress.total > 0 && `${formatInteger(progress.done)} / ${formatInteger(progress.total)}`}</Typography>
            <LinearProgress variant={progress.total > 0 ? 'determinate' : 'indeterminate'} value={progress.total > 0 ? (100 * progress.done) / progress.total : 0} />
          </Box>
        )}
        {error && <Alert severity="error" sx={{ mb: 2 }} role="alert">{error}</Alert>}

        {phase === 'file' && (
          <Box>
            <Typography sx={{ mb: 2 }}>
              Alegeți un registru Excel (.xlsx) sau un fișier CSV. Prima linie cu date a foii este capul de tabel; coloanele se recunosc după denumire (fără să conteze majusculele sau diacriticele), iar pe cele necunoscute le puteți asocia în pasul următor. Datele pot fi scrise ca zz.ll.aaaa sau ca date Excel.
            </Typography>
            <Button variant="contained" onClick={() => void chooseFile()} disabled={!!progress}>Alege fișierul…</Button>
          </Box>
        )}

        {phase === 'mapping' && result && table && report && (
          <Box>
            <Typography sx={{ mb: 1 }}>
              Fișierul „{fileName}”: {formatInteger(table.rows.length)} rânduri cu date{table.emptyRowsSkipped > 0 && `, ${table.emptyRowsSkipped} rânduri goale ignorate`}.
            </Typography>
            {result.tables.length > 1 && (
              <TextField select label="Foaia" value={tableIndex} sx={{ width: 320, mb: 2 }} fullWidth={false}
                onChange={(e) => {
                  const index = Number(e.target.value);
                  const next = result.tables[index];
                  if (!next) return;
                  const nextMapping = suggestMapping(next.headers, columns);
                  setTableIndex(index);
                  setMapping(nextMapping);
                  void recheck(index, nextMapping);
                }}>
                {result.tables.map((t, i) => <MenuItem key={t.sheet} value={i}>{t.sheet} ({t.rows.length} rânduri)</MenuItem>)}
              </TextField>
            )}
            {report.messages.length > 0 && (
              <Alert severity={report.missingRequired.length > 0 ? 'error' : 'info'} sx={{ mb: 2 }}>
                {report.messages.map((m) => <div key={m}>{m}</div>)}
              </Alert>
            )}
            <TableContainer sx={{ maxHeight: 360 }}>
              <Table size="small" stickyHeader aria-label="Asocierea coloanelor">
                <TableHead>
                  <TableRow>
                    <TableCell>Coloana din fișier</TableCell>
                    <TableCell>Exemplu (primul rând)</TableCell>
                    <TableCell>Câmpul din aplicație</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {table.headers.map((header, index) => (
                    <TableRow key={`${header}-${index}`}>
                      <TableCell>{header || <em>(fără nume)</em>}</TableCell>
                      <TableCell sx={{ color: 'text.secondary', maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                        {String(table.rows[0]?.cells[index] ?? '')}
                      </TableCell>
                      <TableCell>
                        <TextField select value={mapping[index] ?? ''} fullWidth={false} sx={{ width: 320 }}
                          slotProps={{ htmlInput: { 'aria-label': `Câmp pentru coloana ${header}` }, select: { displayEmpty: true } }}
                          onChange={(e) => {
                            const next = [...mapping];
                            next[index] = (e.target.value || null) as FieldByKind[K] | null;
                            setMapping(next);
                          }}>
                          <MenuItem value=""><em>(ignoră coloana)</em></MenuItem>
                          {columns.map((c) => <MenuItem key={c.field} value={c.field}>{c.header}{c.required ? ' *' : ''}</MenuItem>)}
                        </TextField>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Box>
        )}

        {phase === 'review' && preview && (
          <Box>
            <Alert severity={preview.issues.length === 0 ? 'success' : 'warning'} sx={{ mb: 2 }}>
              {formatInteger(preview.totalRows)} rânduri verificate: {formatInteger(preview.validRows.length)} valide, {formatInteger(invalidRows)} cu erori ({formatInteger(preview.issues.length)} probleme).
            </Alert>
            {preview.issues.length > 0 && (
              <TableContainer sx={{ maxHeight: 380 }}>
                <Table size="small" stickyHeader aria-label="Raportul importului">
                  <TableHead>
                    <TableRow>
                      <TableCell>Foaia</TableCell>
                      <TableCell>Rândul</TableCell>
                      <TableCell>Coloana</TableCell>
                      <TableCell>Valoarea</TableCell>
                      <TableCell>Motivul</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.issues.slice(0, ISSUES_SHOWN).map((issue, i) => (
                      <TableRow key={i}>
                        <TableCell>{issue.sheet}</TableCell>
                        <TableCell>{issue.row}</TableCell>
                        <TableCell>{issue.column}</TableCell>
                        <TableCell sx={{ maxWidth: 200, wordBreak: 'break-word' }}>{issue.value}</TableCell>
                        <TableCell>{issue.reason}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
            {preview.issues.length > ISSUES_SHOWN && <Typography variant="caption">Sunt afișate primele {ISSUES_SHOWN} probleme din {formatInteger(preview.issues.length)}.</Typography>}
          </Box>
        )}

        {phase === 'done' && (
          <Alert severity="success">
            Import încheiat: {formatInteger(imported)} {imported === 1 ? one : many} {imported === 1 ? 'adăugat(ă)' : 'adăugate'}.
            {preview && preview.issues.length > 0 && ` ${formatInteger(invalidRows)} rânduri cu erori nu au fost importate.`}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {phase === 'file' && <Button onClick={onClose}>Închide</Button>}
        {phase === 'mapping' && (
          <>
            <Button onClick={onClose}>Renunță</Button>
            <Button variant="contained" disabled={!!progress || !report || report.missingRequired.length > 0}
              onClick={() => void recheck().then(() => setPhase('review'))}>
              Verifică rândurile
            </Button>
          </>
        )}
        {phase === 'review' && preview && (
          <>
            <Button onClick={() => setPhase('mapping')} disabled={!!progress}>Înapoi la coloane</Button>
            <Button onClick={onClose} disabled={!!progress}>Nu importa nimic</Button>
            <Button variant="contained" disabled={!!progress || preview.validRows.length === 0} onClick={() => void runImport()}>
              {preview.issues.length === 0 ? `Importă toate rândurile (${formatInteger(preview.validRows.length)})` : `Importă doar rândurile valide (${formatInteger(preview.validRows.length)})`}
            </Button>
          </>
        )}
        {phase === 'done' && <Button variant="contained" onClick={onClose}>Închide</Button>}
      </DialogActions>
    </Dialog>
  );
}
