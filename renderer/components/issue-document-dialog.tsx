import {
  Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Radio, RadioGroup, Stack, TextField, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describeIssued, type IssuedDocument, type IssueRequest } from '../../src/documents/issued-document';
import { ValidationError } from '../../src/errors';
import { formatRoDate, todayIso } from '../../src/validation/dates';
import { downloadIssued, previewDocument, type DocumentToIssue } from '../services/issued-documents';
import { useStore } from '../store-context';
import { useNotifier } from './notifier';
import { signatureWarnings } from '../../src/settings/institution';
import { signatureKindOf } from '../../src/documents/issued-document';

/**
 * Issuing one document: the number (the next one of the app's register, or one typed from the
 * institution's general register), the date, and — when a document on the same subject is in force
 * — why the new one replaces it. A draft can be previewed first; once issued, the stored file is
 * what every later download returns.
 */
export function IssueDocumentDialog(props: {
  doc: DocumentToIssue;
  /** Open points to show before issuing (e.g. names missing from the signature blocks). */
  warnings?: readonly string[];
  onIssue(request: IssueRequest): Promise<IssuedDocument>;
  onClose(): void;
}) {
  const { doc } = props;
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [numberSource, setNumberSource] = useState<IssueRequest['numberSource']>('secventa');
  const [typedNumber, setTypedNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState(formatRoDate(todayIso()));
  const [replacementReason, setReplacementReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  const inForce = useLiveQuery(() => store.issuedDocuments.inForce(doc), [store, doc.kind, doc.roundId, doc.requestId, doc.appealId, doc.organizationId, doc.conventionId, doc.amendmentId, doc.settlementId]);
  const year = Number(/\d{4}/.exec(issuedOn)?.[0] ?? new Date().getFullYear());
  const nextNumber = useLiveQuery(() => store.issuedDocuments.nextNumber(year), [store, year]);
  // A signer without a name in Settings is a warning before issuing, not a blank line on paper.
  const institution = useLiveQuery(() => store.settings.getInstitution(), [store]);
  const signerWarnings = institution && doc.kind ? signatureWarnings(institution, signatureKindOf(doc.kind)) : [];

  const issue = async () => {
    setBusy(true);
    setErrors({});
    try {
      const issued = await props.onIssue({ numberSource, typedNumber, issuedOn, replacementReason });
      await downloadIssued(store, issued.id);
      notify(`${doc.title}: emis cu ${describeIssued(issued)}.`);
      props.onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields as Record<string, string>);
      else fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth aria-labelledby="issue-title">
      <DialogTitle id="issue-title">Emiterea documentului</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 1.5 }}><strong>{doc.title}</strong> — către {doc.addressee}</Typography>
        {inForce && (
          <Alert severity="info" sx={{ mb: 1.5 }} action={<Button color="inherit" onClick={() => void downloadIssued(store, inForce.id).catch(fail)}>Descarcă</Button>}>
            Documentul este deja emis: {describeIssued(inForce)} ({inForce.issuedBy}). Descărcarea îl dă exact așa cum a fost emis. Emiteți unul nou doar dacă situația s-a schimbat: va primi propriul număr și va menționa că îl înlocuiește.
          </Alert>
        )}
        {[...(props.warnings ?? []), ...signerWarnings].length > 0 && (
          <Alert severity="warning" sx={{ mb: 1.5 }}>
            {[...(props.warnings ?? []), ...signerWarnings].map((w) => <div key={w}>{w}</div>)}
          </Alert>
        )}
        <RadioGroup value={numberSource} onChange={(e) => setNumberSource(e.target.value as IssueRequest['numberSource'])} aria-label="Numărul de înregistrare">
          <FormControlLabel value="secventa" control={<Radio />} label={`Numărul următor din registrul documentelor emise${nextNumber ? ` (nr. ${nextNumber}/${year})` : ''}`} />
          <FormControlLabel value="registru_general" control={<Radio />} label="Un număr din registrul general de intrare-ieșire al instituției" />
        </RadioGroup>
        <Stack spacing={1.5} sx={{ mt: 1 }}>
          {numberSource === 'registru_general' && (
            <TextField label="Numărul din registrul general" value={typedNumber} onChange={(e) => setTypedNumber(e.target.value)} error={!!errors['typedNumber']} helperText={errors['typedNumber']} />
          )}
          <TextField label="Data emiterii" value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} error={!!errors['issuedOn']} helperText={errors['issuedOn'] ?? 'zz.ll.aaaa'} />
          {inForce && (
            <TextField
              label="De ce se înlocuiește documentul emis"
              value={replacementReason}
              onChange={(e) => setReplacementReason(e.target.value)}
              multiline
              minRows={2}
              error={!!errors['replacementReason']}
              helperText={errors['replacementReason'] ?? `Se tipărește în noul document: „înlocuiește documentul ${describeIssued(inForce)}”.`}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Anulează</Button>
        <Button onClick={() => void previewDocument(doc).catch(fail)}>Previzualizează ciorna</Button>
        <Button variant="contained" disabled={isBusy} onClick={() => void issue()}>{inForce ? 'Emite unul nou, care îl înlocuiește' : 'Emite și descarcă'}</Button>
      </DialogActions>
    </Dialog>
  );
}
