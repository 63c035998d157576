import { isFormDirty } from '../../components/form-state';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
  Alert, Autocomplete, Box, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Grid, List, ListItem, ListItemIcon, ListItemText,
  MenuItem, Paper, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, TextField, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { ValidationError } from '../../../src/errors';
import { formatLei, parseLei, type Bani } from '../../../src/money';
import { DOSSIER_ITEMS, markAllReceived as markAllDossierItems, type DossierEntry } from '../../../src/requests/dossier';
import { ELIGIBLE_EXPENSES_KEY, serviceCategories } from '../../../src/requests/parameter-rules';
import { formatRegistrationNumber } from '../../../src/requests/registration-number';
import { MONTH_NAMES, PREMISES_TENURES, type Month, type PremisesTenure, type RequestUnitLine, type SubsidyRequest } from '../../../src/requests/subsidy-request';
import { isFiledLate, type FundingRound } from '../../../src/rounds/funding-round';
import { formatRoDate, parseOptionalDate, todayIso } from '../../../src/validation/dates';
import { AuditHistory } from '../../components/audit-history';
import { ExportMenu } from '../../components/export-menu';
import { errorMessage, useNotifier } from '../../components/notifier';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { exportRequestSummaryDocx, missingDocumentsNoticeDocument, registrationReceiptDocument } from '../../services/exports';
import { issueDocument, type DocumentToIssue } from '../../services/issued-documents';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { assessRoundRequests } from '../../services/round-evaluation';
import { useStore } from '../../store-context';

const ALL_MONTHS: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

interface LineForm {
  isIncluded: boolean;
  serviceCategory: string;
  beneficiaries: string;
  months: Month[];
  budget: Record<string, string>;
  ownContribution: string;
  otherFunding: string;
  sheet: SheetForm;
}
/** The technical sheet as typed. */
interface SheetForm {
  premises: string;
  tenure: PremisesTenure;
  staff: string;
  volunteers: string;
  capacity: string;
  services: string;
}
const EMPTY_SHEET: SheetForm = { premises: '', tenure: '', staff: '', volunteers: '', capacity: '', services: '' };
const countText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const count = (text: string) => (text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);
interface DossierForm {
  isReceived: boolean;
  receivedOn: string;
  validUntil: string;
}
interface RequestForm {
  organizationId: string;
  registeredOn: string;
  notes: string;
  lines: Record<string, LineForm>;
  dossier: Record<string, DossierForm>;
}

const dossierKey = (code: string, unitId?: string) => `${code}|${unitId ?? ''}`;
const leiText = (amount: number) => formatLei(amount).replace(' lei', '');

function toForm(request: SubsidyRequest | undefined): RequestForm {
  if (!request) return { organizationId: '', registeredOn: formatRoDate(todayIso()), notes: '', lines: {}, dossier: {} };
  return {
    organizationId: request.organizationId,
    registeredOn: formatRoDate(request.registeredOn),
    notes: request.notes,
    lines: Object.fromEntries(
      request.units.map((l) => [
        l.unitId,
        {
          isIncluded: true,
          serviceCategory: l.serviceCategory,
          beneficiaries: String(l.beneficiariesPerMonth),
          months: l.months,
          budget: Object.fromEntries(Object.entries(l.budgetByCategory).map(([code, amount]) => [code, leiText(amount)])),
          ownContribution: leiText(l.ownContribution),
          otherFunding: leiText(l.otherFunding),
          sheet: l.technicalSheet
            ? { premises: l.technicalSheet.premises, tenure: l.technicalSheet.tenure, staff: countText(l.technicalSheet.staffCount), volunteers: countText(l.technicalSheet.volunteerCount), capacity: countText(l.technicalSheet.capacity), services: l.technicalSheet.servicesProvided }
            : EMPTY_SHEET,
        },
      ]),
    ),
    dossier: Object.fromEntries(
      request.dossier.map((e) => [dossierKey(e.code, e.unitId), { isReceived: e.status === 'primit', receivedOn: formatRoDate(e.receivedOn), validUntil: formatRoDate(e.validUntil) }]),
    ),
  };
}

const amount = (text: string): Bani => (text.trim() === '' ? (0 as Bani) : (parseLei(text) ?? (NaN as Bani)));
const optionalDate = (text: string) => {
  const parsed = parseOptionalDate(text);
  return parsed.ok ? parsed.value : undefined;
};

function toLines(form: RequestForm): RequestUnitLine[] {
  return Object.entries(form.lines)
    .filter(([, l]) => l.isIncluded)
    .map(([unitId, l]) => ({
      unitId,
      serviceCategory: l.serviceCategory,
      beneficiariesPerMonth: Number(l.beneficiaries),
      months: l.months,
      budgetByCategory: Object.fromEntries(Object.entries(l.budget).filter(([, v]) => v.trim() !== '').map(([code, v]) => [code, amount(v)])),
      ownContribution: amount(l.ownContribution),
      otherFunding: amount(l.otherFunding),
      technicalSheet: { premises: l.sheet.premises, tenure: l.sheet.tenure, staffCount: count(l.sheet.staff), volunteerCount: count(l.sheet.volunteers), capacity: count(l.sheet.capacity), servicesProvided: l.sheet.services },
    }));
}

function toDossier(form: RequestForm, unitIds: string[]): DossierEntry[] {
  return DOSSIER_ITEMS.flatMap((item) =>
    (item.isPerUnit ? unitIds : [undefined]).map((unitId) => {
      const d = form.dossier[dossierKey(item.code, unitId)];
      return { code: item.code, unitId, status: d?.isReceived ? ('primit' as const) : ('lipsa' as const), receivedOn: optionalDate(d?.receivedOn ?? ''), validUntil: optionalDate(d?.validUntil ?? '') };
    }),
  );
}

/** Registering and completing a subsidy request: NGO and units, dossier, then the verdict and the computed subsidy. */
export function RequestDialog({ round, request, onClose }: { round: FundingRound; request?: SubsidyRequest; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const [current, setCurrent] = useState(request);
  const [form, setForm] = useState<RequestForm>(() => toForm(request));
  const [baseline, setBaseline] = useState(() => toForm(request));
  const [tab, setTab] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const [issuing, setIssuing] = useState<DocumentToIssue | null>(null);
  const isDirty = isFormDirty(baseline, form);
  useUnsavedChanges('request-form', isDirty);

  const organizations = useLiveQuery(() => store.organizations.list(), [store]) ?? [];
  const units = useLiveQuery(() => (form.organizationId ? store.units.listByOrganization(form.organizationId) : Promise.resolve([])), [store, form.organizationId]) ?? [];
  const params = useLiveQuery(() => store.parameters.store(), [store]);
  // A request of a round with final results shows the verdict and computation frozen then.
  const assessment = useLiveQuery(() => (current ? assessRoundRequests(store, current.roundId, [current]).then((a) => a[0]) : Promise.resolve(undefined)), [store, current]);
  const categories = useMemo(() => (params ? serviceCategories(params) : []), [params]);
  const expenseItems = useMemo(() => {
    const items = params?.listItemsAt(ELIGIBLE_EXPENSES_KEY, `${round.year}-01-01`);
    return items?.ok ? items.value : [];
  }, [params, round.year]);
  const org = organizations.find((o) => o.id === form.organizationId) ?? null;
  const includedUnits = units.filter((u) => form.lines[u.id]?.isIncluded);

  const setLine = (unitId: string, patch: Partial<LineForm>) =>
    setForm((f) => {
      const previous = f.lines[unitId] ?? { isIncluded: false, serviceCategory: '', beneficiaries: '', months: ALL_MONTHS, budget: {}, ownContribution: '', otherFunding: '', sheet: EMPTY_SHEET };
      return { ...f, lines: { ...f.lines, [unitId]: { ...previous, ...patch } } };
    });
  const setDossier = (key: string, patch: Partial<DossierForm>) =>
    setForm((f) => ({ ...f, dossier: { ...f.dossier, [key]: { ...(f.dossier[key] ?? { isReceived: false, receivedOn: '', validUntil: '' }), ...patch } } }));

  /**
   * "Marchează toate primite": on a saved request with nothing else pending, one change through the
   * repository (audited like a single checkbox); otherwise in the form, stored with the next save.
   */
  const markAllReceived = async () => {
    const today = todayIso();
    if (current && !isDirty) {
      try {
        const saved = await store.requests.markAllDossierReceived(current.id, today, current.version);
        setCurrent(saved);
        const next = toForm(saved);
        setForm(next);
        setBaseline(next);
        notify('Toate documentele dosarului au fost marcate primite.');
      } catch (error) {
        fail(error);
      }
      return;
    }
    const unitIds = Object.entries(form.lines).filter(([, l]) => l.isIncluded).map(([id]) => id);
    setForm((f) => ({
      ...f,
      dossier: Object.fromEntries(
        markAllDossierItems(toDossier(f, unitIds), unitIds, today).map((e) => [dossierKey(e.code, e.unitId), { isReceived: true, receivedOn: formatRoDate(e.receivedOn), validUntil: f.dossier[dossierKey(e.code, e.unitId)]?.validUntil ?? '' }]),
      ),
    }));
  };

  const save = async () => {
    setErrors([]);
    const lines = toLines(form);
    const draft = {
      roundId: round.id,
      organizationId: form.organizationId,
      registeredOn: form.registeredOn,
      year: round.year,
      status: current?.status ?? ('inregistrata' as const),
      notes: form.notes,
      units: lines,
      dossier: toDossier(form, lines.map((l) => l.unitId)),
    };
    try {
      const saved = current ? await store.requests.update(current.id, { ...draft, registration: current.registration }, current.version) : await store.requests.register(draft);
      setCurrent(saved);
      const next = toForm(saved);
      setForm(next);
      setBaseline(next);
      notify(current ? `Cererea nr. ${formatRegistrationNumber(saved.registration)} a fost actualizată.` : `Cererea a fost înregistrată cu nr. ${formatRegistrationNumber(saved.registration)}.`);
    } catch (error) {
      setErrors(error instanceof ValidationError ? Object.values(error.fields).filter((m): m is string => !!m) : [errorMessage(error)]);
    }
  };

  const failedDossier = assessment?.verdict.reasons.find((r) => r.code === 'dosar_complet' && !r.isMet);
  const organizationName = org?.name ?? '';
  const typedDate = parseOptionalDate(form.registeredOn, 'Data înregistrării');
  const isLate = typedDate.ok && !!typedDate.value && isFiledLate(round, typedDate.value);
  // Missing documents of either kind (refusal grounds or supporting items) are asked for by the notice.
  const hasMissingDocuments = !!assessment?.verdict.reasons.some((r) => (r.code === 'dosar_complet' || r.code === 'documente_suplimentare') && !r.isMet);

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="lg" fullWidth aria-labelledby="request-title">
      <DialogTitle id="request-title">
        {current ? `Cererea nr. ${formatRegistrationNumber(current.registration)} — ${org?.name ?? ''}` : 'Cerere de subvenționare nouă'}
        {isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
      </DialogTitle>
      <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} sx={{ px: 3, borderBottom: 1, borderColor: 'divider' }}>
        <Tab label="Cererea" />
        <Tab label="Dosarul" disabled={includedUnits.length === 0} />
        <Tab label="Eligibilitate și calcul" disabled={!current} />
        <Tab label="Istoric" disabled={!current} />
      </Tabs>
      <DialogContent sx={{ minHeight: 460 }}>
        {errors.length > 0 && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {errors.map((e) => <div key={e}>{e}</div>)}
          </Alert>
        )}
        {tab === 0 && (
          <Box sx={{ pt: 1 }}>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 12, md: 7 }}>
                <Autocomplete
                  options={[...organizations].sort((a, b) => a.name.localeCompare(b.name, 'ro'))}
                  value={org}
                  disabled={!!current}
                  getOptionLabel={(o) => `${o.name} (CUI ${o.cui})`}
                  isOptionEqualToValue={(a, b) => a.id === b.id}
                  onChange={(_e, o) => setForm((f) => ({ ...f, organizationId: o?.id ?? '', lines: {} }))}
                  renderInput={(p) => <TextField {...p} label="ONG" required />}
                />
              </Grid>
              <Grid size={{ xs: 6, md: 2 }}>
                <TextField
                  label="Data înregistrării"
                  value={form.registeredOn}
                  disabled={!!current}
                  onChange={(e) => setForm((f) => ({ ...f, registeredOn: e.target.value }))}
                  slotProps={{ formHelperText: { sx: { color: 'warning.dark' } } }}
                  helperText={isLate ? `După termenul de depunere al rundei (${formatRoDate(round.submissionEnd)}): cererea nu va fi eligibilă.` : undefined}
                />
              </Grid>
              <Grid size={{ xs: 6, md: 3 }}>
                <TextField label="Observații" value={form.notes} onChange={(e) => setForm((f) => ({ ...f, notes: e.target.value }))} />
              </Grid>
            </Grid>
            {org && units.length === 0 && <Alert severity="info" sx={{ mt: 2 }}>ONG-ul nu are unități în registru.</Alert>}
            {units.map((unit) => {
              const line = form.lines[unit.id];
              return (
                <Paper key={unit.id} variant="outlined" sx={{ p: 1.5, mt: 1.5 }}>
                  <FormControlLabel
                    control={<Checkbox checked={!!line?.isIncluded} onChange={(e) => setLine(unit.id, { isIncluded: e.target.checked })} />}
                    label={<Typography sx={{ fontWeight: 600 }}>{unit.name} ({unit.serviceCode})</Typography>}
                  />
                  {line?.isIncluded && (
                    <Grid container spacing={1.5} sx={{ mt: 0.5 }}>
                      <Grid size={{ xs: 12, md: 6 }}>
                        <TextField select label={`Categoria de serviciu — ${unit.name}`} value={line.serviceCategory} onChange={(e) => setLine(unit.id, { serviceCategory: e.target.value })}>
                          {categories.map((c) => <MenuItem key={c.category} value={c.category}>{c.label}</MenuItem>)}
                        </TextField>
                      </Grid>
                      <Grid size={{ xs: 6, md: 3 }}>
                        <TextField label={`Beneficiari pe lună — ${unit.name}`} value={line.beneficiaries} onChange={(e) => setLine(unit.id, { beneficiaries: e.target.value })} />
                      </Grid>
                      <Grid size={{ xs: 6, md: 3 }}>
                        <TextField select label={`Luni — ${unit.name}`} value={line.months} slotProps={{ select: { multiple: true, renderValue: (v) => (v as Month[]).length === 12 ? 'tot anul' : (v as Month[]).map((m) => MONTH_NAMES[m - 1]?.slice(0, 3)).join(', ') } }}
                          onChange={(e) => setLine(unit.id, { months: (e.target.value as unknown as Month[]).sort((a, b) => a - b) })}>
                          {ALL_MONTHS.map((m) => <MenuItem key={m} value={m}>{MONTH_NAMES[m - 1]}</MenuItem>)}
                        </TextField>
                      </Grid>
                      {expenseItems.map((item) => (
                        <Grid key={item.code} size={{ xs: 6, md: 3 }}>
                          <TextField label={`${item.label} (lei) — ${unit.name}`} value={line.budget[item.code] ?? ''} onChange={(e) => setLine(unit.id, { budget: { ...line.budget, [item.code]: e.target.value } })} />
                        </Grid>
                      ))}
                      <Grid size={{ xs: 6, md: 3 }}>
                        <TextField label={`Contribuție proprie (lei) — ${unit.name}`} value={line.ownContribution} onChange={(e) => setLine(unit.id, { ownContribution: e.target.value })} />
                      </Grid>
                      <Grid size={{ xs: 6, md: 3 }}>
                        <TextField label={`Alte surse (lei) — ${unit.name}`} value={line.otherFunding} onChange={(e) => setLine(unit.id, { otherFunding: e.target.value })} />
                      </Grid>
                      <Grid size={12}><Typography variant="subtitle2" sx={{ mt: 1 }}>Fișa tehnică a unității (anexa A)</Typography></Grid>
                      <Grid size={{ xs: 12, md: 6 }}>
                        <TextField label={`Spațiul (adresă, încăperi, suprafață) — ${unit.name}`} value={line.sheet.premises} multiline minRows={1} onChange={(e) => setLine(unit.id, { sheet: { ...line.sheet, premises: e.target.value } })} />
                      </Grid>
                      <Grid size={{ xs: 12, md: 6 }}>
                        <TextField select label={`Titlul de folosință a spațiului — ${unit.name}`} value={line.sheet.tenure} onChange={(e) => setLine(unit.id, { sheet: { ...line.sheet, tenure: e.target.value as PremisesTenure } })}>
                          <MenuItem value="">—</MenuItem>
                          {Object.entries(PREMISES_TENURES).map(([v, label]) => <MenuItem key={v} value={v}>{label}</MenuItem>)}
                        </TextField>
                      </Grid>
                      <Grid size={{ xs: 4, md: 2 }}>
                        <TextField label={`Personal (persoane) — ${unit.name}`} value={line.sheet.staff} onChange={(e) => setLine(unit.id, { sheet: { ...line.sheet, staff: e.target.value } })} />
                      </Grid>
                      <Grid size={{ xs: 4, md: 2 }}>
                        <TextField label={`Voluntari — ${unit.name}`} value={line.sheet.volunteers} onChange={(e) => setLine(unit.id, { sheet: { ...line.sheet, volunteers: e.target.value } })} />
                      </Grid>
                      <Grid size={{ xs: 4, md: 2 }}>
                        <TextField label={`Capacitate (locuri) — ${unit.name}`} value={line.sheet.capacity} onChange={(e) => setLine(unit.id, { sheet: { ...line.sheet, capacity: e.target.value } })} />
                      </Grid>
                      <Grid size={{ xs: 12, md: 6 }}>
                        <TextField label={`Servicii oferite — ${unit.name}`} value={line.sheet.services} multiline minRows={1} onChange={(e) => setLine(unit.id, { sheet: { ...line.sheet, services: e.target.value } })} />
                      </Grid>
                    </Grid>
                  )}
                </Paper>
              );
            })}
          </Box>
        )}
        {tab === 1 && (
          <>
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 1 }}>
            <Button size="small" variant="outlined" onClick={() => void markAllReceived()}>Marchează toate primite</Button>
          </Box>
          <Table size="small" aria-label="Documentele dosarului">
            <TableHead>
              <TableRow>
                <TableCell>Document</TableCell>
                <TableCell>Primit</TableCell>
                <TableCell>Data primirii</TableCell>
                <TableCell>Valabil până la</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {DOSSIER_ITEMS.flatMap((item) =>
                (item.isPerUnit ? includedUnits.map((u) => ({ unitId: u.id as string | undefined, suffix: ` — ${u.name}` })) : [{ unitId: undefined, suffix: '' }]).map(({ unitId, suffix }) => {
                  const key = dossierKey(item.code, unitId);
                  const d = form.dossier[key];
                  const label = `${item.label}${suffix}`;
                  return (
                    <TableRow key={key}>
                      <TableCell>
                        {label}
                        {(item.isRefusalGround || round.mandatoryDossierItems?.includes(item.code)) && <Chip size="small" variant="outlined" label="obligatoriu" sx={{ ml: 0.5 }} />}
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{item.source}</Typography>
                      </TableCell>
                      <TableCell><Checkbox checked={!!d?.isReceived} onChange={(e) => setDossier(key, { isReceived: e.target.checked, receivedOn: d?.receivedOn || formatRoDate(todayIso()) })} slotProps={{ input: { 'aria-label': `Primit: ${label}` } }} /></TableCell>
                      <TableCell><TextField value={d?.receivedOn ?? ''} onChange={(e) => setDossier(key, { receivedOn: e.target.value })} placeholder="zz.ll.aaaa" sx={{ width: 130 }} fullWidth={false} slotProps={{ htmlInput: { 'aria-label': `Data primirii: ${label}` } }} /></TableCell>
                      <TableCell>{item.hasValidity && <TextField value={d?.validUntil ?? ''} onChange={(e) => setDossier(key, { validUntil: e.target.value })} placeholder="zz.ll.aaaa" sx={{ width: 130 }} fullWidth={false} slotProps={{ htmlInput: { 'aria-label': `Valabil până la: ${label}` } }} />}</TableCell>
                    </TableRow>
                  );
                }),
              )}
            </TableBody>
          </Table>
          </>
        )}
        {tab === 2 && assessment && (
          <Box>
            {failedDossier && <Alert severity="warning" sx={{ mb: 2 }}>Cererea nu poate merge la comisie până la completarea dosarului.</Alert>}
            <Alert severity={assessment.verdict.isEligible ? 'success' : 'error'} sx={{ mb: 1 }}>
              {assessment.verdict.isEligible ? 'Cererea este eligibilă.' : 'Cererea nu este eligibilă.'}
            </Alert>
            <List dense aria-label="Condițiile de eligibilitate">
              {assessment.verdict.reasons.map((r, i) => (
                <ListItem key={i}>
                  <ListItemIcon sx={{ minWidth: 32 }}>
                    {r.isMet ? (
                      <CheckCircleIcon color="success" fontSize="small" />
                    ) : r.effect === 'reduce_luni' && (r.months?.length ?? 0) > 0 ? (
                      // These conditions only take months out of the subsidy.
                      <WarningAmberIcon color="warning" fontSize="small" titleAccess="reduce lunile subvenționate" />
                    ) : r.effect === 'notificare' ? (
                      // Supporting documents: asked for by the missing-documents notice, not a refusal ground.
                      <WarningAmberIcon color="warning" fontSize="small" titleAccess="se cer prin notificare" />
                    ) : (
                      <CancelIcon color="error" fontSize="small" />
                    )}
                  </ListItemIcon>
                  <ListItemText primary={r.text} secondary={r.source} />
                </ListItem>
              ))}
            </List>
            <Typography variant="h6" component="h3" sx={{ mt: 1 }}>Calculul subvenției</Typography>
            {!assessment.computation.ok && <Alert severity="warning" sx={{ mt: 1 }}>{assessment.computation.message}</Alert>}
            {assessment.computation.ok && (
              <>
                {assessment.computation.units.map((u) => (
                  <Table key={u.unitId} size="small" aria-label={`Calcul — ${units.find((x) => x.id === u.unitId)?.name ?? ''}`} sx={{ mt: 1 }}>
                    <TableHead>
                      <TableRow><TableCell colSpan={4}><strong>{units.find((x) => x.id === u.unitId)?.name}</strong></TableCell></TableRow>
                      <TableRow><TableCell>Pas</TableCell><TableCell>Detalii</TableCell><TableCell>Sursa</TableCell><TableCell align="right">Rezultat</TableCell></TableRow>
                    </TableHead>
                    <TableBody>
                      {u.steps.map((s) => (
                        <TableRow key={s.label}><TableCell>{s.label}</TableCell><TableCell>{s.detail}</TableCell><TableCell>{s.source}</TableCell><TableCell align="right">{formatLei(s.result)}</TableCell></TableRow>
                      ))}
                    </TableBody>
                  </Table>
                ))}
                <Typography sx={{ mt: 1, fontWeight: 600 }}>Subvenția calculată: {formatLei(assessment.computation.total)}</Typography>
              </>
            )}
          </Box>
        )}
        {tab === 3 && current && <AuditHistory entity="requests" entityId={current.id} labels={{}} />}
      </DialogContent>
      <DialogActions>
        {current && (
          <Box sx={{ mr: 'auto' }}>
            <ExportMenu
              icon={<FileDownloadIcon />}
              label="Documente"
              items={[
                { label: 'Fișa sintetică a cererii (DOCX)', onClick: () => exportRequestSummaryDocx(store, current).then((ok) => ok && notify('Fișa cererii a fost generată.')).catch(fail) },
                { label: 'Confirmare de înregistrare (DOCX)', onClick: () => setIssuing(registrationReceiptDocument(store, current, organizationName)) },
                ...(hasMissingDocuments
                  ? [{ label: 'Notificare privind documentele lipsă (DOCX)', onClick: () => setIssuing(missingDocumentsNoticeDocument(store, current, organizationName)) }]
                  : []),
              ]}
            />
          </Box>
        )}
        <Button onClick={() => guard(onClose)}>Închide</Button>
        <Button variant="contained" onClick={() => void save()} disabled={!isDirty}>{current ? 'Salvează' : 'Înregistrează cererea'}</Button>
      </DialogActions>
      {issuing && <IssueDocumentDialog doc={issuing} onIssue={async (request) => issueDocument(store, issuing, request, await store.issuedDocuments.inForce(issuing))} onClose={() => setIssuing(null)} />}
    </Dialog>
  );
}
