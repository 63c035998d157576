import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Grid, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { INSTALMENT_STATES, INSTALMENT_TRANSITIONS, type InstalmentState } from '../../../src/conventions/payment-plan';
import { ValidationError } from '../../../src/errors';
import { formatLei } from '../../../src/money';
import { MONTH_NAMES } from '../../../src/requests/subsidy-request';
import { formatRoDate, formatRoDateTime } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import type { StoredInstalment } from '../../db/database';
import { changeInstalment, commitmentFormOf, recordCommitment, type CommitmentForm, type ConventionDetail } from '../../services/conventions';
import { useStore } from '../../store-context';

const ACTION_LABEL: Record<InstalmentState, string> = {
  aprobata: 'Aprobă',
  platita: 'Plătită',
  programata: 'Înapoi la programată',
  anulata: 'Anulează',
  restituita: 'Restituită',
};

/** The monthly instalments with their state changes and history, and the budget commitment. */
export function PaymentPlanPanel({ detail }: { detail: ConventionDetail }) {
  const [changing, setChanging] = useState<{ instalment: StoredInstalment; to: InstalmentState } | null>(null);
  const total = detail.instalments.filter((i) => i.state !== 'anulata').reduce((s, i) => s + i.planned, 0);
  return (
    <Stack spacing={2} sx={{ maxWidth: 1300 }}>
      <Paper sx={{ p: 2 }} component="section" aria-labelledby="plan-title">
        <Typography id="plan-title" variant="h6" component="h2" gutterBottom>Plan de plăți</Typography>
        <Table size="small" aria-label="Plan de plăți">
          <TableHead>
            <TableRow>
              <TableCell>Luna</TableCell>
              <TableCell align="right">Planificat</TableCell>
              <TableCell>Starea</TableCell>
              <TableCell align="right">Suma aprobată/plătită</TableCell>
              <TableCell>Ordin de plată</TableCell>
              <TableCell>Istoric</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {detail.instalments.map((i) => (
              <TableRow key={i.id}>
                <TableCell>{MONTH_NAMES[i.month - 1]}</TableCell>
                <TableCell align="right">{formatLei(i.planned)}</TableCell>
                <TableCell><Chip size="small" label={INSTALMENT_STATES[i.state]} color={i.state === 'platita' ? 'success' : i.state === 'aprobata' ? 'info' : 'default'} /></TableCell>
                <TableCell align="right">{i.amount !== undefined ? formatLei(i.amount) : '—'}</TableCell>
                <TableCell>{i.paymentOrderNumber ?? '—'}</TableCell>
                <TableCell>
                  {i.history.map((h, k) => (
                    <Typography key={k} variant="caption" sx={{ display: 'block' }} color="text.secondary">
                      {formatRoDateTime(h.at)} · {h.by}: {h.from === h.to ? INSTALMENT_STATES[h.to] : `${INSTALMENT_STATES[h.from]} → ${INSTALMENT_STATES[h.to]}`}{h.note ? ` (${h.note})` : ''}
                    </Typography>
                  ))}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5}>
                    {detail.convention.state !== 'incetata' || i.state === 'aprobata' || i.state === 'platita'
                      ? INSTALMENT_TRANSITIONS[i.state].filter((to) => detail.convention.state !== 'incetata' || to === 'platita' || to === 'anulata' || to === 'restituita').map((to) => (
                          <Button key={to} size="small" onClick={() => setChanging({ instalment: i, to })} aria-label={`${ACTION_LABEL[to]}: ${MONTH_NAMES[i.month - 1]}`}>{ACTION_LABEL[to]}</Button>
                        ))
                      : null}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell><strong>Total</strong></TableCell>
              <TableCell align="right"><strong>{formatLei(total)}</strong></TableCell>
              <TableCell colSpan={5} />
            </TableRow>
          </TableBody>
        </Table>
      </Paper>
      <CommitmentPanel detail={detail} />
      {changing && <InstalmentDialog {...changing} onClose={() => setChanging(null)} />}
    </Stack>
  );
}

function InstalmentDialog({ instalment, to, onClose }: { instalment: StoredInstalment; to: InstalmentState; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [amount, setAmount] = useState(formatLei(instalment.amount ?? instalment.planned).replace(' lei', ''));
  const [paymentOrderNumber, setPaymentOrderNumber] = useState(instalment.paymentOrderNumber ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const withAmount = to === 'aprobata' || to === 'platita';
  const month = MONTH_NAMES[instalment.month - 1];
  const save = async () => {
    try {
      await changeInstalment(store, instalment, to, { amount: withAmount ? amount : undefined, paymentOrderNumber, note });
      notify(`Rata pentru ${month}: ${INSTALMENT_STATES[to].toLowerCase()}.`);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields as Record<string, string>);
      else fail(error);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="instalment-title">
      <DialogTitle id="instalment-title">Rata pentru {month}: {INSTALMENT_STATES[to]}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5} sx={{ pt: 0.5 }}>
          {withAmount && <TextField label="Suma (lei)" value={amount} onChange={(e) => setAmount(e.target.value)} error={!!errors.amount} helperText={errors.amount ?? `Plafonul lunii: ${formatLei(instalment.planned)}`} />}
          {to === 'platita' && <TextField label="Numărul ordinului de plată" value={paymentOrderNumber} onChange={(e) => setPaymentOrderNumber(e.target.value)} />}
          <TextField label={to === 'anulata' || to === 'restituita' ? 'Motivul' : 'Observații'} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Renunță</Button>
        <Button variant="contained" onClick={() => void save()}>Salvează</Button>
      </DialogActions>
    </Dialog>
  );
}

const COMMITMENT_LABELS: Record<keyof CommitmentForm, string> = {
  number: 'Numărul angajamentului bugetar',
  date: 'Data angajamentului',
  amount: 'Suma angajată (lei)',
  chapter: 'Capitolul',
  subchapter: 'Subcapitolul',
  titleArticle: 'Titlul/articolul',
  titleArticleLabel: 'Denumirea titlului/articolului',
  cfpBy: 'Viza CFP acordată de',
  cfpOn: 'Data vizei CFP',
};
const ERROR_KEY: Partial<Record<keyof CommitmentForm, string>> = { chapter: 'classification.chapter', titleArticle: 'classification.titleArticle', cfpBy: 'cfpVisa' };

/** The budget commitment (angajament bugetar) with its classification and the CFP visa. */
function CommitmentPanel({ detail }: { detail: ConventionDetail }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const initial = () => commitmentFormOf(detail, (a) => formatLei(a).replace(' lei', ''), formatRoDate);
  const [form, setForm] = useState<CommitmentForm>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const version = detail.commitment?.version;
  // A commitment recorded meanwhile (or an amendment's new amount) refreshes the form.
  useEffect(() => setForm(initial()), [detail.commitment?.version, detail.terms.amount]); // eslint-disable-line react-hooks/exhaustive-deps
  const isFrozen = !!detail.commitment?.cfpVisa || detail.convention.state === 'incetata';
  const classification = detail.commitment?.classification;
  const isDefault = classification ? classification.isDefault : !detail.finance.confirmedBy;
  const field = (key: keyof CommitmentForm, size: number) => {
    const error = errors[ERROR_KEY[key] ?? key] ?? (key === 'cfpOn' ? errors.cfpOn : undefined);
    return (
      <Grid size={{ xs: 12, md: size }}>
        <TextField label={COMMITMENT_LABELS[key]} value={form[key]} disabled={isFrozen || key === 'chapter'} onChange={(e) => setForm({ ...form, [key]: e.target.value })} error={!!error}
          helperText={error ?? (key === 'titleArticle' && isDefault ? '[I] valoare implicită din Setări — de confirmat cu Direcția Economică' : key === 'chapter' ? '68.02 — Asigurări și asistență socială' : undefined)} />
      </Grid>
    );
  };
  const save = async () => {
    try {
      const saved = await recordCommitment(store, detail.convention.id, form, version);
      notify(`Angajamentul bugetar nr. ${saved.number} a fost înregistrat${saved.cfpVisa ? ', cu viza CFP' : ''}.`);
      setErrors({});
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields as Record<string, string>);
      else fail(error);
    }
  };
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="commitment-title">
      <Typography id="commitment-title" variant="h6" component="h2" gutterBottom>Angajament bugetar</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        Faza de angajare (OMFP 1792/2002, anexa 2): angajamentul acoperă suma în vigoare a convenției ({formatLei(detail.terms.amount)}). După viza de control financiar preventiv nu se mai modifică.
      </Typography>
      {detail.commitment ? (
        <Alert severity={detail.commitment.cfpVisa ? 'success' : 'info'} sx={{ mb: 1.5 }}>
          Înregistrat: nr. {detail.commitment.number} din {formatRoDate(detail.commitment.date)}, {formatLei(detail.commitment.amount)}, clasificația {[detail.commitment.classification.chapter, detail.commitment.classification.subchapter, detail.commitment.classification.titleArticle].filter(Boolean).join('.')}
          {detail.commitment.cfpVisa ? ` · Viză CFP: ${detail.commitment.cfpVisa.by}, ${formatRoDate(detail.commitment.cfpVisa.on)}` : ' · fără viză CFP'}
        </Alert>
      ) : (
        <Alert severity="warning" sx={{ mb: 1.5 }}>Angajamentul bugetar nu este înregistrat.</Alert>
      )}
      <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Grid container spacing={1.5}>
          {field('number', 4)}
          {field('date', 4)}
          {field('amount', 4)}
          {field('chapter', 3)}
          {field('subchapter', 3)}
          {field('titleArticle', 3)}
          {field('titleArticleLabel', 3)}
          {field('cfpBy', 6)}
          {field('cfpOn', 6)}
        </Grid>
        {!isFrozen && <Button type="submit" variant="contained" sx={{ mt: 2 }}>{detail.commitment ? 'Salvează angajamentul' : 'Înregistrează angajamentul'}</Button>}
      </Box>
    </Paper>
  );
}
