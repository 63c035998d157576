import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { countOf } from '../../src/commission/wording';
import { sameSubject, type IssuedDocument } from '../../src/documents/issued-document';
import { formatRoDate, todayIso } from '../../src/validation/dates';
import { previewDocument, type DocumentToIssue } from '../services/issued-documents';
import { useStore } from '../store-context';
import { useNotifier } from './notifier';
import { signatureWarnings } from '../../src/settings/institution';
import { signatureKindOf } from '../../src/documents/issued-document';

/**
 * Letters to several addressees (notifications, decisions after appeals): each is its own act with
 * its own number, one after the other. Those already issued are not issued again; they are printed
 * together from what was stored.
 */
export function BatchIssueDialog(props: {
  title: string;
  roundId: string;
  docs: readonly DocumentToIssue[];
  /** Singular and plural of the letters' name: ['notificare', 'notificări']. */
  noun: [string, string];
  issue(issuedOn: string): Promise<IssuedDocument[]>;
  print(): Promise<boolean>;
  onClose(): void;
}) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [issuedOn, setIssuedOn] = useState(formatRoDate(todayIso()));
  const [isBusy, setBusy] = useState(false);
  const issued = useLiveQuery(() => store.issuedDocuments.listByRound(props.roundId), [store, props.roundId]) ?? [];
  // A signer without a name in Settings is a warning before issuing, not a blank line on paper.
  const institution = useLiveQuery(() => store.settings.getInstitution(), [store]);
  const signerWarnings = institution && props.docs[0]?.kind ? signatureWarnings(institution, signatureKindOf(props.docs[0]?.kind)) : [];
  const inForce = (doc: DocumentToIssue) => issued.some((d) => !d.replacedById && sameSubject(d, doc));
  const done = props.docs.filter(inForce).length;
  const pending = props.docs.length - done;
  const [one, many] = props.noun;
  const issue = async () => {
    setBusy(true);
    try {
      const letters = await props.issue(issuedOn);
      await props.print();
      // Both kinds of letters are feminine nouns (notificare, decizie): "A fost emisă 1 …" / "Au fost emise 2 …".
      notify(letters.length === 1 ? `A fost emisă 1 ${one}, cu numărul ${letters[0]!.number}.` : `Au fost emise ${countOf(letters.length, one, many)}${letters[0] ? `, cu numerele ${letters[0].number}–${letters.at(-1)!.number}` : ''}.`);
      props.onClose();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={props.onClose} maxWidth="sm" fullWidth aria-labelledby="batch-issue-title">
      <DialogTitle id="batch-issue-title">{props.title}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 1 }}>
          Fiecare destinatar primește un document cu număr propriu din registrul documentelor emise. {done > 0 ? `${countOf(done, `${one} este deja emisă`, `${many} sunt deja emise`)} și nu se emit din nou. ` : ''}
          {pending > 0 ? `Se vor emite acum ${countOf(pending, one, many)}.` : props.docs.length > 0 ? 'Toate sunt emise.' : 'Nu există destinatari.'}
        </Typography>
        {signerWarnings.length > 0 && <Alert severity="warning" sx={{ mb: 1 }}>{signerWarnings.map((w) => <div key={w}>{w}</div>)}</Alert>}
        <TextField label="Data emiterii" value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} helperText="zz.ll.aaaa" sx={{ mt: 1 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Anulează</Button>
        {props.docs[0] && <Button onClick={() => void previewDocument(props.docs[0]!).catch(fail)}>Previzualizează o ciornă</Button>}
        {done > 0 && <Button onClick={() => void props.print().catch(fail)}>Tipărește cele emise</Button>}
        <Button variant="contained" disabled={isBusy || pending === 0} onClick={() => void issue()}>Emite</Button>
      </DialogActions>
    </Dialog>
  );
}
