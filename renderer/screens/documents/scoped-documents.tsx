import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../store-context';
import { IssuedDocumentsTable } from './issued-documents-table';

/** The documents issued to one NGO (receipts, notices, notifications, letters). */
export function OrganizationDocuments({ organizationId }: { organizationId: string }) {
  const store = useStore();
  const documents = useLiveQuery(() => store.issuedDocuments.listByOrganization(organizationId), [store, organizationId]);
  return documents ? <IssuedDocumentsTable documents={documents} label="Documentele emise către ONG" /> : null;
}

/** The documents issued in one round (minutes, reports, notifications, letters). */
export function RoundDocuments({ roundId }: { roundId: string }) {
  const store = useStore();
  const documents = useLiveQuery(() => store.issuedDocuments.listByRound(roundId), [store, roundId]);
  return documents ? <IssuedDocumentsTable documents={documents} label="Documentele emise în rundă" /> : null;
}
