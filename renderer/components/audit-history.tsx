import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { auditLines } from '../../src/audit/describe';
import { AUDIT_ACTION_LABELS } from '../../src/audit/diff';
import { formatRoDateTime } from '../../src/validation/dates';
import { useStore } from '../store-context';

/**
 * The audit log of one record, newest first, one line per changed field: Romanian field names and
 * values as the screens show them (lei, dd.mm.yyyy, enum labels, names instead of ids).
 * `labels` names the fields the history does not know.
 */
export function AuditHistory({ entity, entityId, labels = {} }: { entity: string; entityId: string; labels?: Record<string, string> }) {
  const store = useStore();
  const entries = useLiveQuery(() => store.audit.forRecord(entity, entityId), [store, entity, entityId]);
  const names = useLiveQuery(() => store.audit.names(), [store]);
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
        {[...entries].reverse().flatMap((entry) => {
          const lines = auditLines(entry, names);
          return (lines.length > 0 ? lines : [{ key: '', field: '', before: '', after: '', text: '' }]).map((line, i) => (
            <TableRow key={`${entry.id}-${i}`}>
              <TableCell>{i === 0 ? formatRoDateTime(entry.at) : ''}</TableCell>
              <TableCell>{i === 0 ? entry.user : ''}</TableCell>
              <TableCell>{i === 0 ? AUDIT_ACTION_LABELS[entry.action] : ''}</TableCell>
              <TableCell>{line.field === line.key ? (labels[line.key] ?? line.field) : line.field}</TableCell>
              <TableCell>{line.before}</TableCell>
              <TableCell>{line.after}</TableCell>
            </TableRow>
          ));
        })}
      </TableBody>
    </Table>
  );
}
