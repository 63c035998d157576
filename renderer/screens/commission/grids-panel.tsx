import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Chip, Stack } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { gridReadiness, type GridLike } from '../../../src/commission/scoring-grid';
import { formatDecimal } from '../../../src/money';
import { FUNDING_LAW_SHORT } from '../../../src/rounds/funding-round';
import { RecordGrid } from '../../components/record-grid';
import { useStore } from '../../store-context';
import { GridDialog } from './grid-dialog';

type Row = GridLike & { isShipped: boolean; criteriaCount: number; maxTotal: number; missing: number };

const COLUMNS: GridColDef<Row>[] = [
  { field: 'name', headerName: 'Grila', flex: 1, minWidth: 260 },
  { field: 'law', headerName: 'Legea', width: 130, valueFormatter: (v: GridLike['law']) => FUNDING_LAW_SHORT[v] },
  { field: 'criteriaCount', headerName: 'Criterii', width: 90, type: 'number' },
  { field: 'maxTotal', headerName: 'Punctaj maxim', width: 130, type: 'number', valueFormatter: (v: number) => formatDecimal(v, 0) },
  { field: 'minTotal', headerName: 'Prag', width: 100, valueFormatter: (v: number | null) => (v === null ? 'de completat' : formatDecimal(v, 0)) },
  { field: 'isShipped', headerName: 'Origine', width: 130, valueFormatter: (v: boolean) => (v ? 'livrată' : 'definită de utilizatori') },
  { field: 'missing', headerName: 'Stare', width: 160, renderCell: ({ row }) => <Chip size="small" color={row.missing ? 'warning' : 'success'} label={row.missing ? 'de completat' : 'gata de punctare'} /> },
];

/** Scoring grids: the shipped one (to be filled in from the council's decision) and the users' own. */
export function GridsPanel() {
  const store = useStore();
  const grids = useLiveQuery(() => store.grids.listAll(), [store]);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const rows: Row[] = (grids ?? []).map((g) => ({
    ...g,
    criteriaCount: g.criteria.length,
    maxTotal: g.criteria.reduce((s, c) => s + (c.maxPoints ?? 0), 0),
    missing: gridReadiness(g).length,
  }));
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" sx={{ mb: 1, alignItems: 'center' }}>
        <Alert severity="info" sx={{ flexGrow: 1, mr: 2 }}>
          Grila pentru Legea 34/1998 se aprobă prin hotărâre a consiliului local (HG 1153/2001, art. 7²); criteriile și punctajele pentru Cluj-Napoca nu sunt livrate: deschideți grila livrată și completați-o din hotărâre. Pentru apelurile Legii 350/2005 definiți grila apelului.
        </Alert>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>Grilă nouă</Button>
      </Stack>
      <Box sx={{ flexGrow: 1, minHeight: 300, bgcolor: 'background.paper' }}>
        <RecordGrid<Row> label="Grile de evaluare" rows={rows} columns={COLUMNS} loading={!grids} onOpen={setEditing} />
      </Box>
      {editing && <GridDialog grid={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Box>
  );
}
