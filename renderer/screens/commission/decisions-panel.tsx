import HowToVoteIcon from '@mui/icons-material/HowToVote';
import { Alert, Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { DECISION_KINDS, isAdoptedDecision, isDecisionKind, type CommissionDecision } from '../../../src/commission/decisions';
import { formatRegistrationNumber } from '../../../src/requests/registration-number';
import { formatRoDate } from '../../../src/validation/dates';
import type { RoundEvaluationData } from '../../services/round-evaluation';
import { DecisionDialog } from './decision-dialog';

/** The round's decisions, each with its session, subject and the outcome of the vote. */
export function DecisionsPanel({ data }: { data: RoundEvaluationData }) {
  const [editing, setEditing] = useState<CommissionDecision | 'new' | null>(null);
  if (!data.evaluation || !data.commission) return <Alert severity="info">Alegeți comisia și grila rundei (butonul „Setările evaluării”).</Alert>;
  const sessionOf = (id: string) => data.sessions.find((s) => s.id === id);
  const decisions = [...data.decisions].sort((a, b) => (sessionOf(a.sessionId)?.date ?? '').localeCompare(sessionOf(b.sessionId)?.date ?? '') || a.createdAt.localeCompare(b.createdAt));
  const hasRanking = decisions.some((d) => d.kind === 'clasament_final' && sessionOf(d.sessionId)?.kind === 'evaluare' && isAdoptedDecision(d));
  const subject = (d: CommissionDecision) => {
    const appeal = d.appealId ? data.appeals.find((a) => a.id === d.appealId) : undefined;
    if (appeal) return `Contestația nr. ${formatRegistrationNumber(appeal.registration)}`;
    const request = d.requestId ? data.requests.find((r) => r.id === d.requestId) : undefined;
    if (d.requestIds?.length) return `Cererile nr. ${d.requestIds.map((id) => data.requests.find((r) => r.id === id)?.label ?? id).join(', ')}`;
    return request ? `Cererea nr. ${request.label} — ${request.organizationName}` : 'Întreaga rundă';
  };
  return (
    <Box>
      <Stack direction="row" sx={{ mb: 1.5, alignItems: 'center' }}>
        <Typography sx={{ flexGrow: 1 }}>Deciziile se adoptă prin votul membrilor prezenți și nerecuzați; votul nominal se consemnează în procesul-verbal.</Typography>
        <Button variant="contained" startIcon={<HowToVoteIcon />} onClick={() => setEditing('new')} disabled={data.sessions.length === 0}>Consemnează o decizie</Button>
      </Stack>
      {!hasRanking && data.sessions.some((s) => s.kind === 'evaluare') && (
        <Alert severity="warning" sx={{ mb: 1 }}>Clasamentul final nu a fost încă adoptat prin vot: rezultatele nu pot fi declarate finale până atunci.</Alert>
      )}
      <Paper variant="outlined">
        <Table size="small" aria-label="Deciziile comisiei">
          <TableHead>
            <TableRow><TableCell>Ședința</TableCell><TableCell>Decizia</TableCell><TableCell>Privește</TableCell><TableCell>Textul</TableCell><TableCell>Votul</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {decisions.map((d) => (
              <TableRow key={d.id} hover sx={{ cursor: 'pointer' }} onClick={() => setEditing(d)}>
                <TableCell>{formatRoDate(sessionOf(d.sessionId)?.date)}</TableCell>
                <TableCell>{isDecisionKind(d.kind) ? DECISION_KINDS[d.kind] : d.kind}</TableCell>
                <TableCell>{subject(d)}</TableCell>
                <TableCell>{d.text}</TableCell>
                <TableCell title={d.outcome?.sentence}>
                  <Chip size="small" color={isAdoptedDecision(d) ? 'success' : 'error'} label={`${isAdoptedDecision(d) ? 'adoptată' : 'neadoptată'} (${d.outcome?.for ?? 0}–${d.outcome?.against ?? 0}–${d.outcome?.abstentions ?? 0})`} />
                </TableCell>
              </TableRow>
            ))}
            {decisions.length === 0 && <TableRow><TableCell colSpan={5}><Typography color="text.secondary">Nicio decizie consemnată.</Typography></TableCell></TableRow>}
          </TableBody>
        </Table>
      </Paper>
      {editing && <DecisionDialog data={data} decision={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Box>
  );
}
