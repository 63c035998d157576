import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { AUDIT_ACTION_LABELS } from '../../src/audit/diff';
import { formatRoDateTime } from '../../src/validation/dates';
import { useStore } from '../store-context';

export function formatAuditValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The audit log of one record, newest first, with field-level before/after. */
export function AuditHistory({ entity, entityId, labels }: { entity: string; entityId: string; labels: Record<string, string> }) {
  const store = useStore();
  const entries = useLiveQuery(() => store.audit.forRecord(entity, entityId), [store, entity, entityId]);
  if (!entries) return null;
  if (entries.length === 0) return <Typography color="text.secondary">Nicio modificare înregistrată.</Typography>;
  return (
    <Table size="small" aria-label="Istoricul modificărilor">
      <TableHead>
        <TableRow>
          <TableCell>Data</TableCell>
          <TableCell>Utilizator</TableCell>
          <TableCell>Acțiune</TableCell>
          <TableCell>Câmp</TableCell>
          <TableCell>Înainte</TableCell>
          <TableCell>După</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...entries].reverse().flatMap((entry) =>
          (entry.changes.length > 0 ? entry.changes : [{ field: '', before: undefined, after: undefined }]).map((change, i) => (
            <TableRow key={`${entry.id}-${i}`}>
              <TableCell>{i === 0 ? formatRoDateTime(entry.at) : ''}</TableCell>
              <TableCell>{i === 0 ? entry.user : ''}</TableCell>
              <TableCell>{i === 0 ? AUDIT_ACTION_LABELS[entry.action] : ''}</TableCell>
              <TableCell>{labels[change.field] ?? change.field}</TableCell>
              <TableCell>{formatAuditValue(change.before)}</TableCell>
              <TableCell>{formatAuditValue(change.after)}</TableCell>
            </TableRow>
          )),
        )}
      </TableBody>
    </Table>
  );
}
