import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatLei, parseLei } from '../../../src/money';
import type { YearEndStatement } from '../../../src/settlements/reconciliation';
import { formatRoDate, parseDate } from '../../../src/validation/dates';
import type { StoredRecovery } from '../../db/database';
import { useNotifier } from '../../components/notifier';
import { yearEnd } from '../../services/settlements';
import { useStore } from '../../store-context';
import { YearEndDocuments } from './year-end-documents';

type Statement = YearEndStatement & { organizationName: string; recovery?: StoredRecovery };

/** Per convention the year-end statement (granted, used, paid, to return) and the recovery record. */
export function YearEndPanel({ year }: { year: number }) {
  const store = useStore();
  const data = useLiveQuery(() => yearEnd(store, year), [store, year]);
  const [recovering, setRecovering] = useState<Statement | null>(null);
  const [repaying, setRepaying] = useState<StoredRecovery | null>(null);
  if (!data) return <Typography color="text.secondary">Se calculează…</Typography>;
  return (
    <Box>
      <Typography sx={{ mb: 1.5 }}>Situația finală a fiecărei convenții: sumele acordate, utilizate (admise la verificare), plătite și de restituit. Termenul de restituire se stabilește prin actul care constată debitul.</Typography>
      <Paper variant="outlined">
        <Table size="small" aria-label="Situațiile finale">
          <TableHead>
            <TableRow><TableCell>Convenția</TableCell><TableCell>Furnizorul</TableCell><TableCell align="right">Acordat</TableCell><TableCell align="right">Utilizat</TableCell><TableCell align="right">Plătit</TableCell><TableCell align="right">De plătit</TableCell><TableCell align="right">De restituit</TableCell><TableCell>Recuperare</TableCell><TableCell>Documente</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {data.statements.map((s) => (
              <TableRow key={s.conventionId}>
                <TableCell>nr. {s.conventionNumber}</TableCell>
                <TableCell>{s.organizationName}</TableCell>
                <TableCell align="right">{formatLei(s.granted)}{s.granted !== s.originalGranted && <Typography variant="caption" component="div">inițial {formatLei(s.originalGranted)}</Typography>}</TableCell>
                <TableCell align="right">{formatLei(s.used)}</TableCell>
                <TableCell align="right">{formatLei(s.paid)}</TableCell>
                <TableCell align="right">{formatLei(s.toPay)}</TableCell>
                <TableCell align="right">{formatLei(s.toReturn)}</TableCell>
                <TableCell>
                  {s.recovery ? (
                    <>
                      <Typography variant="body2">{formatLei(s.recovery.amount)} până la {formatRoDate(s.recovery.dueDate)} — {s.recovery.reason}</Typography>
                      <Typography variant="body2" color={(s.recovery.paidAmount ?? 0) >= s.recovery.amount ? 'success.main' : 'text.secondary'}>
                        restituit {formatLei(s.recovery.paidAmount ?? 0)}{s.recovery.paidOn ? ` (ultima la ${formatRoDate(s.recovery.paidOn)})` : ''}
                      </Typography>
                      {(s.recovery.paidAmount ?? 0) < s.recovery.amount && <Button size="small" onClick={() => setRepaying(s.recovery!)}>Înregistrează restituirea</Button>}
                    </>
                  ) : s.toReturn > 0 ? (
                    <Button size="small" onClick={() => setRecovering(s)}>Constată suma de recuperat</Button>
                  ) : (
                    <Typography variant="body2" color="text.secondary">nimic de recuperat</Typography>
                  )}
                </TableCell>
                <TableCell><YearEndDocuments conventionId={s.conventionId} hasRecovery={!!s.recovery} /></TableCell>
              </TableRow>
            ))}
            {data.statements.length === 0 && <TableRow><TableCell colSpan={9}><Typography color="text.secondary">Nicio convenție pe {year}.</Typography></TableCell></TableRow>}
          </TableBody>
        </Table>
      </Paper>
      {recovering && <RecoveryDialog year={year} statement={recovering} onClose={() => setRecovering(null)} />}
      {repaying && <RepaymentDialog recovery={repaying} onClose={() => setRepaying(null)} />}
    </Box>
  );
}

function RecoveryDialog({ year, statement, onClose }: { year: number; statement: Statement; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [reason, setReason] = useState('Sume plătite peste cele utilizate (admise la verificarea deconturilor)');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState('');
  const save = async () => {
    const due = parseDate(dueDate, 'Termenul de restituire');
    if (!due.ok) return setError(due.message);
    try {
      await store.payments.recoveries.create({ statement, year, reason, dueDate: due.value });
      notify(`Suma de recuperat de ${formatLei(statement.toReturn)} a fost înregistrată.`);
      onClose();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="recovery-title">
      <DialogTitle id="recovery-title">Suma de recuperat — convenția nr. {statement.conventionNumber}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography>Suma de restituit: <b>{formatLei(statement.toReturn)}</b> (plătit {formatLei(statement.paid)}, utilizat {formatLei(statement.used)}).</Typography>
          <TextField label="Motivul" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} />
          <TextField label="Termenul de restituire (din actul de constatare)" placeholder="zz.ll.aaaa" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions><Button onClick={onClose}>Anulează</Button><Button variant="contained" onClick={() => void save()}>Înregistrează</Button></DialogActions>
    </Dialog>
  );
}

function RepaymentDialog({ recovery, onClose }: { recovery: StoredRecovery; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [on, setOn] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState('');
  const save = async () => {
    const date = parseDate(on, 'Data restituirii');
    const value = parseLei(amount);
    if (!date.ok) return setError(date.message);
    if (value === undefined || value <= 0) return setError('Suma restituită trebuie să fie pozitivă, în lei.');
    try {
      await store.payments.recoveries.recordRepayment(recovery.id, { on: date.value, amount: value }, recovery.version);
      notify('Restituirea a fost înregistrată.');
      onClose();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="repayment-title">
      <DialogTitle id="repayment-title">Restituire</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography>De recuperat {formatLei(recovery.amount)}, restituit până acum {formatLei(recovery.paidAmount ?? 0)}.</Typography>
          <TextField label="Data restituirii" placeholder="zz.ll.aaaa" value={on} onChange={(e) => setOn(e.target.value)} />
          <TextField label="Suma (lei)" value={amount} onChange={(e) => setAmount(e.target.value)} />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions><Button onClick={onClose}>Anulează</Button><Button variant="contained" onClick={() => void save()}>Înregistrează</Button></DialogActions>
    </Dialog>
  );
}
