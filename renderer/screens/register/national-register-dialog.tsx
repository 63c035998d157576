import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableContainer, TableHead,
  TableRow, TextField, Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { DomainError } from '../../../src/errors';
import { countOf } from '../../../src/import/wording';
import { fitsHeaders, layoutKey, mappingReport, remapByHeaders, suggestMapping, type ColumnMapping } from '../../../src/import/mapping';
import { sampleText, type ImportIssue } from '../../../src/import/preview';
import { isBlankCell, type RawTable } from '../../../src/import/raw-table';
import {
  groupDifferences, NATIONAL_PROVIDER_COLUMNS, NATIONAL_SERVICE_COLUMNS, pickNationalSheet, readNationalProviders, readNationalServices, type RegisterDifference,
} from '../../../src/register/national-register';
import type { ColumnDef } from '../../../src/tabular/columns';
import { formatRoDate, parseDate, todayIso, type IsoDate } from '../../../src/validation/dates';
import { errorMessage, useNotifier } from '../../components/notifier';
import { FILTERS, openFile } from '../../platform/files';
import {
  applyRegisterUpdate, compareNationalRegister, exportRegisterCheck, PROVIDERS_MAPPING_KIND, readNationalRegisterFile, SERVICES_MAPPING_KIND,
} from '../../services/national-register';
import type { Store } from '../../db/store';
import { useStore } from '../../store-context';

type Phase = 'file' | 'mapping' | 'results';

interface TablePart<F extends string> {
  /** Index in the file's tables, -1 = the file has no such table. */
  index: number;
  mapping: ColumnMapping<F>;
}

/** The remembered mapping for the sheet's layout when it still fits, else the suggested one. */
async function startingMapping<F extends string>(store: Store, kind: string, table: RawTable | undefined, columns: readonly ColumnDef<F>[]): Promise<ColumnMapping<F>> {
  if (!table) return [];
  const saved = (await store.settings.getImportMappings(kind))[layoutKey(table.headers)];
  if (saved && fitsHeaders(saved.mapping, table.headers, columns)) return remapByHeaders(saved.mapping, saved.headers, table.headers);
  return suggestMapping(table.headers, columns);
}

/**
 * "Verificare în registrul național": the Ministry's workbook is read, its two tables (accredited
 * providers, licensed services) mapped to fields, compared with the catalog and the local
 * register; the differences are shown by kind, can be downloaded as XLSX, and each proposed
 * update is written only when the user clicks it.
 */
export function NationalRegisterDialog({ onClose }: { onClose(): void }) {
  const store = useStore();
  const { notify } = useNotifier();
  const [phase, setPhase] = useState<Phase>('file');
  const [registerDateText, setRegisterDateText] = useState(formatRoDate(todayIso()));
  const [registerDate, setRegisterDate] = useState<IsoDate>(todayIso());
  const [fileName, setFileName] = useState('');
  const [tables, setTables] = useState<RawTable[]>([]);
  const [providers, setProviders] = useState<TablePart<(typeof NATIONAL_PROVIDER_COLUMNS)[number]['field']>>({ index: -1, mapping: [] });
  const [services, setServices] = useState<TablePart<(typeof NATIONAL_SERVICE_COLUMNS)[number]['field']>>({ index: -1, mapping: [] });
  const [differences, setDifferences] = useState<RegisterDifference[]>([]);
  const [readIssues, setReadIssues] = useState<ImportIssue[]>([]);
  const [applied, setApplied] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const dateError = useMemo(() => {
    const parsed = parseDate(registerDateText, 'Data registrului național');
    return parsed.ok ? null : parsed.message;
  }, [registerDateText]);

  const chooseFile = async () => {
    setError(null);
    const parsed = parseDate(registerDateText, 'Data registrului național');
    if (!parsed.ok) return setError(parsed.message);
    setRegisterDate(parsed.value);
    const file = await openFile(FILTERS.spreadsheet);
    if (!file) return;
    setBusy('Se citește fișierul…');
    try {
      const read = await readNationalRegisterFile(file.data, file.name);
      const p = pickNationalSheet(read, NATIONAL_PROVIDER_COLUMNS);
      let s = pickNationalSheet(read, NATIONAL_SERVICE_COLUMNS);
      if (s === p && s >= 0) s = read.findIndex((t, i) => i !== p && t.rows.length > 0);
      if (p < 0 && s < 0) throw new DomainError(`Fișierul „${file.name}” nu conține nicio foaie cu date.`);
      setFileName(file.name);
      setTables(read);
      setProviders({ index: p, mapping: await startingMapping(store, PROVIDERS_MAPPING_KIND, read[p], NATIONAL_PROVIDER_COLUMNS) });
      setServices({ index: s, mapping: await startingMapping(store, SERVICES_MAPPING_KIND, read[s], NATIONAL_SERVICE_COLUMNS) });
      setPhase('mapping');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const providerTable = tables[providers.index];
  const serviceTable = tables[services.index];
  const providerReport = providerTable ? mappingReport(providerTable.headers, providers.mapping, NATIONAL_PROVIDER_COLUMNS) : null;
  const serviceReport = serviceTable ? mappingReport(serviceTable.headers, services.mapping, NATIONAL_SERVICE_COLUMNS) : null;
  const canCompare = (providerTable || serviceTable) && !providerReport?.missingRequired.length && !serviceReport?.missingRequired.length;

  const compare = async () => {
    setError(null);
    setBusy('Se compară cu catalogul și registrul local…');
    try {
      const p = providerTable ? readNationalProviders(providerTable, providers.mapping) : undefined;
      const s = serviceTable ? readNationalServices(serviceTable, services.mapping) : undefined;
      setDifferences(await compareNationalRegister(store, p?.rows, s?.rows));
      setReadIssues([...(p?.issues ?? []), ...(s?.issues ?? [])]);
      setApplied(new Set());
      setPhase('results');
      // The next file with these headers starts from these mappings.
      if (providerTable) await store.settings.rememberImportMapping(PROVIDERS_MAPPING_KIND, layoutKey(providerTable.headers), { mapping: providers.mapping, defaults: {}, headers: providerTable.headers }).catch(() => undefined);
      if (serviceTable) await store.settings.rememberImportMapping(SERVICES_MAPPING_KIND, layoutKey(serviceTable.headers), { mapping: services.mapping, defaults: {}, headers: serviceTable.headers }).catch(() => undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const apply = async (difference: RegisterDifference) => {
    if (!difference.update) return;
    setError(null);
    setBusy('Se actualizează…');
    try {
      await applyRegisterUpdate(store, difference.update, registerDate);
      setApplied((prev) => new Set(prev).add(difference.key));
      notify(`„${difference.record}” a fost actualizat din registrul național din ${formatRoDate(registerDate)}.`);
    } catch (e) {
      setError(`„${difference.record}” nu a fost actualizat: ${errorMessage(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    try {
      if (await exportRegisterCheck(store, fileName, registerDate, differences)) notify('Lista diferențelor a fost salvată.');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const groups = groupDifferences(differences);

  return (
    <Dialog open onClose={phase === 'file' ? onClose : undefined} maxWidth="xl" fullWidth aria-labelledby="national-register-title">
      <DialogTitle id="national-register-title">Verificare în registrul național</DialogTitle>
      <DialogContent sx={{ minHeight: 420 }}>
        {busy && (
          <Box sx={{ mb: 2 }} role="status" aria-live="polite">
            <Typography variant="body2">{busy}</Typography>
            <LinearProgress />
          </Box>
        )}
        {error && <Alert severity="error" sx={{ mb: 2 }} role="alert">{error}</Alert>}

        {phase === 'file' && (
          <Box>
            <Typography sx={{ mb: 2 }}>
              Alegeți registrul Excel publicat de Ministerul Muncii și Solidarității Sociale (Registrul electronic unic al serviciilor sociale, Legea 197/2012 art. 8): furnizorii acreditați și serviciile licențiate, pe foi separate sau doar una dintre ele. Coloanele se recunosc după denumirile uzuale din registru; pe celelalte le puteți asocia în pasul următor. Nimic nu se modifică în catalog sau în registrul local decât la „Actualizează din registru”.
            </Typography>
            <TextField label="Data registrului național" value={registerDateText} onChange={(e) => setRegisterDateText(e.target.value)} placeholder="zz.ll.aaaa"
              error={!!dateError} helperText={dateError ?? 'Data ediției registrului (sursa actualizărilor, trecută în observațiile fișei și în jurnal).'} sx={{ width: 360, mb: 2 }} fullWidth={false} />
            <Box>
              <Button variant="contained" onClick={() => void chooseFile()} disabled={!!busy || !!dateError}>Alege fișierul…</Button>
            </Box>
          </Box>
        )}

        {phase === 'mapping' && (
          <Box>
            <Typography sx={{ mb: 2 }}>Fișierul „{fileName}”, registrul național din {formatRoDate(registerDate)}.</Typography>
            <MappingSection title="Furnizori acreditați" tables={tables} part={providers} columns={NATIONAL_PROVIDER_COLUMNS} onChange={setProviders}
              remembered={(t) => startingMapping(store, PROVIDERS_MAPPING_KIND, t, NATIONAL_PROVIDER_COLUMNS)} />
            <MappingSection title="Servicii licențiate" tables={tables} part={services} columns={NATIONAL_SERVICE_COLUMNS} onChange={setServices}
              remembered={(t) => startingMapping(store, SERVICES_MAPPING_KIND, t, NATIONAL_SERVICE_COLUMNS)} />
          </Box>
        )}

        {phase === 'results' && (
          <Box>
            <Alert severity={differences.length === 0 ? 'success' : 'info'} sx={{ mb: 2 }}>
              {differences.length === 0
                ? 'Catalogul și registrul local corespund registrului național.'
                : `${countOf(differences.length, 'diferență', 'diferențe')} față de registrul național din ${formatRoDate(registerDate)}.`}
              {!providerTable && ' Fișierul nu are lista furnizorilor acreditați: acreditarea nu a fost verificată.'}
              {!serviceTable && ' Fișierul nu are lista serviciilor licențiate: licențele nu au fost verificate.'}
            </Alert>
            {readIssues.length > 0 && (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {countOf(new Set(readIssues.map((i) => `${i.sheet}|${i.row}`)).size, 'rând din registru a fost lăsat deoparte', 'rânduri din registru au fost lăsate deoparte')}:
                {readIssues.slice(0, 10).map((i, n) => <div key={n}>Foaia „{i.sheet}”, rândul {i.row}, coloana „{i.column}”: {i.reason}</div>)}
                {readIssues.length > 10 && <div>… și încă {readIssues.length - 10}.</div>}
              </Alert>
            )}
            {groups.map((group) => (
              <Box key={group.kind} sx={{ mb: 3 }} component="section" aria-label={group.label}>
                <Typography variant="h6" component="h2" sx={{ mb: 1 }}>{group.label} ({group.items.length})</Typography>
                <TableContainer>
                  <Table size="small" aria-label={group.label}>
                    <TableHead>
                      <TableRow>
                        <TableCell>ONG</TableCell>
                        <TableCell>Înregistrarea</TableCell>
                        <TableCell>Valoarea locală</TableCell>
                        <TableCell>Valoarea din registrul național</TableCell>
                        <TableCell>Actualizarea propusă</TableCell>
                        <TableCell />
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {group.items.map((d) => (
                        <TableRow key={d.key}>
                          <TableCell>{d.organizationName}<Typography variant="caption" component="div" color="text.secondary">CUI {d.cui}</Typography></TableCell>
                          <TableCell>{d.record}</TableCell>
                          <TableCell>{d.localValue}</TableCell>
                          <TableCell>{d.registerValue}{d.registerRow !== undefined && <Typography variant="caption" component="div" color="text.secondary">rândul {d.registerRow}</Typography>}</TableCell>
                          <TableCell>{d.proposal}</TableCell>
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            {d.update && (applied.has(d.key)
                              ? <Chip color="success" label="Actualizat" />
                              : <Button size="small" variant="outlined" disabled={!!busy} aria-label={`Actualizează din registru: ${d.record}`} onClick={() => void apply(d)}>Actualizează din registru</Button>)}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </TableContainer>
              </Box>
            ))}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {phase === 'file' && <Button onClick={onClose}>Închide</Button>}
        {phase === 'mapping' && (
          <>
            <Button onClick={onClose}>Renunță</Button>
            <Button variant="contained" disabled={!!busy || !canCompare} onClick={() => void compare()}>Compară cu registrul local</Button>
          </>
        )}
        {phase === 'results' && (
          <>
            <Button onClick={() => setPhase('mapping')} disabled={!!busy}>Înapoi la coloane</Button>
            <Button onClick={() => void download()} disabled={!!busy || differences.length === 0}>Descarcă diferențele (XLSX)</Button>
            <Button variant="contained" onClick={onClose} disabled={!!busy}>Închide</Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

function MappingSection<F extends string>(props: {
  title: string;
  tables: readonly RawTable[];
  part: TablePart<F>;
  columns: readonly ColumnDef<F>[];
  onChange(part: TablePart<F>): void;
  remembered(table: RawTable): Promise<ColumnMapping<F>>;
}) {
  const { title, tables, part, columns, onChange } = props;
  const table = tables[part.index];
  const report = table ? mappingReport(table.headers, part.mapping, columns) : null;
  const defs = new Map(columns.map((c) => [c.field as string, c as ColumnDef]));
  const sample = (index: number) => table?.rows.slice(0, 50).find((r) => !isBlankCell(r.cells[index]))?.cells[index];
  return (
    <Box sx={{ mb: 3 }} component="section" aria-label={title}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">{title}</Typography>
        <TextField select label={`Foaia cu ${title.toLowerCase()}`} value={part.index} size="small" sx={{ width: 360 }} fullWidth={false}
          onChange={(e) => {
            const index = Number(e.target.value);
            const next = tables[index];
            if (!next) return onChange({ index: -1, mapping: [] });
            void props.remembered(next).then((mapping) => onChange({ index, mapping }));
          }}>
          <MenuItem value={-1}><em>(fișierul nu are această listă)</em></MenuItem>
          {tables.map((t, i) => <MenuItem key={`${t.sheet}-${i}`} value={i}>{t.sheet} ({countOf(t.rows.length, 'rând', 'rânduri')})</MenuItem>)}
        </TextField>
      </Stack>
      {report && report.messages.length > 0 && (
        <Alert severity={report.missingRequired.length > 0 ? 'error' : 'info'} sx={{ mb: 1 }}>
          {report.messages.map((m) => <div key={m}>{m}</div>)}
        </Alert>
      )}
      {table && (
        <TableContainer sx={{ maxHeight: 300 }}>
          <Table size="small" stickyHeader aria-label={`Asocierea coloanelor: ${title}`}>
            <TableHead>
              <TableRow>
                <TableCell>Coloana din fișier</TableCell>
                <TableCell>Exemplu (cum va fi citit)</TableCell>
                <TableCell>Câmpul</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {table.headers.map((header, index) => (
                <TableRow key={`${header}-${index}`}>
                  <TableCell>{header}</TableCell>
                  <TableCell sx={{ color: 'text.secondary', maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {sampleText(sample(index), defs.get(part.mapping[index] ?? ''))}
                  </TableCell>
                  <TableCell>
                    <TextField select value={part.mapping[index] ?? ''} fullWidth={false} sx={{ width: 300 }} size="small"
                      slotProps={{ htmlInput: { 'aria-label': `${title}: câmp pentru coloana ${header}` }, select: { displayEmpty: true } }}
                      onChange={(e) => {
                        const mapping = [...part.mapping];
                        mapping[index] = (e.target.value || null) as F | null;
                        onChange({ index: part.index, mapping });
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
      )}
    </Box>
  );
}
