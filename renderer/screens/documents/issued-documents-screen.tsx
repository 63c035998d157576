import { Box, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../store-context';
import { IssuedDocumentsTable } from './issued-documents-table';

/** The register of issued documents (registru de ieșire) of the whole office. */
export function IssuedDocumentsScreen() {
  const store = useStore();
  const documents = useLiveQuery(() => store.issuedDocuments.list(), [store]);
  if (!documents) return null;
  return (
    <Box>
      <Typography variant="h6" component="h1" sx={{ mb: 0.5 }}>Documente emise</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        Registrul documentelor emise de serviciu: fiecare document are numărul și data lui și se descarcă exact așa cum a fost emis. Un document nu se modifică; o situație schimbată se consemnează printr-un document nou, care îl numește pe cel înlocuit.
      </Typography>
      <IssuedDocumentsTable documents={documents} label="Registrul documentelor emise" />
    </Box>
  );
}
