import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Grid, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import {
  emptyOrganization, LEGAL_FORMS, ORGANIZATION_FIELD_LABELS as L, ORGANIZATION_STATUSES, validateOrganization, type OrganizationDraft,
} from '../../../src/catalog/organization';
import { LICENCE_STATE_LABELS, licenceState } from '../../../src/register/unit';
import { formatRoDate, todayIso } from '../../../src/validation/dates';
import { AuditHistory } from '../../components/audit-history';
import { OrganizationDocuments } from '../documents/scoped-documents';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ReasonDialog } from '../../components/reason-dialog';
import { FormDate, FormSelect, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { submitForm, useForm } from '../../components/use-form';
import type { StoredOrganization } from '../../db/database';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { useWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';
import { LICENCE_STATE_COLORS } from '../register/licence-chip';

/** The form's values: exactly the draft's fields (grid rows carry extra columns that must not be saved). */
function toFormValues(org?: StoredOrganization): OrganizationDraft {
  const empty = emptyOrganization();
  if (!org) return empty;
  const draft = Object.fromEntries(Object.keys(empty).map((key) => [key, org[key as keyof OrganizationDraft] ?? empty[key as keyof OrganizationDraft]])) as OrganizationDraft;
  return { ...draft, registryDate: formatRoDate(draft.registryDate), accreditationDate: formatRoDate(draft.accreditationDate) };
}

const validateForm = (values: OrganizationDraft) => validateOrganization(values).errors;

export function OrganizationDialog({ organization, onClose }: { organization?: StoredOrganization; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const form = useForm(toFormValues(organization), validateForm);
  const [tab, setTab] = useState(0);
  const [current, setCurrent] = useState(organization);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [isArchiving, setArchiving] = useState(false);
  const refusal = useWriteRefusal('organizations'); // shared mode: the login may not change NGOs
  useUnsavedChanges('organization-form', form.isDirty);
  const units = useLiveQuery(() => (current ? store.units.listByOrganization(current.id) : Promise.resolve([])), [store, current?.id]);

  const save = () =>
    submitForm(
      form,
      () => (current ? store.organizations.update(current.id, form.values, current.version) : store.organizations.create(form.values)),
      (saved) => {
        setCurrent(saved);
        form.reset(toFormValues(saved));
        notify(current ? `Modificările pentru „${saved.name}” au fost salvate.` : `ONG-ul „${saved.name}” a fost adăugat în catalog.`);
      },
      fail,
    );

  const remove = async () => {
    setConfirmDelete(false);
    if (!current) return;
    try {
      await store.organizations.remove(current.id);
      notify(`ONG-ul „${current.name}” a fost șters din catalog.`);
      form.reset(form.values);
      onClose();
    } catch (error) {
      fail(error);
    }
  };

  const archive = async (reason: string) => {
    setArchiving(false);
    if (!current) return;
    try {
      const saved = await store.organizations.archive(current.id, reason, current.version);
      setCurrent(saved);
      form.reset(toFormValues(saved));
      notify(`ONG-ul „${saved.name}” a fost arhivat (Radiat); datele și istoricul lui se păstrează.`);
    } catch (error) {
      fail(error);
    }
  };

  const close = () => guard(onClose);
  const today = todayIso();

  return (
    <Dialog open onClose={close} maxWidth="lg" fullWidth aria-labelledby="org-dialog-title">
      <DialogTitle id="org-dialog-title">
        {current ? current.name : 'ONG nou'}
        {form.isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
      </DialogTitle>
      <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} sx={{ px: 3, borderBottom: 1, borderColor: 'divider' }}>
        <Tab label="Date de identificare" />
        <Tab label={`Unități${units ? ` (${units.length})` : ''}`} disabled={!current} />
        <Tab label="Istoric modificări" disabled={!current} />
        <Tab label="Documente emise" disabled={!current} />
      </Tabs>
      <DialogContent sx={{ minHeight: 480 }}>
        {tab === 0 && (
          <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ pt: 1 }}>
            <Typography variant="subtitle2" color="primary" sx={{ mb: 1 }}>Identificare</Typography>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 12, md: 6 }}><FormText form={form} field="name" label={L.name} required autoFocus /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormSelect form={form} field="legalForm" label={L.legalForm} options={LEGAL_FORMS} required /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormText form={form} field="cui" label={L.cui} required helperText="cu sau fără „RO”" /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormSelect form={form} field="status" label={L.status} options={ORGANIZATION_STATUSES} required /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="registryNumber" label={L.registryNumber} helperText="ex. 123/2010" /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormDate form={form} field="registryDate" label={L.registryDate} /></Grid>
            </Grid>
            <Typography variant="subtitle2" color="primary" sx={{ mt: 2, mb: 1 }}>Sediu social și puncte de lucru</Typography>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 12, md: 6 }}><FormText form={form} field="street" label={L.street} /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormText form={form} field="locality" label={L.locality} required /></Grid>
              <Grid size={{ xs: 3, md: 2 }}><FormText form={form} field="county" label={L.county} /></Grid>
              <Grid size={{ xs: 3, md: 2 }}><FormText form={form} field="postalCode" label={L.postalCode} /></Grid>
              <Grid size={12}><FormText form={form} field="workingAddresses" label={L.workingAddresses} multiline minRows={1} helperText="câte unul pe rând" /></Grid>
            </Grid>
            <Typography variant="subtitle2" color="primary" sx={{ mt: 2, mb: 1 }}>Reprezentare și contact</Typography>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="representativeName" label={L.representativeName} /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="representativeRole" label={L.representativeRole} /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="contactPerson" label={L.contactPerson} /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="phone" label={L.phone} /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="email" label={L.email} type="email" /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="website" label={L.website} /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormText form={form} field="bankName" label={L.bankName} /></Grid>
              <Grid size={{ xs: 6, md: 4 }}><FormText form={form} field="iban" label={L.iban} /></Grid>
            </Grid>
            <Typography variant="subtitle2" color="primary" sx={{ mt: 2, mb: 1 }}>Acreditare ca furnizor de servicii sociale (Legea 197/2012)</Typography>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 4, md: 2 }}><FormText form={form} field="accreditationSeries" label={L.accreditationSeries} helperText="ex. AF" /></Grid>
              <Grid size={{ xs: 4, md: 3 }}><FormText form={form} field="accreditationNumber" label={L.accreditationNumber} /></Grid>
              <Grid size={{ xs: 4, md: 3 }}><FormDate form={form} field="accreditationDate" label={L.accreditationDate} /></Grid>
              <Grid size={12}><FormText form={form} field="notes" label={L.notes} multiline minRows={2} /></Grid>
            </Grid>
            <button type="submit" hidden />
          </Box>
        )}
        {tab === 1 && current && (
          units && units.length > 0 ? (
            <Table size="small" aria-label="Unitățile ONG-ului">
              <TableHead>
                <TableRow>
                  <TableCell>Unitate</TableCell>
                  <TableCell>Cod serviciu</TableCell>
                  <TableCell>Capacitate</TableCell>
                  <TableCell>Licență</TableCell>
                  <TableCell>Valabilă până la</TableCell>
                  <TableCell>Stare licență</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {units.map((u) => {
                  const state = licenceState(u, today);
                  return (
                    <TableRow key={u.id}>
                      <TableCell>{u.name}</TableCell>
                      <TableCell>{u.serviceCode}</TableCell>
                      <TableCell>{u.capacity}</TableCell>
                      <TableCell>{u.licenceNumber}</TableCell>
                      <TableCell>{formatRoDate(u.licenceExpiryDate)}</TableCell>
                      <TableCell><Chip size="small" label={LICENCE_STATE_LABELS[state]} color={LICENCE_STATE_COLORS[state]} /></TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          ) : (
            <Typography color="text.secondary">ONG-ul nu are unități în registru.</Typography>
          )
        )}
        {tab === 2 && current && <AuditHistory entity="organizations" entityId={current.id} labels={L} />}
        {tab === 3 && current && <OrganizationDocuments organizationId={current.id} />}
        {form.hasErrors && form.isDirty && tab === 0 && Object.keys(form.errors).some((f) => form.visibleError(f as keyof OrganizationDraft)) && (
          <Alert severity="error" sx={{ mt: 2 }}>Corectați câmpurile marcate cu roșu înainte de salvare.</Alert>
        )}
      </DialogContent>
      <DialogActions>
        {current && (
          <Button color="error" onClick={() => setConfirmDelete(true)} disabled={refusal !== undefined}>
            Șterge ONG-ul
          </Button>
        )}
        {current && current.status !== 'radiat' && <Button onClick={() => setArchiving(true)} disabled={form.isDirty || refusal !== undefined}>Arhivează (Radiat)</Button>}
        <Box sx={{ flexGrow: 1 }} />
        {refusal && <Typography id="organization-refusal" variant="body2" color="text.secondary">{refusal}</Typography>}
        <Button onClick={close}>Închide</Button>
        <Button variant="contained" onClick={() => void save()} disabled={(!form.isDirty && !!current) || refusal !== undefined} aria-describedby={refusal ? 'organization-refusal' : undefined}>
          Salvează
        </Button>
      </DialogActions>
      <ConfirmDialog
        open={confirmDelete}
        title="Ștergere ONG"
        text={`Ștergeți ONG-ul „${current?.name ?? ''}” din catalog? Valorile lui rămân în jurnalul de modificări.`}
        confirmLabel="Șterge"
        destructive
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => void remove()}
      />
      {isArchiving && current && (
        <ReasonDialog
          title="Arhivare ONG"
          text={`ONG-ul „${current.name}” devine „Radiat”, cu data de azi și motivul de mai jos. Datele, unitățile, cererile și istoricul lui se păstrează (cel puțin 5 ani de la încheierea finanțării).`}
          confirmLabel="Arhivează"
          onCancel={() => setArchiving(false)}
          onConfirm={(reason) => void archive(reason)}
        />
      )}
    </Dialog>
  );
}
