import { Box, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { RecordGrid } from '../../components/record-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { AUDIT_ACTION_LABELS, type AuditAction, type AuditEntry } from '../../../src/audit/diff';
import { queryTokens, matchesTokens } from '../../../src/tabular/search';
import { searchKey } from '../../../src/validation/diacritics';
import { formatRoDateTime } from '../../../src/validation/dates';
import { auditLines, AUDIT_ENTITY_LABELS } from '../../../src/audit/describe';
import { FilterSelect, QuickSearch } from '../../components/filter-bar';
import { useStore } from '../../store-context';

function describeChanges(entry: AuditEntry, names?: ReadonlyMap<string, string>): string {
  return auditLines(entry, names).map((line) => line.text).join('\n');
}

/** Rows as tall as their text (one function, so that the grid's props stay the same). */
const AUTO_HEIGHT = () => 'auto' as const;

const COLUMNS: GridColDef<AuditEntry & { summary: string }>[] = [
  { field: 'at', headerName: 'Data și ora', width: 150, valueFormatter: (v: string) => formatRoDateTime(v) },
  { field: 'user', headerName: 'Utilizator', width: 150 },
  { field: 'action', headerName: 'Acțiune', width: 130, valueFormatter: (v: AuditAction) => AUDIT_ACTION_LABELS[v] },
  { field: 'entity', headerName: 'Tip', width: 110, valueFormatter: (v: string) => AUDIT_ENTITY_LABELS[v] ?? v },
  { field: 'label', headerName: 'Înregistrare', width: 260 },
  {
    field: 'summary', headerName: 'Modificări', flex: 1, minWidth: 300,
    // One line per changed field.
    renderCell: (params) => <Box sx={{ whiteSpace: 'pre-line', py: 0.5 }}>{params.value as string}</Box>,
  },
];

/** The append-only log of every change, newest first. */
export function AuditScreen() {
  const store = useStore();
  const entries = useLiveQuery(() => store.audit.recent(2000), [store]);
  const names = useLiveQuery(() => store.audit.names(), [store]);
  const [query, setQuery] = useState('');
  const [action, setAction] = useState('');
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => {
    const tokens = queryTokens(deferredQuery);
    return (entries ?? [])
      .filter((e) => !action || e.action === action)
      .map((e) => ({ ...e, summary: describeChanges(e, names) }))
      .filter((e) => tokens.length === 0 || matchesTokens(searchKey(`${e.label} ${e.user} ${e.summary}`), tokens));
  }, [entries, names, deferredQuery, action]);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="h5" component="h1">Jurnal modificări</Typography>
        <Typography color="text.secondary">ultimele {entries?.length ?? 0} intrări; jurnalul nu poate fi modificat sau șters</Typography>
      </Stack>
      <Stack direction="row" spacing={1.5} sx={{ mb: 1.5 }}>
        <QuickSearch value={query} onChange={setQuery} placeholder="înregistrare, utilizator, valoare…" />
        <FilterSelect label="Acțiune" value={action} options={AUDIT_ACTION_LABELS} onChange={setAction} />
      </Stack>
      <Box sx={{ flexGrow: 1, minHeight: 300, bgcolor: 'background.paper' }}>
        <RecordGrid label="Jurnal modificări" rows={rows} columns={COLUMNS} loading={!entries} getRowHeight={AUTO_HEIGHT} />
      </Box>
    </Box>
  );
}
