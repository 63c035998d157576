import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Button, Chip, List, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Commission } from '../../../src/commission/commission';
import { isMemberActiveOn, MEMBER_ROLES, NGO_LINK_KINDS, type CommissionMember } from '../../../src/commission/members';
import { FUNDING_LAW_SHORT } from '../../../src/rounds/funding-round';
import { formatRoDate, todayIso } from '../../../src/validation/dates';
import { RecordGrid } from '../../components/record-grid';
import { useStore } from '../../store-context';
import { CommissionDialog } from './commission-dialog';
import { MemberDialog } from './member-dialog';

type Row = CommissionMember & { links: string; isActive: boolean };

const COLUMNS: GridColDef<Row>[] = [
  { field: 'name', headerName: 'Nume', flex: 1, minWidth: 150 },
  { field: 'role', headerName: 'Calitate', width: 130, valueGetter: (_v, r) => `${MEMBER_ROLES[r.role]}${r.isSubstitute ? ' (supleant)' : ''}` },
  { field: 'institution', headerName: 'Instituția', width: 160 },
  { field: 'appointmentAct', headerName: 'Numit prin', width: 200 },
  {
    field: 'periodFrom',
    headerName: 'Mandat',
    width: 190,
    renderCell: ({ row }) => (
      <span>
        {formatRoDate(row.periodFrom)} – {row.periodTo ? formatRoDate(row.periodTo) : 'în curs'}
        {!row.isActive && <Chip size="small" label="fără mandat azi" sx={{ ml: 0.5 }} />}
      </span>
    ),
  },
  { field: 'links', headerName: 'Legături declarate cu ONG-uri', flex: 1.5, minWidth: 200 },
];

/** The commissions and their members, with each member's declared links to NGOs. */
export function CommissionsPanel() {
  const store = useStore();
  const commissions = useLiveQuery(() => store.commissions.list(), [store]);
  const organizations = useLiveQuery(() => store.organizations.list(), [store]) ?? [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = commissions?.find((c) => c.id === selectedId) ?? commissions?.[0];
  const members = useLiveQuery(() => (selected ? store.members.listByCommission(selected.id) : Promise.resolve([] as CommissionMember[])), [store, selected?.id]);
  const [editingCommission, setEditingCommission] = useState<Commission | 'new' | null>(null);
  const [editingMember, setEditingMember] = useState<CommissionMember | 'new' | null>(null);
  const today = todayIso();
  const rows: Row[] = (members ?? []).map((m) => ({
    ...m,
    isActive: isMemberActiveOn(m, today),
    links: m.ngoLinks.map((l) => `${NGO_LINK_KINDS[l.kind]}: ${organizations.find((o) => o.id === l.organizationId)?.name ?? '?'}`).join('; '),
  }));

  return (
    <Stack direction="row" spacing={2} sx={{ flexGrow: 1, minHeight: 0 }}>
      <Paper variant="outlined" sx={{ width: 260, flexShrink: 0, display: 'flex', flexDirection: 'column' }}>
        <Stack direction="row" sx={{ p: 1, alignItems: 'center' }}>
          <Typography variant="subtitle1" sx={{ flexGrow: 1, fontWeight: 600 }}>Comisii</Typography>
          <Button size="small" startIcon={<AddIcon />} onClick={() => setEditingCommission('new')}>Comisie nouă</Button>
        </Stack>
        <List dense aria-label="Comisii">
          {(commissions ?? []).map((c) => (
            <ListItemButton key={c.id} selected={c.id === selected?.id} onClick={() => setSelectedId(c.id)}>
              <ListItemText primary={c.name} secondary={`${FUNDING_LAW_SHORT[c.law]} · ${c.legalBasis}`} />
            </ListItemButton>
          ))}
        </List>
        {commissions?.length === 0 && <Alert severity="info" sx={{ m: 1 }}>Creați comisia de evaluare și selecționare, apoi adăugați membrii ei.</Alert>}
      </Paper>
      <Box sx={{ flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        {selected && (
          <>
            <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
              <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>{selected.name}</Typography>
              <Button startIcon={<EditIcon />} onClick={() => setEditingCommission(selected)}>Editează comisia</Button>
              <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditingMember('new')}>Adaugă membru</Button>
            </Stack>
            <Box sx={{ flexGrow: 1, minHeight: 300, bgcolor: 'background.paper' }}>
              <RecordGrid<Row> label="Membrii comisiei" rows={rows} columns={COLUMNS} loading={!members} hiddenColumns={{ appointmentAct: false }} onOpen={(row) => setEditingMember(members?.find((m) => m.id === row.id) ?? null)} />
            </Box>
          </>
        )}
      </Box>
      {editingCommission && <CommissionDialog commission={editingCommission === 'new' ? undefined : editingCommission} onClose={() => setEditingCommission(null)} />}
      {editingMember && selected && (
        <MemberDialog commissionId={selected.id} member={editingMember === 'new' ? undefined : editingMember} others={members ?? []} onClose={() => setEditingMember(null)} />
      )}
    </Stack>
  );
}
