import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Divider, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow,
  TextField, Tooltip, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { Convention } from '../../../src/conventions/convention';
import { newId } from '../../../src/entity';
import { ValidationError } from '../../../src/errors';
import { countOf } from '../../../src/import/wording';
import { formatLei, parseLei } from '../../../src/money';
import { MONTH_NAMES, type Month } from '../../../src/requests/subsidy-request';
import { ELIGIBLE_EXPENSES_KEY } from '../../../src/requests/parameter-rules';
import {
  DOCUMENT_TYPES, isLocked, monthLabel, nominalEntry, PROOF_KINDS, SETTLEMENT_STATES, type DocumentType, type MonthlySettlement, type ProofKind,
} from '../../../src/settlements/monthly-settlement';
import { expenseCategoryLabel, OTHER_EXPENSE_CATEGORY } from '../../../src/settlements/monthly-subsidy-due';
import { SETTLEMENT_ACTIONS, type SettlementAction } from '../../../src/settlements/settlement-actions';
import { emptyExpense, settlementForm, settlementFromForm, withImportedNominalList, type ExpenseForm, type SettlementForm } from '../../../src/settlements/settlement-form';
import { formatRoDate, formatRoDateTime, parseDate, todayIso } from '../../../src/validation/dates';
import { AuditHistory } from '../../components/audit-history';
import { useNotifier } from '../../components/notifier';
import { ReasonDialog } from '../../components/reason-dialog';
import { settlementView } from '../../services/settlements';
import { useStore } from '../../store-context';
import { NominalListImport } from './nominal-list-import';
import { SettlementDocuments } from './settlement-documents';

/** A category outside the convention's budget: kept, and refused by the computation with its reason. */
const OTHER_CATEGORY = OTHER_EXPENSE_CATEGORY;

type Step = { kind: 'submit' | 'approve' | 'pay' | 'adjust' } | { kind: 'reject' } | null;

/**
 * The month's settlement of a convention: what the NGO declared (beneficiaries per unit, expense
 * lines with their proof of payment, other funding), the amount due with every step and each
 * refused line with its reason, and the actions of its state. A verified month shows what the
 * verification froze and is not edited any more.
 */
export function SettlementDialog({ convention, settlement, onClose }: { convention: Convention; settlement: MonthlySettlement; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const current = useLiveQuery(() => store.settlements.get(settlement.id), [store, settlement.id]) ?? settlement;
  const unitIds = convention.units.map((u) => u.unitId);
  const [form, setForm] = useState<SettlementForm>(() => settlementForm(settlement, unitIds));
  const [formVersion, setFormVersion] = useState(settlement.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [step, setStep] = useState<Step>(null);
  const [isBusy, setBusy] = useState(false);
  const params = useLiveQuery(() => store.parameters.store(), [store]);
  // A change saved elsewhere (another window, an import of payments) reloads the form.
  if (current.version !== formVersion) {
    setForm(settlementForm(current, unitIds));
    setFormVersion(current.version);
  }
  const parsed = useMemo(() => settlementFromForm(form), [form]);
  const working: MonthlySettlement = current.state === 'ciorna' ? { ...current, ...parsed.value } : current;
  const view = useLiveQuery(() => settlementView(store, working), [store, JSON.stringify(working)]);
  const categoryLabels = useMemo(() => {
    const items = params?.listItemsAt(ELIGIBLE_EXPENSES_KEY, `${current.year}-${String(current.month).padStart(2, '0')}-01`);
    return new Map((items?.ok ? items.value : []).map((i) => [i.code, i.label]));
  }, [params, current.year, current.month]);
  const isDraft = current.state === 'ciorna';
  const isDirty = isDraft && JSON.stringify(parsed.value) !== JSON.stringify({ beneficiaries: current.beneficiaries, expenses: current.expenses, otherFunding: current.otherFunding });
  const unitName = (id: string) => convention.units.find((u) => u.unitId === id)?.unitName ?? id;
  const categoriesOf = (unitId: string) => Object.keys(convention.units.find((u) => u.unitId === unitId)?.expenseBudget ?? {});
  const categoryLabel = (code: string) => expenseCategoryLabel(code, categoryLabels);

  const run = async (action: () => Promise<MonthlySettlement>, done: string) => {
    setBusy(true);
    try {
      await action();
      setErrors({});
      notify(done);
      setStep(null);
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields as Record<string, string>);
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  /** Saves the draft's entries first (when changed), then runs the next action on the saved version. */
  const saveThen = async (next?: (saved: MonthlySettlement) => Promise<MonthlySettlement>) => {
    if (Object.keys(parsed.errors).length > 0) {
      setErrors(parsed.errors);
      fail(new ValidationError(parsed.errors));
      return;
    }
    await run(async () => {
      const saved = isDirty ? await store.settlements.editSettlement(current.id, parsed.value, current.version) : current;
      return next ? next(saved) : saved;
    }, next ? 'Decontul a fost salvat și actualizat.' : 'Decontul a fost salvat.');
  };

  const setExpense = (i: number, patch: Partial<ExpenseForm>) => setForm((f) => ({ ...f, expenses: f.expenses.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  const actionButton = (action: SettlementAction, onClick: () => void, variant: 'contained' | 'outlined' = 'outlined') => {
    const state = view?.actions[action];
    return (
      <Tooltip key={action} title={state?.isEnabled ? '' : (state?.reason ?? '')}>
        <span>
          <Button variant={variant} disabled={isBusy || !state?.isEnabled} onClick={onClick}>{SETTLEMENT_ACTIONS[action]}</Button>
        </span>
      </Tooltip>
    );
  };

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="settlement-title">
      <DialogTitle id="settlement-title">
        Decontul convenției nr. {convention.number} — {monthLabel(current.year, current.month)}
        <Chip size="small" sx={{ ml: 1.5 }} color={current.state === 'respins' ? 'error' : isLocked(current) ? 'success' : 'default'} label={SETTLEMENT_STATES[current.state]} />
        {current.isLate && <Chip size="small" sx={{ ml: 1 }} color="warning" label="depus cu întârziere" />}
        <Typography variant="body2" component="span" color="text.secondary" sx={{ display: 'block' }} data-testid="settlement-party">{convention.provider.name} · CUI {convention.provider.cui}</Typography>
      </DialogTitle>
      <DialogContent dividers>
        {current.rejection && current.state !== 'platit' && <Alert severity="error" sx={{ mb: 1 }}>Respins la {formatRoDateTime(current.rejection.at)} ({current.rejection.by}): {current.rejection.reason}</Alert>}
        {isLocked(current) && <Alert severity="info" sx={{ mb: 1 }}>Luna este verificată și blocată: o corecție se înregistrează ca regularizare în decontul unei luni ulterioare.</Alert>}
        {view && view.suspensionReasons.length > 0 && <Alert severity="warning" sx={{ mb: 1 }}>Plata pentru această lună este suspendată: {view.suspensionReasons.join('; ')}.</Alert>}

        <Typography variant="h6" sx={{ mt: 1 }}>Beneficiari efectiv asistați</Typography>
        <Table size="small" aria-label="Beneficiari pe unități">
          <TableHead><TableRow><TableCell>Unitatea</TableCell><TableCell>Contractați / lună</TableCell><TableCell>Beneficiari asistați</TableCell><TableCell>Zile de serviciu</TableCell><TableCell>Listă nominală</TableCell></TableRow></TableHead>
          <TableBody>
            {form.beneficiaries.map((b, i) => {
              const unit = convention.units.find((u) => u.unitId === b.unitId);
              return (
                <TableRow key={b.unitId}>
                  <TableCell>{unitName(b.unitId)}<Typography variant="caption" sx={{ display: "block" }} color="text.secondary">{unit?.serviceCode}</Typography></TableCell>
                  <TableCell>{unit?.beneficiariesPerMonth}</TableCell>
                  <TableCell>
                    <TextField size="small" label="Beneficiari" value={b.count} disabled={!isDraft} error={!!errors[`beneficiaries.${b.unitId}`]} helperText={errors[`beneficiaries.${b.unitId}`]}
                      onChange={(e) => setForm((f) => ({ ...f, beneficiaries: f.beneficiaries.map((x, j) => (j === i ? { ...x, count: e.target.value } : x)) }))} slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `Beneficiari ${unitName(b.unitId)}` } }} sx={{ width: 130 }} />
                  </TableCell>
                  <TableCell>
                    <TextField size="small" label="Zile" value={b.serviceDays} disabled={!isDraft}
                      onChange={(e) => setForm((f) => ({ ...f, beneficiaries: f.beneficiaries.map((x, j) => (j === i ? { ...x, serviceDays: e.target.value } : x)) }))} sx={{ width: 90 }} />
                  </TableCell>
                  <TableCell>
                    <NominalList entries={b.nominalList} disabled={!isDraft} onChange={(list) => setForm((f) => ({ ...f, beneficiaries: f.beneficiaries.map((x, j) => (j === i ? { ...x, nominalList: list, count: x.count || String(list.length) } : x)) }))} />
                    {isDraft && (
                      <NominalListImport unitName={unitName(b.unitId)} year={current.year} month={current.month} disabled={isBusy}
                        onImported={(entries, message) => {
                          const next = withImportedNominalList(form, b.unitId, entries);
                          setForm(next.form);
                          notify(`${message} ${next.note ? `${next.note.charAt(0).toUpperCase()}${next.note.slice(1)} ` : ''}Salvați decontul pentru a o păstra.`);
                        }} />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>

        <Stack direction="row" sx={{ alignItems: 'center', mt: 2 }}>
          <Typography variant="h6" sx={{ flexGrow: 1 }}>Cheltuieli (documente justificative și dovada plății)</Typography>
          <Button startIcon={<AddIcon />} disabled={!isDraft} onClick={() => setForm((f) => ({ ...f, expenses: [...f.expenses, emptyExpense(newId(), unitIds[0]!, categoriesOf(unitIds[0]!)[0] ?? OTHER_CATEGORY)] }))}>Adaugă cheltuială</Button>
        </Stack>
        {form.expenses.length === 0 && <Typography color="text.secondary">Nicio cheltuială introdusă.</Typography>}
        {form.expenses.map((l, i) => {
          const verdict = view?.due?.lines.find((v) => v.lineId === l.id);
          const err = (field: string) => errors[`expenses.${i}.${field}`] ?? parsed.errors[`expenses.${i}.${field}`];
          return (
            <Paper key={l.id} variant="outlined" sx={{ p: 1.5, mt: 1 }} aria-label={`Cheltuiala ${i + 1}`}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
                {unitIds.length > 1 && (
                  <TextField select size="small" label="Unitatea" value={l.unitId} disabled={!isDraft} onChange={(e) => setExpense(i, { unitId: e.target.value })} sx={{ width: 200 }}>
                    {unitIds.map((id) => <MenuItem key={id} value={id}>{unitName(id)}</MenuItem>)}
                  </TextField>
                )}
                <TextField select size="small" label="Tipul documentului" value={l.documentType} disabled={!isDraft} onChange={(e) => setExpense(i, { documentType: e.target.value as DocumentType })} sx={{ width: 190 }}>
                  {Object.entries(DOCUMENT_TYPES).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>)}
                </TextField>
                <TextField size="small" label="Nr. document" value={l.documentNumber} disabled={!isDraft} error={!!err('documentNumber')} helperText={err('documentNumber')} onChange={(e) => setExpense(i, { documentNumber: e.target.value })} sx={{ width: 130 }} />
                <TextField size="small" label="Data documentului" placeholder="zz.ll.aaaa" value={l.documentDate} disabled={!isDraft} error={!!err('documentDate')} helperText={err('documentDate')} onChange={(e) => setExpense(i, { documentDate: e.target.value })} sx={{ width: 150 }} />
                <TextField size="small" label="Furnizor" value={l.supplier} disabled={!isDraft} error={!!err('supplier')} helperText={err('supplier')} onChange={(e) => setExpense(i, { supplier: e.target.value })} sx={{ width: 200 }} />
                <TextField size="small" label="Suma (lei)" value={l.amount} disabled={!isDraft} error={!!err('amount')} helperText={err('amount')} onChange={(e) => setExpense(i, { amount: e.target.value })} sx={{ width: 130 }} />
                <TextField select size="small" label="Categoria" value={l.category} disabled={!isDraft} onChange={(e) => setExpense(i, { category: e.target.value })} sx={{ width: 220 }}>
                  {[...new Set([...categoriesOf(l.unitId), OTHER_CATEGORY, l.category])].map((c) => <MenuItem key={c} value={c}>{categoryLabel(c)}</MenuItem>)}
                </TextField>
                <TextField select size="small" label="Dovada plății" value={l.proofKind} disabled={!isDraft} onChange={(e) => setExpense(i, { proofKind: e.target.value as ProofKind | '' })} sx={{ width: 200 }}>
                  <MenuItem value="">(lipsește)</MenuItem>
                  {Object.entries(PROOF_KINDS).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>)}
                </TextField>
                {l.proofKind && <TextField size="small" label="Nr. dovadă" value={l.proofNumber} disabled={!isDraft} error={!!err('proofNumber')} helperText={err('proofNumber')} onChange={(e) => setExpense(i, { proofNumber: e.target.value })} sx={{ width: 120 }} />}
                {l.proofKind && <TextField size="small" label="Data plății" placeholder="zz.ll.aaaa" value={l.proofDate} disabled={!isDraft} error={!!err('proofDate')} helperText={err('proofDate')} onChange={(e) => setExpense(i, { proofDate: e.target.value })} sx={{ width: 140 }} />}
                {l.proofKind === 'dispozitie_plata' && <TextField size="small" label="Registrul de casă (poziția)" value={l.cashRegisterEntry} disabled={!isDraft} onChange={(e) => setExpense(i, { cashRegisterEntry: e.target.value })} sx={{ width: 200 }} />}
                {isDraft && <IconButton aria-label={`Șterge cheltuiala ${i + 1}`} onClick={() => setForm((f) => ({ ...f, expenses: f.expenses.filter((_, j) => j !== i) }))}><DeleteIcon /></IconButton>}
              </Stack>
              {verdict?.reason && <Alert severity="error" sx={{ mt: 1, py: 0 }}>Refuzat {formatLei(verdict.refused)}: {verdict.reason}</Alert>}
            </Paper>
          );
        })}

        <Stack direction="row" sx={{ alignItems: 'center', mt: 2 }}>
          <Typography variant="h6" sx={{ flexGrow: 1 }}>Alte finanțări pentru aceleași costuri</Typography>
          <Button startIcon={<AddIcon />} disabled={!isDraft} onClick={() => setForm((f) => ({ ...f, otherFunding: [...f.otherFunding, { unitId: unitIds[0]!, source: '', amount: '' }] }))}>Adaugă finanțare</Button>
        </Stack>
        {form.otherFunding.map((f, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ mt: 1 }}>
            {unitIds.length > 1 && (
              <TextField select size="small" label="Unitatea" value={f.unitId} disabled={!isDraft} onChange={(e) => setForm((x) => ({ ...x, otherFunding: x.otherFunding.map((o, j) => (j === i ? { ...o, unitId: e.target.value } : o)) }))} sx={{ width: 200 }}>
                {unitIds.map((id) => <MenuItem key={id} value={id}>{unitName(id)}</MenuItem>)}
              </TextField>
            )}
            <TextField size="small" label="Sursa" value={f.source} disabled={!isDraft} error={!!errors[`otherFunding.${i}`]} helperText={errors[`otherFunding.${i}`]} onChange={(e) => setForm((x) => ({ ...x, otherFunding: x.otherFunding.map((o, j) => (j === i ? { ...o, source: e.target.value } : o)) }))} />
            <TextField size="small" label="Suma (lei)" value={f.amount} disabled={!isDraft} onChange={(e) => setForm((x) => ({ ...x, otherFunding: x.otherFunding.map((o, j) => (j === i ? { ...o, amount: e.target.value } : o)) }))} />
            {isDraft && <IconButton aria-label={`Șterge finanțarea ${i + 1}`} onClick={() => setForm((x) => ({ ...x, otherFunding: x.otherFunding.filter((_, j) => j !== i) }))}><DeleteIcon /></IconButton>}
          </Stack>
        ))}
        {current.adjustments.length > 0 && (
          <>
            <Typography variant="h6" sx={{ mt: 2 }}>Regularizări ale lunilor anterioare</Typography>
            {current.adjustments.map((a, i) => <Typography key={i}>{MONTH_NAMES[a.month - 1]}: {formatLei(a.amount)} — {a.reason} ({a.by}, {formatRoDateTime(a.at)})</Typography>)}
          </>
        )}

        <Divider sx={{ my: 2 }} />
        <DueSection settlement={current} view={view} unitName={unitName} />

        {current.history.length > 0 && (
          <>
            <Typography variant="h6" sx={{ mt: 2 }}>Istoricul stărilor</Typography>
            {current.history.map((h, i) => <Typography key={i} variant="body2">{formatRoDateTime(h.at)} — {SETTLEMENT_STATES[h.to]} ({h.by}){h.note ? `: ${h.note}` : ''}</Typography>)}
            {current.approval && <Typography variant="body2">Ordonanțarea de plată nr. {current.approval.ordonantareNumber} din {formatRoDate(current.approval.ordonantareDate)}</Typography>}
            {current.payment && <Typography variant="body2">Ordinul de plată nr. {current.payment.paymentOrderNumber} din {formatRoDate(current.payment.date)}</Typography>}
          </>
        )}
        <SettlementDocuments convention={convention} settlement={current} />
        <Box sx={{ mt: 2 }}><AuditHistory entity="settlements" entityId={current.id} /></Box>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {actionButton('edit', () => void saveThen())}
        {actionButton('submit', () => setStep({ kind: 'submit' }))}
        {actionButton('verify', () => void run(() => store.settlements.verifySettlement(current.id, current.version), 'Decontul a fost verificat („bun de plată”); suma admisă este înghețată.'), 'contained')}
        {actionButton('approve', () => setStep({ kind: 'approve' }))}
        {actionButton('pay', () => setStep({ kind: 'pay' }))}
        {actionButton('reject', () => setStep({ kind: 'reject' }))}
        {actionButton('rework', () => void run(() => store.settlements.reworkRejected(current.id, current.version), 'Decontul a fost redeschis ca ciornă.'))}
        {actionButton('adjust', () => setStep({ kind: 'adjust' }))}
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={onClose}>Închide</Button>
      </DialogActions>
      {step?.kind === 'reject' && (
        <ReasonDialog title="Respingerea decontului" text="Motivul respingerii se comunică ONG-ului, care poate reface decontul." confirmLabel="Respinge"
          onCancel={() => setStep(null)} onConfirm={(reason) => void run(() => store.settlements.rejectSettlement(current.id, { reason }, current.version), 'Decontul a fost respins.')} />
      )}
      {step && step.kind !== 'reject' && (
        <StepDialog kind={step.kind} lockedMonths={view?.lockedEarlierMonths ?? []} onCancel={() => setStep(null)}
          onConfirm={(input) => {
            if (step.kind === 'submit') return void saveThen((saved) => store.settlements.submitSettlement(saved.id, { on: input.date }, saved.version));
            if (step.kind === 'approve') return void run(() => store.settlements.approveSettlement(current.id, { ordonantareNumber: input.number, ordonantareDate: input.date }, current.version), 'Decontul a fost aprobat la plată (ordonanțat).');
            if (step.kind === 'pay') return void run(() => store.settlements.paySettlement(current.id, { paymentOrderNumber: input.number, date: input.date }, current.version), 'Plata a fost înregistrată.');
            return void saveThen((saved) => store.settlements.recordAdjustment(saved.id, { correctedMonth: input.month!, amount: input.amount!, reason: input.reason }, saved.version));
          }} />
      )}
    </Dialog>
  );
}

function DueSection({ settlement, view, unitName }: { settlement: MonthlySettlement; view: Awaited<ReturnType<typeof settlementView>> | undefined; unitName(id: string): string }) {
  if (settlement.verification) {
    const v = settlement.verification;
    return (
      <Box aria-label="Suma cuvenită">
        <Typography variant="h6">Verificarea (înghețată la {formatRoDateTime(v.at)}, {v.by})</Typography>
        <Typography>Solicitat: <b>{formatLei(v.claimed)}</b> · Admis: <b data-testid="due-amount">{formatLei(v.admitted)}</b> · Refuzat: <b>{formatLei(v.refused)}</b></Typography>
        <Box component="ol" sx={{ mt: 1, pl: 3 }}>{v.explanation.map((line, i) => <li key={i}><Typography variant="body2">{line}</Typography></li>)}</Box>
      </Box>
    );
  }
  if (!view) return <Typography color="text.secondary">Se calculează…</Typography>;
  if (view.dueError) return <Alert severity="error">Suma cuvenită nu poate fi calculată: {view.dueError}</Alert>;
  const due = view.due!;
  const rows = [...due.units.flatMap((u) => u.steps.map((s) => ({ ...s, unit: unitName(u.unitId) }))), ...due.steps.map((s) => ({ ...s, unit: 'Luna' }))];
  return (
    <Box aria-label="Suma cuvenită">
      <Typography variant="h6">Suma cuvenită pentru {MONTH_NAMES[due.month - 1]} {due.year}: <span data-testid="due-amount">{formatLei(due.amount)}</span></Typography>
      <Typography variant="body2" color="text.secondary">Solicitat {formatLei(due.claimed)}, refuzat {formatLei(due.refused)}. Calculul se îngheață la verificare.</Typography>
      <Table size="small" aria-label="Pașii calculului">
        <TableHead><TableRow><TableCell>Unitatea</TableCell><TableCell>Pasul</TableCell><TableCell>Detalii</TableCell><TableCell>Temeiul</TableCell><TableCell align="right">Rezultat</TableCell></TableRow></TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}><TableCell>{r.unit}</TableCell><TableCell>{r.label}</TableCell><TableCell>{r.detail}</TableCell><TableCell>{r.source}</TableCell><TableCell align="right">{formatLei(r.result)}</TableCell></TableRow>
          ))}
        </TableBody>
      </Table>
      {due.lines.filter((l) => l.reason).map((l) => <Alert key={l.lineId} severity="error" sx={{ mt: 1, py: 0 }}>Refuzat {formatLei(l.refused)}: {l.reason}</Alert>)}
    </Box>
  );
}

interface StepInput { number: string; date: string; month?: Month; amount?: ReturnType<typeof parseLei>; reason: string }

const STEP_TITLES = { submit: 'Depunerea decontului', approve: 'Aprobarea la plată (ordonanțare)', pay: 'Plata (ordin de plată)', adjust: 'Regularizarea unei luni anterioare' } as const;

/** The few fields an action needs: the submission date, the ordonanțare or payment order, or a correction. */
function StepDialog({ kind, lockedMonths, onCancel, onConfirm }: { kind: keyof typeof STEP_TITLES; lockedMonths: readonly Month[]; onCancel(): void; onConfirm(input: StepInput & { date: string }): void }) {
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(formatRoDate(todayIso()));
  const [month, setMonth] = useState<Month | ''>(lockedMonths.at(-1) ?? '');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const confirm = () => {
    if (kind === 'adjust') {
      const value = parseLei(amount);
      if (!month) return setError('Alegeți luna corectată.');
      if (value === undefined || value === 0) return setError('Suma regularizării (negativă pentru o reținere) lipsește.');
      return onConfirm({ number: '', date: '', month, amount: value, reason });
    }
    const parsed = parseDate(date, 'Data');
    if (!parsed.ok) return setError(parsed.message);
    if (kind !== 'submit' && !number.trim()) return setError('Numărul lipsește.');
    onConfirm({ number, date: parsed.value, reason });
  };
  return (
    <Dialog open onClose={onCancel} maxWidth="xs" fullWidth aria-labelledby="step-title">
      <DialogTitle id="step-title">{STEP_TITLES[kind]}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {kind === 'adjust' ? (
            <>
              <TextField select label="Luna corectată" value={month} onChange={(e) => setMonth(Number(e.target.value) as Month)}>
                {lockedMonths.map((m) => <MenuItem key={m} value={m}>{MONTH_NAMES[m - 1]}</MenuItem>)}
              </TextField>
              <TextField label="Suma (lei; negativă pentru o reținere)" value={amount} onChange={(e) => setAmount(e.target.value)} />
              <TextField label="Motivul" value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} />
            </>
          ) : (
            <>
              {kind !== 'submit' && <TextField label={kind === 'approve' ? 'Nr. ordonanțării de plată' : 'Nr. ordinului de plată'} value={number} onChange={(e) => setNumber(e.target.value)} autoFocus />}
              <TextField label={kind === 'submit' ? 'Data depunerii' : kind === 'approve' ? 'Data ordonanțării' : 'Data plății'} placeholder="zz.ll.aaaa" value={date} onChange={(e) => setDate(e.target.value)} />
            </>
          )}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Anulează</Button>
        <Button variant="contained" onClick={confirm}>Confirmă</Button>
      </DialogActions>
    </Dialog>
  );
}

/** The nominal list of a unit: name, CNP (checked, then only its mask kept) and days present. */
function NominalList({ entries, disabled, onChange }: { entries: MonthlySettlement['beneficiaries'][number]['nominalList'] & object; disabled: boolean; onChange(list: NonNullable<MonthlySettlement['beneficiaries'][number]['nominalList']>): void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [cnp, setCnp] = useState('');
  const [days, setDays] = useState('');
  const [error, setError] = useState('');
  const add = () => {
    const entry = nominalEntry({ name, cnp, daysPresent: Number(days) });
    if (!entry.ok) return setError(entry.message);
    onChange([...entries, entry.value]);
    setName('');
    setCnp('');
    setDays('');
    setError('');
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>{entries.length > 0 ? countOf(entries.length, 'persoană', 'persoane') : 'Adaugă'}</Button>
      {open && (
        <Dialog open onClose={() => setOpen(false)} maxWidth="sm" fullWidth aria-labelledby="nominal-title">
          <DialogTitle id="nominal-title">Lista nominală a beneficiarilor</DialogTitle>
          <DialogContent>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>CNP-ul se verifică și se păstrează doar mascat (ultimele patru cifre).</Typography>
            <Table size="small">
              <TableHead><TableRow><TableCell>Nume</TableCell><TableCell>CNP</TableCell><TableCell>Zile prezent</TableCell><TableCell /></TableRow></TableHead>
              <TableBody>
                {entries.map((e, i) => (
                  <TableRow key={i}><TableCell>{e.name}</TableCell><TableCell>{e.maskedCnp}</TableCell><TableCell>{e.daysPresent}</TableCell>
                    <TableCell>{!disabled && <IconButton size="small" aria-label={`Șterge ${e.name}`} onClick={() => onChange(entries.filter((_, j) => j !== i))}><DeleteIcon /></IconButton>}</TableCell></TableRow>
                ))}
              </TableBody>
            </Table>
            {!disabled && (
              <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
                <TextField size="small" label="Nume" value={name} onChange={(e) => setName(e.target.value)} />
                <TextField size="small" label="CNP" value={cnp} onChange={(e) => setCnp(e.target.value)} />
                <TextField size="small" label="Zile" value={days} onChange={(e) => setDays(e.target.value)} sx={{ width: 80 }} />
                <Button onClick={add}>Adaugă</Button>
              </Stack>
            )}
            {error && <Alert severity="error" sx={{ mt: 1 }}>{error}</Alert>}
          </DialogContent>
          <DialogActions><Button onClick={() => setOpen(false)}>Închide</Button></DialogActions>
        </Dialog>
      )}
    </>
  );
}
