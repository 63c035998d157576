import { COMMISSION_FIELD_LABELS } from '../../../src/commission/commission';
import { COMMISSION_MEMBER_FIELD_LABELS } from '../../../src/commission/members';
import { ROUND_EVALUATION_FIELD_LABELS } from '../../../src/commission/round-evaluation';
import { SCORING_GRID_FIELD_LABELS } from '../../../src/commission/scoring-grid';
import { COMMISSION_SESSION_FIELD_LABELS } from '../../../src/commission/session';
import { Box, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { RecordGrid } from '../../components/record-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { AUDIT_ACTION_LABELS, type AuditAction, type AuditEntry } from '../../../src/audit/diff';
import { ORGANIZATION_FIELD_LABELS } from '../../../src/catalog/organization';
import { UNIT_FIELD_LABELS } from '../../../src/register/unit';
import { FUNDING_ROUND_FIELD_LABELS } from '../../../src/rounds/funding-round';
import { INSTITUTION_FIELD_LABELS } from '../../../src/settings/institution';
import { queryTokens, matchesTokens } from '../../../src/tabular/search';
import { searchKey } from '../../../src/validation/diacritics';
import { formatRoDateTime } from '../../../src/validation/dates';
import { formatAuditValue } from '../../components/audit-history';
import { FilterSelect, QuickSearch } from '../../components/filter-bar';
import { useStore } from '../../store-context';

const ENTITY_LABELS: Record<string, string> = {
  organizations: 'ONG',
  units: 'Unitate',
  settings: 'Setări',
  nomenclature: 'Nomenclator',
  rounds: 'Rundă de finanțare',
  parameterValues: 'Parametru legal',
  requests: 'Cerere de subvenție',
  commissions: 'Comisie',
  commissionMembers: 'Membru al comisiei',
  commissionSessions: 'Ședință a comisiei',
  declarations: 'Declarație de imparțialitate',
  recusals: 'Recuzare',
  scoringGrids: 'Grilă de evaluare',
  scoreSheets: 'Fișă de evaluare',
  roundEvaluations: 'Evaluarea rundei',
  appeals: 'Contestație',
  nonWorkingDays: 'Zi nelucrătoare',
  database: 'Baza de date',
};
/** Field labels per record type (the same field name can mean different things). */
const FIELD_LABELS: Record<string, Record<string, string>> = {
  organizations: ORGANIZATION_FIELD_LABELS,
  units: UNIT_FIELD_LABELS,
  settings: INSTITUTION_FIELD_LABELS,
  rounds: FUNDING_ROUND_FIELD_LABELS,
  commissions: COMMISSION_FIELD_LABELS,
  commissionMembers: COMMISSION_MEMBER_FIELD_LABELS,
  commissionSessions: COMMISSION_SESSION_FIELD_LABELS,
  scoringGrids: SCORING_GRID_FIELD_LABELS,
  roundEvaluations: ROUND_EVALUATION_FIELD_LABELS,
};

function describeChanges(entry: AuditEntry): string {
  const labels = FIELD_LABELS[entry.entity] ?? {};
  return entry.changes
    .map((c) => (entry.action === 'modificare' ? `${labels[c.field] ?? c.field}: ${formatAuditValue(c.before)} → ${formatAuditValue(c.after)}` : `${labels[c.field] ?? c.field}: ${formatAuditValue(c.after ?? c.before)}`))
    .join('; ');
}

const COLUMNS: GridColDef<AuditEntry & { summary: string }>[] = [
  { field: 'at', headerName: 'Data și ora', width: 150, valueFormatter: (v: string) => formatRoDateTime(v) },
  { field: 'user', headerName: 'Utilizator', width: 150 },
  { field: 'action', headerName: 'Acțiune', width: 130, valueFormatter: (v: AuditAction) => AUDIT_ACTION_LABELS[v] },
  { field: 'entity', headerName: 'Tip', width: 110, valueFormatter: (v: string) => ENTITY_LABELS[v] ?? v },
  { field: 'label', headerName: 'Înregistrare', width: 260 },
  { field: 'summary', headerName: 'Modificări', flex: 1, minWidth: 300 },
];

/** The append-only log of every change, newest first. */
export function AuditScreen() {
  const store = useStore();
  const entries = useLiveQuery(() => store.audit.recent(2000), [store]);
  const [query, setQuery] = useState('');
  const [action, setAction] = useState('');
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => {
    const tokens = queryTokens(deferredQuery);
    return (entries ?? [])
      .filter((e) => !action || e.action === action)
      .map((e) => ({ ...e, summary: describeChanges(e) }))
      .filter((e) => tokens.length === 0 || matchesTokens(searchKey(`${e.label} ${e.user} ${e.summary}`), tokens));
  }, [entries, deferredQuery, action]);
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
        <RecordGrid label="Jurnal modificări" rows={rows} columns={COLUMNS} loading={!entries} getRowHeight={() => 'auto'} />
      </Box>
    </Box>
  );
}
