import { Alert, Autocomplete, Box, Button, Chip, Dialog, DialogContent, DialogTitle, Grid, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { findNomenclatureEntry, SERVICE_FORM_LABELS, type NomenclatureEntry } from '../../../src/register/nomenclature';
import {
  CAPACITY_UNITS, emptyUnit, LICENCE_TYPES, licenceState, UNIT_FIELD_LABELS as L, UNIT_STATUSES, validateUnit, type UnitDraft,
} from '../../../src/register/unit';
import { formatRoDate, parseDate, todayIso } from '../../../src/validation/dates';
import { AuditHistory } from '../../components/audit-history';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ReasonDialog } from '../../components/reason-dialog';
import { FormDate, FormSelect, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { submitForm, useForm } from '../../components/use-form';
import type { StoredUnit } from '../../db/database';
import type { OrganizationLabel } from '../../db/repositories/organizations';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { useStore } from '../../store-context';
import { LicenceChip } from './licence-chip';
import { sortByText } from '../../../src/tabular/search';

type UnitForm = Omit<UnitDraft, 'capacity'> & { capacity: string };

/** The form's values: exactly the draft's fields (grid rows carry extra columns that must not be saved). */
function toFormValues(unit?: StoredUnit, organizationId = ''): UnitForm {
  const empty = emptyUnit(organizationId);
  const source = unit ?? empty;
  const draft = Object.fromEntries(Object.keys(empty).map((key) => [key, source[key as keyof UnitDraft] ?? empty[key as keyof UnitDraft]])) as UnitDraft;
  return {
    ...draft,
    capacity: unit ? String(unit.capacity) : '',
    licenceIssueDate: formatRoDate(draft.licenceIssueDate),
    licenceExpiryDate: formatRoDate(draft.licenceExpiryDate),
  };
}

const toDraft = (values: UnitForm): UnitDraft => ({ ...values, capacity: values.capacity.trim() === '' ? NaN : Number(values.capacity.replace(',', '.')) });

export function UnitDialog({ unit, organizations, onClose }: { unit?: StoredUnit; organizations: readonly OrganizationLabel[]; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const loaded = useLiveQuery(() => store.nomenclature.list(), [store]);
  const nomenclature = useMemo(() => loaded ?? [], [loaded]);
  const validate = useCallback((values: UnitForm) => validateUnit(toDraft(values), { nomenclature: loaded }).errors, [loaded]);
  const form = useForm(toFormValues(unit), validate);
  const [current, setCurrent] = useState(unit);
  const [tab, setTab] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [isArchiving, setArchiving] = useState(false);
  useUnsavedChanges('unit-form', form.isDirty);

  const sortedOrgs = useMemo(() => sortByText(organizations, (o) => o.name), [organizations]);
  const owner = sortedOrgs.find((o) => o.id === form.values.organizationId) ?? null;
  const service = findNomenclatureEntry(form.values.serviceCode, nomenclature) ?? null;
  const issue = parseDate(form.values.licenceIssueDate);
  const expiry = parseDate(form.values.licenceExpiryDate);
  const state = issue.ok && expiry.ok ? licenceState({ licenceNumber: form.values.licenceNumber || '-', licenceIssueDate: issue.value, licenceExpiryDate: expiry.value }, todayIso()) : null;

  const save = () =>
    submitForm(
      form,
      () => (current ? store.units.update(current.id, toDraft(form.values), current.version) : store.units.create(toDraft(form.values))),
      (saved) => {
        setCurrent(saved);
        form.reset(toFormValues(saved));
        notify(current ? `Modificările pentru „${saved.name}” au fost salvate.` : `Unitatea „${saved.name}” a fost adăugată în registru.`);
      },
      fail,
    );

  const archive = async (reason: string) => {
    setArchiving(false);
    if (!current) return;
    try {
      const saved = await store.units.archive(current.id, reason, current.version);
      setCurrent(saved);
      form.reset(toFormValues(saved));
      notify(`Unitatea „${saved.name}” a fost arhivată (Închisă); datele și istoricul ei se păstrează.`);
    } catch (error) {
      fail(error);
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    if (!current) return;
    try {
      await store.units.remove(current.id);
      notify(`Unitatea „${current.name}” a fost ștearsă din registru.`);
      form.reset(form.values);
      onClose();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="lg" fullWidth aria-labelledby="unit-dialog-title">
      <DialogTitle id="unit-dialog-title">
        {current ? current.name : 'Unitate nouă'}
        {form.isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
      </DialogTitle>
      <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} sx={{ px: 3, borderBottom: 1, borderColor: 'divider' }}>
        <Tab label="Date unitate și licență" />
        <Tab label="Istoric modificări" disabled={!current} />
      </Tabs>
      <DialogContent sx={{ minHeight: 420 }}>
        {tab === 0 && (
          <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ pt: 1 }}>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 12, md: 6 }}>
                <Autocomplete
                  options={sortedOrgs}
                  value={owner}
                  getOptionLabel={(o) => `${o.name} (CUI ${o.cui})`}
                  isOptionEqualToValue={(a, b) => a.id === b.id}
                  onChange={(_e, o) => form.setField('organizationId', o?.id ?? '')}
                  renderInput={(params) => (
                    <TextField {...params} id="field-organizationId" label={L.organizationId} required error={!!form.visibleError('organizationId')} helperText={form.visibleError('organizationId')} />
                  )}
                />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}><FormText form={form} field="name" label={L.name} required /></Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <Autocomplete
                  options={nomenclature}
                  value={service}
                  getOptionLabel={(o: NomenclatureEntry) => `${o.code} — ${o.name}`}
                  isOptionEqualToValue={(a, b) => a.code === b.code}
                  onChange={(_e, o) => form.setField('serviceCode', o?.code ?? '')}
                  groupBy={(o) => SERVICE_FORM_LABELS[o.form]}
                  renderOption={(props, o) => {
                    const { key, ...rest } = props as typeof props & { key: string };
                    return (
                      <li key={key} {...rest}>
                        <Box sx={{ flexGrow: 1 }}>{o.code} — {o.name}</Box>
                        {!o.verified && <Chip size="small" label="neverificat" variant="outlined" color="warning" sx={{ ml: 1 }} />}
                      </li>
                    );
                  }}
                  renderInput={(params) => (
                    <TextField {...params} id="field-serviceCode" label={L.serviceCode} required error={!!form.visibleError('serviceCode')} helperText={form.visibleError('serviceCode') ?? (service && !service.verified ? 'Cod neverificat în actul normativ: confirmați-l înainte de a-l folosi în documente oficiale.' : service?.source)} />
                  )}
                />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}><FormText form={form} field="targetGroup" label={L.targetGroup} helperText="implicit, grupul țintă din nomenclator" /></Grid>
              <Grid size={{ xs: 12, md: 6 }}><FormText form={form} field="street" label={L.street} /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormText form={form} field="locality" label={L.locality} required /></Grid>
              <Grid size={{ xs: 3, md: 2 }}><FormText form={form} field="county" label={L.county} /></Grid>
              <Grid size={{ xs: 3, md: 2 }}><FormText form={form} field="postalCode" label={L.postalCode} /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormText form={form} field="capacity" label={L.capacity} required slotProps={{ htmlInput: { inputMode: 'numeric' } }} /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormSelect form={form} field="capacityUnit" label="U.M." options={CAPACITY_UNITS} /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormSelect form={form} field="status" label={L.status} options={UNIT_STATUSES} /></Grid>
            </Grid>
            <Typography variant="subtitle2" color="primary" sx={{ mt: 2, mb: 1 }}>
              Licența de funcționare (Legea 197/2012) {state && <LicenceChip state={state} />}
            </Typography>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 6, md: 3 }}><FormSelect form={form} field="licenceType" label={L.licenceType} options={LICENCE_TYPES} /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="licenceNumber" label={L.licenceNumber} /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormDate form={form} field="licenceIssueDate" label={L.licenceIssueDate} /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormDate form={form} field="licenceExpiryDate" label={L.licenceExpiryDate} /></Grid>
              <Grid size={12}><FormText form={form} field="licensingAuthority" label={L.licensingAuthority} helperText="Autoritatea competentă pentru grupul de beneficiari (HG 924/2024): MMSS, ANPDCA, ANPDPD, ANES sau ANPIS." /></Grid>
              <Grid size={12}><FormText form={form} field="notes" label={L.notes} multiline minRows={2} /></Grid>
            </Grid>
            {state === 'expirata' && <Alert severity="error" sx={{ mt: 2 }}>Licența a expirat: unitatea nu poate funcționa legal și nu poate primi subvenție.</Alert>}
            {state === 'expira_curand' && <Alert severity="warning" sx={{ mt: 2 }}>Licența expiră în mai puțin de 60 de zile; reînnoirea se cere cu 60 de zile înainte de expirare.</Alert>}
            <button type="submit" hidden />
          </Box>
        )}
        {tab === 1 && current && <AuditHistory entity="units" entityId={current.id} labels={L} />}
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} isSaveDisabled={!form.isDirty && !!current}>
        {current && <Button color="error" onClick={() => setConfirmDelete(true)}>Șterge unitatea</Button>}
        {current && current.status !== 'inchisa' && <Button onClick={() => setArchiving(true)} disabled={form.isDirty}>Arhivează (Închisă)</Button>}
        <Box sx={{ flexGrow: 1 }} />
      </SaveCloseActions>
      <ConfirmDialog
        open={confirmDelete}
        title="Ștergere unitate"
        text={`Ștergeți unitatea „${current?.name ?? ''}” din registru? Valorile ei rămân în jurnalul de modificări.`}
        confirmLabel="Șterge"
        destructive
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => void remove()}
      />
      {isArchiving && current && (
        <ReasonDialog
          title="Arhivare unitate"
          text={`Unitatea „${current.name}” devine „Închisă”, cu data de azi și motivul de mai jos. Datele, cererile în care apare și istoricul ei se păstrează.`}
          confirmLabel="Arhivează"
          onCancel={() => setArchiving(false)}
          onConfirm={(reason) => void archive(reason)}
        />
      )}
    </Dialog>
  );
}
