import { Alert, Button, Checkbox, Chip, FormControlLabel, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ChecklistTemplate } from '../../../src/monitoring/checklist';
import { formatRoDate } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { useStore } from '../../store-context';

/** The checklists by act and version; an editor that completes or adds requirements and saves a new version. */
export function ChecklistsTab() {
  const store = useStore();
  const templates = useLiveQuery(() => store.monitoring.allTemplates(), [store]);
  const [selected, setSelected] = useState<string>('');
  if (!templates) return <Typography color="text.secondary">Se încarcă…</Typography>;
  const latest = new Map<string, ChecklistTemplate>();
  for (const t of templates) if (!latest.has(t.id) || latest.get(t.id)!.version < t.version) latest.set(t.id, t);
  const list = [...latest.values()];
  const current = latest.get(selected);
  return (
    <Stack spacing={2}>
      <TextField select size="small" label="Lista de verificare" value={selected} onChange={(e) => setSelected(e.target.value)} sx={{ maxWidth: 700 }}>
        {list.map((t) => (
          <MenuItem key={t.id} value={t.id}>{t.title} — {t.act.name} (v{t.version}{t.status === 'de_completat' ? ', de completat' : ''})</MenuItem>
        ))}
      </TextField>
      {!current && <Alert severity="info">{list.length} liste de verificare, după actul care stabilește standardele minime de calitate, plus obligațiile convenției. Alegeți una pentru a o vedea sau completa.</Alert>}
      {current && <TemplateEditor key={`${current.id}@${current.version}`} template={current} versions={templates.filter((t) => t.id === current.id).map((t) => t.version).sort((a, b) => a - b)} />}
    </Stack>
  );
}

function TemplateEditor({ template, versions }: { template: ChecklistTemplate; versions: number[] }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [draft, setDraft] = useState<ChecklistTemplate>(() => structuredClone(template));
  const [note, setNote] = useState('');
  const [dirty, setDirty] = useState(false);
  const used = useLiveQuery(() => store.monitoring.isTemplateOnIssuedReport(template.id, template.version), [store, template.id, template.version]);
  const update = (fn: (t: ChecklistTemplate) => void) => {
    setDraft((d) => {
      const next = structuredClone(d);
      fn(next);
      return next;
    });
    setDirty(true);
  };
  const save = async () => {
    try {
      const saved = await store.monitoring.saveTemplateVersion(draft, note);
      notify(`Lista „${saved.title}” a fost salvată ca versiunea ${saved.version}.`);
      setDirty(false);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label={`Editorul listei ${template.title}`}>
      <Typography variant="subtitle1">{template.title}</Typography>
      <Typography variant="body2" color="text.secondary">{template.act.name} · {template.act.source} · se aplică din {formatRoDate(template.act.validFrom)} · coduri de serviciu: {template.serviceCodes.join(', ') || 'toate unitățile'} · versiuni: {versions.join(', ')}</Typography>
      {template.note && <Alert severity="info" sx={{ my: 1 }}>{template.note}</Alert>}
      {used && <Alert severity="warning" sx={{ my: 1 }}>Versiunea {template.version} a fost folosită într-un raport emis: ea nu se schimbă. Modificările se salvează ca versiune nouă, folosită de vizitele planificate de acum înainte.</Alert>}
      {draft.modules.map((m, mi) => (
        <Stack key={m.code} spacing={1} sx={{ mt: 2 }}>
          <Typography variant="subtitle2">{m.code} – {m.title}</Typography>
          {m.standards.map((s, si) => (
            <Stack key={s.code} spacing={1} sx={{ pl: 2 }}>
              <Typography variant="body2"><b>{s.code} – {s.title}</b></Typography>
              {s.requirements.map((r, ri) => (
                <Stack key={`${r.code}-${ri}`} direction="row" spacing={1} sx={{ alignItems: 'center' }} role="group" aria-label={`Cerința ${r.code || 'nouă'}`}>
                  <TextField size="small" label="Cod" value={r.code} onChange={(e) => update((t) => { t.modules[mi]!.standards[si]!.requirements[ri]!.code = e.target.value; })} sx={{ width: 130 }} />
                  <TextField size="small" label="Textul cerinței" value={r.text} multiline onChange={(e) => update((t) => { t.modules[mi]!.standards[si]!.requirements[ri]!.text = e.target.value; })} sx={{ flexGrow: 1 }} />
                  <TextField size="small" label="Temeiul" value={r.legalBasis} onChange={(e) => update((t) => { t.modules[mi]!.standards[si]!.requirements[ri]!.legalBasis = e.target.value; })} sx={{ width: 220 }} />
                  <FormControlLabel label="de completat" control={<Checkbox size="small" checked={!!r.toComplete} onChange={(e) => update((t) => { t.modules[mi]!.standards[si]!.requirements[ri]!.toComplete = e.target.checked; })} />} />
                  {r.toComplete && <Chip size="small" variant="outlined" label="de completat" />}
                </Stack>
              ))}
              <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => update((t) => {
                const std = t.modules[mi]!.standards[si]!;
                std.requirements.push({ code: `${s.code}.${std.requirements.length + 1}`, text: '', legalBasis: std.requirements[0]?.legalBasis ?? template.act.name, methods: ['documente'], toComplete: true });
              })}>Adaugă o cerință în {s.code}</Button>
            </Stack>
          ))}
        </Stack>
      ))}
      <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
        <TextField size="small" label="Nota versiunii (ce s-a completat, după ce text)" value={note} onChange={(e) => setNote(e.target.value)} sx={{ flexGrow: 1 }} />
        <Button variant="contained" disabled={!dirty} onClick={() => void save()}>Salvează ca versiunea {Math.max(...versions) + 1}</Button>
      </Stack>
    </Paper>
  );
}
