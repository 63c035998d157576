import AddIcon from '@mui/icons-material/Add';
import DescriptionIcon from '@mui/icons-material/Description';
import { Alert, Box, Chip, IconButton, MenuItem, Paper, Stack, Tab, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tabs, TextField, Tooltip, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useNavigation } from '../../navigation';
import type { Convention } from '../../../src/conventions/convention';
import { MONTH_NAMES, type Month } from '../../../src/requests/subsidy-request';
import { SETTLEMENT_STATES, type MonthlySettlement } from '../../../src/settlements/monthly-settlement';
import { todayIso } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { loadSettlementYear, settlementKey } from '../../services/settlements';
import { downloadSettlementForms } from '../../services/settlement-documents';
import { useStore } from '../../store-context';
import { PaymentsPanel } from './payments-panel';
import { ReconciliationPanel } from './reconciliation-panel';
import { SettlementDialog } from './settlement-dialog';
import { YearEndPanel } from './year-end-panel';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const SHORT_STATES: Record<MonthlySettlement['state'], string> = { ciorna: 'ciornă', depus: 'depus', verificat: 'verificat', aprobat: 'aprobat', platit: 'plătit', respins: 'respins' };
const STATE_COLORS: Record<MonthlySettlement['state'], 'default' | 'info' | 'primary' | 'secondary' | 'success' | 'error'> = {
  ciorna: 'default', depus: 'info', verificat: 'primary', aprobat: 'secondary', platit: 'success', respins: 'error',
};

type TabId = 'deconturi' | 'plati' | 'reconciliere' | 'an';

/**
 * Monthly settlements and payments (deconturi și plăți): the year's conventions × months with the
 * state of each month's settlement, the payments imported from the accounting system, the year's
 * reconciliation workbook and the year-end statements with the sums to recover.
 */
export function SettlementsScreen() {
  const store = useStore();
  const { fail } = useNotifier();
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState<Month>(Number(todayIso().slice(5, 7)) as Month);
  const [tab, setTab] = useState<TabId>('deconturi');
  const [open, setOpen] = useState<{ convention: Convention; settlement: MonthlySettlement } | null>(null);
  const data = useLiveQuery(() => loadSettlementYear(store, year), [store, year]);
  // "#/deconturi/<settlementId>" opens the month's settlement in its year.
  const { address, navigate, closeRecord } = useNavigation();
  const openId = address.record;
  useEffect(() => {
    if (!openId) {
      setOpen(null);
      return;
    }
    let live = true;
    void store.settlements.get(openId).then(async (settlement) => {
      const convention = settlement ? await store.conventions.get(settlement.conventionId) : undefined;
      if (live && settlement && convention) {
        setYear(settlement.year);
        setOpen({ convention, settlement });
      }
    });
    return () => {
      live = false;
    };
  }, [store, openId]);
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

  const create = async (convention: Convention, m: Month) => {
    try {
      const settlement = await store.settlements.createDraft(convention.id, m);
      setOpen({ convention, settlement });
      navigate('deconturi', settlement.id);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>Deconturi și plăți</Typography>
        <TextField select size="small" label="Anul" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 110 }}>
          {years.map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="Luna" value={month} onChange={(e) => setMonth(Number(e.target.value) as Month)} sx={{ width: 150 }}>
          {MONTHS.map((m) => <MenuItem key={m} value={m}>{MONTH_NAMES[m - 1]}</MenuItem>)}
        </TextField>
      </Stack>
      <Tabs value={tab} onChange={(_e, v: TabId) => setTab(v)} sx={{ mb: 2 }}>
        <Tab value="deconturi" label="Deconturi" />
        <Tab value="plati" label="Plăți" />
        <Tab value="reconciliere" label="Reconciliere" />
        <Tab value="an" label="Sfârșit de an" />
      </Tabs>
      {!data && <Typography color="text.secondary">Se încarcă…</Typography>}
      {data && tab === 'deconturi' && (
        data.conventions.length === 0 ? (
          <Alert severity="info">Nicio convenție de subvenționare pe {year}. Convențiile se încheie din ecranul „Convenții”, pornind de la rezultatele finale ale rundei.</Alert>
        ) : (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Deconturile lunare ale convențiilor">
              <TableHead>
                <TableRow>
                  <TableCell>Convenția</TableCell>
                  <TableCell>Furnizorul</TableCell>
                  {MONTHS.map((m) => <TableCell key={m} align="center" sx={m === month ? { bgcolor: 'action.selected' } : undefined}>{MONTH_NAMES[m - 1]!.slice(0, 3)}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.conventions.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      nr. {c.number}
                      <Tooltip title="Formularele de decont necompletate (anexele convenției), pentru ONG">
                        <IconButton size="small" aria-label={`Formulare de decont: convenția nr. ${c.number}`} onClick={() => downloadSettlementForms(store, c).catch(fail)}><DescriptionIcon fontSize="small" /></IconButton>
                      </Tooltip>
                    </TableCell>
                    <TableCell>{c.provider.name}</TableCell>
                    {MONTHS.map((m) => {
                      const s = data.byKey.get(settlementKey(c.id, m));
                      const inPeriod = m >= c.firstMonth && m <= c.lastMonth && c.units.some((u) => u.months.includes(m));
                      const label = `${MONTH_NAMES[m - 1]} — convenția nr. ${c.number}`;
                      return (
                        <TableCell key={m} align="center" sx={{ px: 0.5, ...(m === month ? { bgcolor: 'action.selected' } : {}) }}>
                          {s ? (
                            <Tooltip title={`${SETTLEMENT_STATES[s.state]}${s.isLate ? ' — depus cu întârziere' : ''}`}>
                              <Chip size="small" clickable aria-label={`Decont ${label}: ${SETTLEMENT_STATES[s.state]}`} color={STATE_COLORS[s.state]} variant={s.isLate ? 'outlined' : 'filled'}
                                label={`${SHORT_STATES[s.state]}${s.isLate ? ' ⚠' : ''}`} onClick={() => { setOpen({ convention: c, settlement: s }); navigate('deconturi', s.id); }} />
                            </Tooltip>
                          ) : inPeriod ? (
                            <IconButton size="small" aria-label={`Decont nou ${label}`} onClick={() => void create(c, m)}><AddIcon fontSize="small" /></IconButton>
                          ) : (
                            <Typography color="text.disabled">—</Typography>
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )
      )}
      {data && tab === 'plati' && <PaymentsPanel year={year} month={month} data={data} />}
      {data && tab === 'reconciliere' && <ReconciliationPanel year={year} />}
      {data && tab === 'an' && <YearEndPanel year={year} />}
      {open && <SettlementDialog key={open.settlement.id} convention={open.convention} settlement={open.settlement} onClose={closeRecord} />}
    </Box>
  );
}
