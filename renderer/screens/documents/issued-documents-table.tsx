import { formatShownOf } from '../../../src/money';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { Box, Button, Chip, InputAdornment, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useState } from 'react';
import { describeIssued, ISSUED_DOCUMENT_KINDS, type IssuedDocument } from '../../../src/documents/issued-document';
import { searchKey } from '../../../src/validation/diacritics';
import { formatRoDate } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { downloadIssued } from '../../services/issued-documents';
import { useStore } from '../../store-context';

const searchTextOf = (d: IssuedDocument) => searchKey([d.number, d.title, d.addressee, ISSUED_DOCUMENT_KINDS[d.kind], formatRoDate(d.issuedOn), d.issuedBy].join(' '));

/**
 * Issued documents, newest first, searchable (diacritics and case aside), each downloadable exactly
 * as it was issued; a replaced document names the one that replaced it.
 */
export function IssuedDocumentsTable({ documents, label }: { documents: readonly IssuedDocument[]; label: string }) {
  const store = useStore();
  const { fail } = useNotifier();
  const [query, setQuery] = useState('');
  const key = searchKey(query);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const shown = [...documents]
    .filter((d) => key === '' || searchTextOf(d).includes(key))
    .sort((a, b) => (a.issuedOn === b.issuedOn ? b.sequence - a.sequence : a.issuedOn < b.issuedOn ? 1 : -1));
  return (
    <Box>
      <TextField
        size="small"
        placeholder="Caută după număr, titlu, destinatar…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> }, htmlInput: { 'aria-label': `Caută în ${label}` } }}
        sx={{ mb: 1, minWidth: 360 }}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{formatShownOf(shown.length, documents.length, 'documente')}</Typography>
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={label}>
          <TableHead>
            <TableRow>
              <TableCell>Nr.</TableCell>
              <TableCell>Data</TableCell>
              <TableCell>Documentul</TableCell>
              <TableCell>Destinatar</TableCell>
              <TableCell>Emis de</TableCell>
              <TableCell>Situația</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((d) => {
              const replacedBy = d.replacedById ? byId.get(d.replacedById) : undefined;
              const replaces = d.replacesId ? byId.get(d.replacesId) : undefined;
              return (
                <TableRow key={d.id}>
                  <TableCell>{d.number}{d.numberSource === 'registru_general' && <Typography variant="caption" sx={{ display: 'block' }}>registrul general</Typography>}</TableCell>
                  <TableCell>{formatRoDate(d.issuedOn)}</TableCell>
                  <TableCell>
                    {d.title}
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{ISSUED_DOCUMENT_KINDS[d.kind]}{replaces ? ` · înlocuiește ${describeIssued(replaces)}` : ''}</Typography>
                  </TableCell>
                  <TableCell>{d.addressee}</TableCell>
                  <TableCell>{d.issuedBy}</TableCell>
                  <TableCell>
                    {d.replacedById
                      ? <Chip size="small" label={`înlocuit${replacedBy ? ` prin ${describeIssued(replacedBy)}` : ''}`} />
                      : <Chip size="small" color="success" label="în vigoare" />}
                  </TableCell>
                  <TableCell align="right">
                    <Button size="small" startIcon={<FileDownloadIcon />} onClick={() => void downloadIssued(store, d.id).catch(fail)} aria-label={`Descarcă documentul ${describeIssued(d)}`}>Descarcă</Button>
                  </TableCell>
                </TableRow>
              );
            })}
            {shown.length === 0 && <TableRow><TableCell colSpan={7}><Typography color="text.secondary">{documents.length === 0 ? 'Niciun document emis.' : 'Niciun document nu corespunde căutării.'}</Typography></TableCell></TableRow>}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}
