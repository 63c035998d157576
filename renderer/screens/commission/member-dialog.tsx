import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Autocomplete, Box, Button, Checkbox, Chip, Dialog, DialogContent, DialogTitle, FormControlLabel, Grid, IconButton, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import {
  COMMISSION_MEMBER_FIELD_LABELS as L, emptyCommissionMember, MEMBER_ROLES, NGO_LINK_KINDS, validateCommissionMember, type CommissionMember, type CommissionMemberDraft, type NgoLinkKind,
} from '../../../src/commission/members';
import { formatRoDate } from '../../../src/validation/dates';
import { AuditHistory } from '../../components/audit-history';
import { FormDate, FormSelect, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { submitForm, useForm } from '../../components/use-form';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { useStore } from '../../store-context';

function toForm(m: CommissionMemberDraft): CommissionMemberDraft {
  return { ...m, appointmentDate: formatRoDate(m.appointmentDate), periodFrom: formatRoDate(m.periodFrom), periodTo: m.periodTo ? formatRoDate(m.periodTo) : '' };
}

/** A member: role, institution, appointment act and mandate, substitute, and declared links with NGOs. */
export function MemberDialog({ commissionId, member, others, onClose }: { commissionId: string; member?: CommissionMember; others: readonly CommissionMember[]; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const [current, setCurrent] = useState(member);
  const [tab, setTab] = useState<'date' | 'istoric'>('date');
  const organizations = useLiveQuery(() => store.organizations.list(), [store]) ?? [];
  const validate = (values: CommissionMemberDraft) => validateCommissionMember(values, { id: current?.id, members: others }).errors;
  const form = useForm(toForm(member ?? emptyCommissionMember(commissionId)), validate);
  useUnsavedChanges('member-form', form.isDirty);
  const titulars = others.filter((o) => !o.isSubstitute && o.id !== current?.id);
  const links = form.values.ngoLinks;

  const save = () =>
    submitForm(
      form,
      () => (current ? store.members.update(current.id, form.values, current.version) : store.members.create(form.values)),
      (saved) => {
        setCurrent(saved);
        form.reset(toForm(saved));
        notify(current ? `Datele membrului ${saved.name} au fost salvate.` : `A fost adăugat în comisie: ${saved.name}.`);
      },
      fail,
    );

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="md" fullWidth aria-labelledby="member-title">
      <DialogTitle id="member-title">
        {current ? current.name : 'Membru nou al comisiei'}
        {form.isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
        {current && (
          <Button size="small" sx={{ float: 'right' }} onClick={() => setTab(tab === 'date' ? 'istoric' : 'date')}>
            {tab === 'date' ? 'Istoric modificări' : 'Înapoi la date'}
          </Button>
        )}
      </DialogTitle>
      <DialogContent>
        {tab === 'istoric' && current ? (
          <AuditHistory entity="commissionMembers" entityId={current.id} labels={L} />
        ) : (
          <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ pt: 1 }}>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 12, md: 6 }}><FormText form={form} field="name" label={L.name} required /></Grid>
              <Grid size={{ xs: 12, md: 3 }}><FormSelect form={form} field="role" label={L.role} options={MEMBER_ROLES} /></Grid>
              <Grid size={{ xs: 12, md: 3 }}>
                <FormControlLabel control={<Checkbox checked={form.values.isSubstitute} onChange={(e) => form.setField('isSubstitute', e.target.checked)} />} label="Membru supleant" />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}><FormText form={form} field="institution" label={L.institution} required helperText="ex. DASM Cluj-Napoca, Consiliul Local" /></Grid>
              {form.values.isSubstitute && (
                <Grid size={{ xs: 12, md: 6 }}>
                  <TextField select label={L.substituteForId} value={form.values.substituteForId ?? ''} onChange={(e) => form.setField('substituteForId', e.target.value || undefined)}
                    error={!!form.visibleError('substituteForId')} helperText={form.visibleError('substituteForId') ?? 'titularul pe care îl înlocuiește'}>
                    <MenuItem value="">—</MenuItem>
                    {titulars.map((t) => <MenuItem key={t.id} value={t.id}>{t.name}</MenuItem>)}
                  </TextField>
                </Grid>
              )}
              <Grid size={{ xs: 12, md: 6 }}><FormText form={form} field="appointmentAct" label={L.appointmentAct} required helperText="ex. Dispoziția Primarului nr. 1234" /></Grid>
              <Grid size={{ xs: 12, md: 2 }}><FormDate form={form} field="appointmentDate" label={L.appointmentDate} required /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormDate form={form} field="periodFrom" label={L.periodFrom} required /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormDate form={form} field="periodTo" label={L.periodTo} /></Grid>
              <Grid size={12}>
                <Typography variant="subtitle2" sx={{ mt: 1 }}>Legături declarate cu ONG-uri (recuzare automată pentru cererile acestora)</Typography>
                {form.visibleError('ngoLinks') && <Typography color="error" variant="body2">{form.visibleError('ngoLinks')}</Typography>}
              </Grid>
              {links.map((link, i) => (
                <Grid size={12} key={i}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Autocomplete
                      sx={{ flex: 2 }}
                      options={organizations}
                      value={organizations.find((o) => o.id === link.organizationId) ?? null}
                      getOptionLabel={(o) => `${o.name} (CUI ${o.cui})`}
                      isOptionEqualToValue={(a, b) => a.id === b.id}
                      onChange={(_e, o) => form.setField('ngoLinks', links.map((l, j) => (j === i ? { ...l, organizationId: o?.id ?? '' } : l)))}
                      renderInput={(p) => <TextField {...p} label={`ONG (legătura ${i + 1})`} />}
                    />
                    <TextField select sx={{ flex: 1 }} label={`Legătura ${i + 1}`} value={link.kind} onChange={(e) => form.setField('ngoLinks', links.map((l, j) => (j === i ? { ...l, kind: e.target.value as NgoLinkKind } : l)))}>
                      {Object.entries(NGO_LINK_KINDS).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>)}
                    </TextField>
                    <TextField sx={{ flex: 1 }} label={`Precizări (legătura ${i + 1})`} value={link.note} onChange={(e) => form.setField('ngoLinks', links.map((l, j) => (j === i ? { ...l, note: e.target.value } : l)))} />
                    <IconButton aria-label={`Șterge legătura ${i + 1}`} onClick={() => form.setField('ngoLinks', links.filter((_l, j) => j !== i))}><DeleteIcon /></IconButton>
                  </Stack>
                </Grid>
              ))}
              <Grid size={12}>
                <Button startIcon={<AddIcon />} onClick={() => form.setField('ngoLinks', [...links, { organizationId: '', kind: 'fondator', note: '' }])}>Adaugă o legătură cu un ONG</Button>
              </Grid>
              <Grid size={12}><FormText form={form} field="notes" label={L.notes} multiline minRows={2} /></Grid>
            </Grid>
            <button type="submit" hidden />
          </Box>
        )}
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} isSaveDisabled={!form.isDirty && !!current} />
    </Dialog>
  );
}
