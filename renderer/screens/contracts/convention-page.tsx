import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, TextField, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { termsInForce } from '../../../src/conventions/amendments';
import { CONVENTION_STATES, conventionPeriod } from '../../../src/conventions/convention';
import { ValidationError } from '../../../src/errors';
import { formatLei } from '../../../src/money';
import { describeMonths } from '../../../src/requests/subsidy-request';
import { formatRoDate, parseDate } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { conventionDetail, type ConventionDetail } from '../../services/conventions';
import { useStore } from '../../store-context';
import { tabIndex, tabSlug } from '../../../src/navigation/address';
import { useNavigation } from '../../navigation';
import { NOWRAP_AMOUNTS } from './table-style';
import { AmendmentsPanel } from './amendments-panel';
import { ConventionDocumentsPanel } from './convention-documents-panel';
import { PaymentPlanPanel } from './payment-plan-panel';

/** The convention page's tabs as the address names them ("#/contracte/<id>/plati"). */
const CONVENTION_TABS = ['date', 'unitati', 'acte', 'plati', 'documente'] as const;

/** One convention: its parties and state, units, amendments, payment plan and commitment, documents. */
export function ConventionPage({ conventionId, onBack }: { conventionId: string; onBack(): void }) {
  const store = useStore();
  const detail = useLiveQuery(() => conventionDetail(store, conventionId), [store, conventionId]);
  const { address, setTab: setAddressTab } = useNavigation();
  const tab = tabIndex(CONVENTION_TABS, address.tab);
  const setTab = (index: number) => setAddressTab(tabSlug(CONVENTION_TABS, index) ?? CONVENTION_TABS[0]);
  if (!detail) return null;
  const { convention: c, terms } = detail;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack}>Convenții</Button>
        <Typography variant="h6" component="h1">Convenția nr. {c.number} din {formatRoDate(c.date)} — {c.provider.name}</Typography>
        <Chip size="small" label={CONVENTION_STATES[c.state]} color={c.state === 'definitiva' ? 'success' : c.state === 'incetata' ? 'default' : 'warning'} />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} aria-label="Suma convenției">
        Suma inițială: {formatLei(terms.originalAmount)} · Suma în vigoare: {formatLei(terms.amount)}
        {terms.applied.length > 0 ? ` (după ${terms.applied.length === 1 ? '1 act adițional' : `${terms.applied.length} acte adiționale`})` : ''}
      </Typography>
      <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} sx={{ borderBottom: 1, borderColor: 'divider', mb: 1.5 }}>
        <Tab label="Date generale" />
        <Tab label="Unități" />
        <Tab label="Acte adiționale" />
        <Tab label="Plan de plăți" />
        <Tab label="Documente" />
      </Tabs>
      <Box sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto', pt: 1 }}>
        {tab === 0 && <GeneralPanel detail={detail} />}
        {tab === 1 && <UnitsPanel detail={detail} />}
        {tab === 2 && <AmendmentsPanel detail={detail} />}
        {tab === 3 && <PaymentPlanPanel detail={detail} />}
        {tab === 4 && <ConventionDocumentsPanel detail={detail} />}
      </Box>
    </Box>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ width: 300, color: 'text.secondary' }}>{label}</TableCell>
      <TableCell>{children}</TableCell>
    </TableRow>
  );
}

function GeneralPanel({ detail }: { detail: ConventionDetail }) {
  const { convention: c } = detail;
  const [dialog, setDialog] = useState<'definitiva' | 'incetata' | null>(null);
  const period = conventionPeriod({ ...c, lastMonth: detail.terms.lastMonth });
  const p = c.provider;
  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Paper sx={{ p: 2 }}>
        <Table size="small" aria-label="Datele convenției" sx={NOWRAP_AMOUNTS}>
          <TableBody>
            <Field label="Numărul și data">nr. {c.number} din {formatRoDate(c.date)}</Field>
            <Field label="Starea">{CONVENTION_STATES[c.state]}{c.state === 'incetata' && ` la ${formatRoDate(c.terminatedOn)}: ${c.terminationReason ?? ''}`}</Field>
            <Field label="Hotărârea consiliului local (lista și nivelurile)">HCL nr. {c.councilDecision.number} din {formatRoDate(c.councilDecision.date)}</Field>
            <Field label="Hotărârea de aprobare a convențiilor definitive">{c.finalDecision ? `HCL nr. ${c.finalDecision.number} din ${formatRoDate(c.finalDecision.date)}` : '— (convenție provizorie)'}</Field>
            <Field label="Perioada">{formatRoDate(period.from)} – {formatRoDate(period.to)}</Field>
            <Field label="Autoritatea">{c.authority}</Field>
            <Field label="Furnizorul">{p.name}, CUI {p.cui}</Field>
            <Field label="Contul (IBAN)">{p.iban}{p.bankName ? `, ${p.bankName}` : ''}</Field>
            <Field label="Reprezentantul legal">{p.representativeName}{p.representativeRole ? `, ${p.representativeRole}` : ''}</Field>
            <Field label="Responsabilul financiar">{p.financialOfficer || '—'}</Field>
            <Field label="Depunerea decontului lunar">până la data de {c.submissionDay} a lunii următoare</Field>
          </TableBody>
        </Table>
        {c.allocationNotes.length > 0 && <Alert severity="info" sx={{ mt: 1.5 }}>{c.allocationNotes.map((n) => <div key={n}>{n}</div>)}</Alert>}
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          {c.state === 'provizorie' && <Button variant="outlined" onClick={() => setDialog('definitiva')}>Devine definitivă</Button>}
          {c.state !== 'incetata' && <Button color="error" onClick={() => setDialog('incetata')}>Încetează convenția</Button>}
        </Stack>
      </Paper>
      {dialog && <StateDialog kind={dialog} detail={detail} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** Making the convention definitive (with the final HCL) or ending it (date and reason). */
function StateDialog({ kind, detail, onClose }: { kind: 'definitiva' | 'incetata'; detail: ConventionDetail; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const c = detail.convention;
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const isFinal = kind === 'definitiva';
  const save = async () => {
    const parsed = parseDate(date, isFinal ? 'Data hotărârii' : 'Data încetării');
    const next: Record<string, string> = {};
    if (!parsed.ok) next.date = parsed.message;
    if (isFinal && !number.trim()) next.number = 'Numărul hotărârii lipsește.';
    if (!isFinal && !reason.trim()) next.reason = 'Motivul încetării lipsește.';
    setErrors(next);
    if (!parsed.ok || Object.keys(next).length > 0) return;
    try {
      if (isFinal) await store.conventions.makeDefinitive(c.id, c.version, { number, date: parsed.value });
      else await store.conventions.terminate(c.id, c.version, parsed.value, reason);
      notify(isFinal ? `Convenția nr. ${c.number} este definitivă.` : `Convenția nr. ${c.number} a încetat; ratele programate după încetare au fost anulate.`);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields as Record<string, string>);
      else fail(error);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="state-title">
      <DialogTitle id="state-title">{isFinal ? 'Convenția devine definitivă' : 'Încetarea convenției'}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {isFinal
            ? 'Hotărârea consiliului local care aprobă convențiile definitive (la Cluj-Napoca, o hotărâre ulterioară celei din decembrie).'
            : 'Convenția rămâne în evidență, cu data și motivul încetării; ratele programate pentru lunile de după încetare se anulează.'}
        </Typography>
        <Stack spacing={1.5}>
          {isFinal && <TextField label="Numărul HCL" value={number} onChange={(e) => setNumber(e.target.value)} error={!!errors.number} helperText={errors.number} />}
          <TextField label={isFinal ? 'Data HCL' : 'Data încetării'} value={date} onChange={(e) => setDate(e.target.value)} placeholder="zz.ll.aaaa" error={!!errors.date} helperText={errors.date ?? 'zz.ll.aaaa'} />
          {!isFinal && <TextField label="Motivul încetării" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} error={!!errors.reason} helperText={errors.reason} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Anulează</Button>
        <Button variant="contained" color={isFinal ? 'primary' : 'error'} onClick={() => void save()}>{isFinal ? 'Salvează' : 'Încetează convenția'}</Button>
      </DialogActions>
    </Dialog>
  );
}

function UnitsPanel({ detail }: { detail: ConventionDetail }) {
  const original = new Map(detail.convention.units.map((u) => [u.unitId, u]));
  const label = (code: string) => detail.categoryLabels[code] ?? code;
  // The terms in force on a date the user types (by default: with every amendment).
  const [onDate, setOnDate] = useState('');
  const parsedDate = onDate.trim() ? parseDate(onDate, 'Data') : undefined;
  const terms = parsedDate?.ok ? termsInForce(detail.convention, detail.amendments, parsedDate.value) : detail.terms;
  return (
    <Paper sx={{ p: 2, maxWidth: 1300 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 1.5, alignItems: 'center' }}>
        <TextField size="small" label="Termenii în vigoare la data" placeholder="zz.ll.aaaa" value={onDate} onChange={(e) => setOnDate(e.target.value)}
          error={parsedDate?.ok === false} helperText={parsedDate?.ok === false ? parsedDate.message : 'Gol: cu toate actele adiționale'} sx={{ width: 260 }} />
        <Typography aria-label="Suma la data aleasă">Suma convenției: <strong>{formatLei(terms.amount)}</strong> (inițial {formatLei(terms.originalAmount)})</Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {terms.applied.length > 0 ? `Cu ${terms.applied.map((a) => a.label.split(':')[0]).join('; ')} (valoarea inițială dedesubt, unde diferă).` : 'Termenii convenției, așa cum a fost semnată.'}
      </Typography>
      <Table size="small" aria-label="Unitățile convenției" sx={NOWRAP_AMOUNTS}>
        <TableHead>
          <TableRow>
            <TableCell>Unitatea</TableCell>
            <TableCell>Cod serviciu</TableCell>
            <TableCell>Licența</TableCell>
            <TableCell align="right">Beneficiari/lună</TableCell>
            <TableCell align="right">Nivel lunar</TableCell>
            <TableCell>Lunile</TableCell>
            <TableCell align="right">Plafon lunar</TableCell>
            <TableCell align="right">Total</TableCell>
            <TableCell>Bugetul cheltuielilor eligibile</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {terms.units.map((u) => {
            const was = original.get(u.unitId);
            const before = (now: number | string, then: number | string | undefined, text: string) =>
              then !== undefined && then !== now ? <Typography variant="caption" sx={{ display: 'block' }} color="text.secondary">inițial {text}</Typography> : null;
            return (
              <TableRow key={u.unitId}>
                <TableCell>{u.unitName}</TableCell>
                <TableCell>{u.serviceCode}</TableCell>
                <TableCell>nr. {u.licenceNumber}{u.licenceExpiryDate ? `, valabilă până la ${formatRoDate(u.licenceExpiryDate)}` : ''}</TableCell>
                <TableCell align="right">{u.beneficiariesPerMonth}{before(u.beneficiariesPerMonth, was?.beneficiariesPerMonth, String(was?.beneficiariesPerMonth))}</TableCell>
                <TableCell align="right">{formatLei(u.monthlyLevel)}<Typography variant="caption" sx={{ display: 'block' }} color="text.secondary">{u.levelSource}</Typography></TableCell>
                <TableCell>{describeMonths(u.months)}</TableCell>
                <TableCell align="right">{formatLei(u.monthlyCeiling)}{before(u.monthlyCeiling, was?.monthlyCeiling, formatLei(was?.monthlyCeiling ?? 0))}</TableCell>
                <TableCell align="right">{formatLei(u.annualTotal)}{before(u.annualTotal, was?.annualTotal, formatLei(was?.annualTotal ?? 0))}</TableCell>
                <TableCell>
                  {Object.entries(u.expenseBudget).map(([code, amount]) => <div key={code}>{label(code)}: {formatLei(amount)}</div>)}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
