import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, MenuItem, Stack, Step, StepLabel, Stepper, Table, TableBody, TableCell,
  TableContainer, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FULL_ADDRESS, mappingReport, suggestMapping, type ColumnMapping, type FieldDefaults } from '../../src/import/mapping';
import { sampleText, type ImportPreview } from '../../src/import/preview';
import { countOf, emptyRows } from '../../src/import/wording';
import { formatInteger } from '../../src/money';
import { ORGANIZATION_COLUMNS } from '../../src/catalog/columns';
import { REGISTER_COLUMNS } from '../../src/register/columns';
import type { ColumnDef } from '../../src/tabular/columns';
import type { DraftByKind, FieldByKind, ImportKind, ReadAndPreviewResult } from '../io/import-core';
import { forgetImportFile, previewWithMapping, readAndPreviewInWorker, warmUpImportWorker } from '../io/import-client';
import { FILTERS, openFile } from '../platform/files';
import { commitImport, exportRefusedRows, importContext, rememberedMappings, rememberMapping } from '../services/imports';
import { useStore } from '../store-context';
import { errorMessage, useNotifier } from './notifier';
import { throttledProgress } from './progress-throttle';

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
const ADDRESS_LABEL = 'Adresă completă (stradă, localitate, județ, cod poștal)';

type Phase = 'file' | 'mapping' | 'review' | 'done';
const PHASE_STEP: Record<Phase, number> = { file: 0, mapping: 1, review: 2, done: 3 };

/** What a preview was computed with: the same key means the rows need no new check. */
const previewKey = (tableIndex: number, mapping: ColumnMapping, defaults: FieldDefaults) => JSON.stringify([tableIndex, mapping, defaults]);

/**
 * Import from XLSX/CSV: choose a file, check how its columns map to fields (constant values and a
 * full-address column included), see every row's problems, then import the valid rows only, or
 * nothing. The rows are checked once, in the import worker; a changed mapping checks them again
 * there. The import itself is one transaction; the refused rows can be saved as XLSX.
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
  const [defaults, setDefaults] = useState<FieldDefaults<FieldByKind[K]>>({});
  const [preview, setPreview] = useState<ImportPreview<DraftByKind[K]> | null>(null);
  const [checkedKey, setCheckedKey] = useState('');
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState(0);
  const [constantField, setConstantField] = useState<FieldByKind[K] | ''>('');
  const [constantValue, setConstantValue] = useState('');
  const abort = useRef<AbortController | null>(null);
  // The worker lets go of the file's rows when the dialog closes (a run still going is stopped).
  useEffect(() => {
    warmUpImportWorker();
    return () => {
      abort.current?.abort();
      forgetImportFile();
    };
  }, []);

  const table = result?.tables[tableIndex];
  const report = useMemo(() => (table ? mappingReport(table.headers, mapping, columns, defaults) : null), [table, mapping, columns, defaults]);
  const [one, many] = NOUNS[kind];
  const defByField = useMemo(() => new Map(columns.map((c) => [c.field as string, c as ColumnDef])), [columns]);

  const track = (label: string) => throttledProgress((done, total) => setProgress({ label, done, total }));
  const cancellable = () => {
    abort.current = new AbortController();
    return abort.current.signal;
  };
  const failed = (e: unknown) => {
    if ((e as { name?: string }).name !== 'AbortError') setError(errorMessage(e));
  };

  const chooseFile = async () => {
    setError(null);
    const file = await openFile(FILTERS.spreadsheet);
    if (!file) return;
    setFileName(file.name);
    setProgress({ label: 'Se citește fișierul…', done: 0, total: 0 });
    try {
      const [ctx, remembered] = await Promise.all([importContext(store, kind), rememberedMappings(store, kind)]);
      const read = await readAndPreviewInWorker(file.data, file.name, kind, ctx, { onProgress: track('Se verifică rândurile…'), signal: cancellable(), remembered });
      setResult(read);
      setTableIndex(read.tableIndex);
      setMapping(read.mapping);
      setDefaults(read.defaults);
      setPreview(read.preview);
      setCheckedKey(previewKey(read.tableIndex, read.mapping, read.defaults));
      setPhase('mapping');
    } catch (e) {
      failed(e);
    } finally {
      setProgress(null);
    }
  };

  /** Checks the rows again in the worker, only when the sheet, the mapping or the constants changed. */
  const recheck = async (nextTable = tableIndex, nextMapping = mapping, nextDefaults = defaults): Promise<boolean> => {
    const key = previewKey(nextTable, nextMapping, nextDefaults);
    if (key === checkedKey) return true;
    const target = result?.tables[nextTable];
    if (!target) return false;
    setProgress({ label: 'Se verifică rândurile…', done: 0, total: target.rowCount });
    try {
      setPreview(await previewWithMapping<K>(nextTable, nextMapping, nextDefaults, { onProgress: track('Se verifică rândurile…'), signal: cancellable() }));
      setCheckedKey(key);
      return true;
    } catch (e) {
      failed(e);
      return false;
    } finally {
      setProgress(null);
    }
  };

  const runImport = async () => {
    if (!preview || !result || !table) return;
    setError(null);
    const drafts = preview.validRows.map((r) => r.draft);
    setProgress({ label: 'Se importă…', done: 0, total: drafts.length });
    try {
      const count = await commitImport(store, kind, drafts, track('Se importă…'));
      setImported(count);
      setPhase('done');
      notify(`Au fost importate ${countOf(count, one, many)}.`);
      // The next file with these headers starts from this mapping.
      await rememberMapping(store, kind, result.layout, { mapping, defaults, headers: table.headers }).catch(() => undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(null);
    }
  };

  const downloadRefused = async () => {
    if (!preview) return;
    try {
      await exportRefusedRows(store, kind, fileName, preview.issues);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const addConstant = () => {
    if (!constantField || !constantValue.trim()) return;
    setDefaults({ ...defaults, [constantField]: constantValue.trim() });
    setConstantField('');
    setConstantValue('');
  };
  const removeConstant = (field: string) => {
    const next = { ...defaults };
    delete next[field as FieldByKind[K]];
    setDefaults(next);
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
            <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography variant="body2">{progress.label} {progress.total > 0 && `${formatInteger(progress.done)} / ${formatInteger(progress.total)}`}</Typography>
              {progress.label !== 'Se importă…' && <Button size="small" onClick={() => abort.current?.abort()}>Anulează</Button>}
            </Stack>
            <LinearProgress variant={progress.total > 0 ? 'determinate' : 'indeterminate'} value={progress.total > 0 ? (100 * progress.done) / progress.total : 0} />
          </Box>
        )}
        {error && <Alert severity="error" sx={{ mb: 2 }} role="alert">{error}</Alert>}

        {phase === 'file' && (
          <Box>
            <Typography sx={{ mb: 2 }}>
              Alegeți un registru Excel (.xlsx) sau un fișier CSV. Prima linie cu date a foii este capul de tabel; coloanele se recunosc după denumire (fără să conteze majusculele sau diacriticele), iar pe cele necunoscute le puteți asocia în pasul următor. Datele pot fi scrise ca zz.ll.aaaa sau ca date Excel.
            </Typography>
            <Typography variant="body2" sx={{ mb: 2, color: 'text.secondary' }}>
              Limite: cel mult 50 MiB, 200 de coloane și 100.000 de rânduri cu date pe foaie, 32.767 de caractere într-o celulă.
            </Typography>
            <Button variant="contained" onClick={() => void chooseFile()} disabled={!!progress}>Alege fișierul…</Button>
          </Box>
        )}

        {phase === 'mapping' && result && table && report && (
          <Box>
            <Typography sx={{ mb: 1 }}>
              Fișierul „{fileName}”: {countOf(table.rowCount, 'rând cu date', 'rânduri cu date')}
              {table.emptyRowsSkipped > 0 && `, ${emptyRows(table.emptyRowsSkipped)} ${table.emptyRowsSkipped === 1 ? 'ignorat' : 'ignorate'}`}.
              {result.remembered && ' Coloanele sunt asociate ca la importul anterior al unui fișier cu același cap de tabel.'}
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
                  void recheck(index, nextMapping, defaults);
                }}>
                {result.tables.map((t, i) => <MenuItem key={t.sheet} value={i}>{t.sheet} ({countOf(t.rowCount, 'rând', 'rânduri')})</MenuItem>)}
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
                    <TableCell>Exemplu (cum va fi citit)</TableCell>
                    <TableCell>Câmpul din aplicație</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {table.headers.map((header, index) => (
                    <TableRow key={`${header}-${index}`}>
                      <TableCell>{header || <em>(fără nume)</em>}</TableCell>
                      <TableCell sx={{ color: 'text.secondary', maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: mapping[index] === FULL_ADDRESS ? 'normal' : 'nowrap' }}>
                        {sampleText(table.samples[index], mapping[index] === FULL_ADDRESS ? 'address' : defByField.get(mapping[index] ?? ''))}
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
                          <MenuItem value={FULL_ADDRESS}>{ADDRESS_LABEL}</MenuItem>
                        </TextField>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            <Box sx={{ mt: 2 }}>
              <Typography variant="subtitle2">Valori pentru toate rândurile</Typography>
              <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
                O valoare dată aici completează câmpul pe rândurile unde celula este goală sau când fișierul nu are coloana (de exemplu Localitate = Cluj-Napoca).
              </Typography>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
                {Object.entries(defaults).map(([field, value]) => (
                  <Chip key={field} label={`${defByField.get(field)?.header ?? field} = ${String(value)}`} onDelete={() => removeConstant(field)} />
                ))}
                <TextField select label="Câmpul" value={constantField} sx={{ width: 240 }} fullWidth={false} size="small"
                  onChange={(e) => setConstantField(e.target.value as FieldByKind[K])}>
                  {columns.map((c) => <MenuItem key={c.field} value={c.field}>{c.header}</MenuItem>)}
                </TextField>
                <TextField label="Valoarea constantă" value={constantValue} size="small" sx={{ width: 240 }} fullWidth={false}
                  onChange={(e) => setConstantValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addConstant()} />
                <Button onClick={addConstant} disabled={!constantField || !constantValue.trim()}>Adaugă valoarea</Button>
              </Stack>
            </Box>
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
            Import încheiat: {countOf(imported, one, many)} {imported === 1 ? (kind === 'units' ? 'adăugată' : 'adăugat') : 'adăugate'}.
            {preview && preview.issues.length > 0 && ` ${countOf(invalidRows, 'rând cu erori nu a fost importat', 'rânduri cu erori nu au fost importate')}; lista lor se poate descărca pentru corectare.`}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {phase === 'file' && <Button onClick={onClose}>Închide</Button>}
        {phase === 'mapping' && (
          <>
            <Button onClick={onClose}>Renunță</Button>
            <Button variant="contained" disabled={!!progress || !report || report.missingRequired.length > 0}
              onClick={() => void recheck().then((ok) => ok && setPhase('review'))}>
              Verifică rândurile
            </Button>
          </>
        )}
        {phase === 'review' && preview && (
          <>
            <Button onClick={() => setPhase('mapping')} disabled={!!progress}>Înapoi la coloane</Button>
            {preview.issues.length > 0 && <Button onClick={() => void downloadRefused()} disabled={!!progress}>Descarcă rândurile refuzate (XLSX)</Button>}
            <Button onClick={onClose} disabled={!!progress}>Nu importa nimic</Button>
            <Button variant="contained" disabled={!!progress || preview.validRows.length === 0} onClick={() => void runImport()}>
              {preview.issues.length === 0 ? `Importă toate rândurile (${formatInteger(preview.validRows.length)})` : `Importă doar rândurile valide (${formatInteger(preview.validRows.length)})`}
            </Button>
          </>
        )}
        {phase === 'done' && (
          <>
            {preview && preview.issues.length > 0 && <Button onClick={() => void downloadRefused()}>Descarcă rândurile refuzate (XLSX)</Button>}
            <Button variant="contained" onClick={onClose}>Închide</Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
