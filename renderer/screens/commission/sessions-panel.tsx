import { formatInteger } from '../../../src/money';
import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { checkQuorum, SESSION_KINDS, SESSION_STATUSES, type CommissionSession } from '../../../src/commission/session';
import { formatRoDate } from '../../../src/validation/dates';
import type { RoundEvaluationData } from '../../services/round-evaluation';
import { SessionDialog } from './session-dialog';

/** The round's sessions: evaluation and appeals, each with its quorum and declarations. */
export function SessionsPanel({ data }: { data: RoundEvaluationData }) {
  const [editing, setEditing] = useState<CommissionSession | 'new' | null>(null);
  if (!data.commission) return <Alert severity="info">Alegeți comisia rundei (butonul „Setările evaluării”).</Alert>;
  const commission = data.commission;
  return (
    <Box>
      <Stack direction="row" sx={{ mb: 1.5, alignItems: 'center' }}>
        <Typography sx={{ flexGrow: 1 }}>{commission.name} · {formatInteger(data.members.length)} membri</Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={data.members.length === 0}>Ședință nouă</Button>
      </Stack>
      {data.members.length === 0 && <Alert severity="info" sx={{ mb: 1 }}>Comisia nu are membri: adăugați-i în fila „Comisii și membri”.</Alert>}
      <Paper variant="outlined">
        <Table size="small" aria-label="Ședințele comisiei">
          <TableHead>
            <TableRow>
              <TableCell>Data</TableCell><TableCell>Ora</TableCell><TableCell>Tipul</TableCell><TableCell>Locul</TableCell><TableCell>Ordinea de zi</TableCell>
              <TableCell>Cvorum</TableCell><TableCell>Declarații semnate</TableCell><TableCell>Stare</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.sessions.map((s) => {
              const quorum = checkQuorum(s, data.members, commission.rules.quorum);
              const signed = data.declarations.filter((d) => d.sessionId === s.id && d.signedOn).length;
              const present = Object.values(s.attendance).filter((a) => a.isPresent).length;
              return (
                <TableRow key={s.id} hover sx={{ cursor: 'pointer' }} onClick={() => setEditing(s)}>
                  <TableCell>{formatRoDate(s.date)}</TableCell>
                  <TableCell>{s.time}</TableCell>
                  <TableCell>{SESSION_KINDS[s.kind]}</TableCell>
                  <TableCell>{s.place}</TableCell>
                  <TableCell>{formatInteger(s.agenda.length)} cereri</TableCell>
                  <TableCell title={quorum.message}><Chip size="small" color={quorum.hasQuorum ? 'success' : 'error'} label={quorum.hasQuorum ? `cvorum (${quorum.present}/${quorum.votingTotal})` : 'fără cvorum'} /></TableCell>
                  <TableCell>{signed} din {present} prezenți</TableCell>
                  <TableCell>{SESSION_STATUSES[s.status]}</TableCell>
                </TableRow>
              );
            })}
            {data.sessions.length === 0 && <TableRow><TableCell colSpan={8}><Typography color="text.secondary">Nicio ședință programată.</Typography></TableCell></TableRow>}
          </TableBody>
        </Table>
      </Paper>
      {editing && <SessionDialog data={data} session={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Box>
  );
}
