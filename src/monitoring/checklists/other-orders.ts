import type { ChecklistTemplate } from '../checklist';
import { pendingTemplate, SOURCES } from './sources';

/**
 * The other quality-standards orders: only their preamble and first article could be read (titles,
 * Monitorul Oficial, entry into force), so each ships without modules, "de completat". Their
 * service codes are the app's nomenclature codes of the same kind of service (inferred).
 */
const INFERRED = 'dedus din nomenclatorul aplicației (neverificat în ordin)';
const NOTE = 'S-au citit doar titlul ordinului și publicarea lui: anexele (module, standarde, cerințe) sunt de completat din Monitorul Oficial, partea I bis.';

export const ORD_82_2019: ChecklistTemplate = pendingTemplate({
  id: 'ord-82-2019',
  title: 'Standarde specifice minime de calitate obligatorii pentru serviciile sociale destinate persoanelor adulte cu dizabilități',
  act: { name: 'Ordinul ministrului muncii și justiției sociale nr. 82/2019', source: SOURCES.ord82, validFrom: '2019-02-08' },
  serviceCodes: ['8790 CR-D-*', '8790 CR-LP-*', '8810 CZ-D-*', '8810 ID-II'],
  serviceCodesSource: INFERRED,
  note: NOTE,
});

export const ORD_27_2019: ChecklistTemplate = pendingTemplate({
  id: 'ord-27-2019',
  title: 'Standarde minime de calitate pentru serviciile sociale de zi destinate copiilor',
  act: { name: 'Ordinul ministrului muncii și justiției sociale nr. 27/2019', source: SOURCES.ord27, validFrom: '2019-02-28' },
  serviceCodes: ['8891 CZ-C-*'],
  serviceCodesSource: INFERRED,
  note: NOTE,
});

/**
 * The order's own title (read in its text): residential services for children in special
 * protection — not street children, as the project's domain notes had it.
 */
export const ORD_25_2019: ChecklistTemplate = pendingTemplate({
  id: 'ord-25-2019',
  title: 'Standarde minime de calitate pentru serviciile sociale de tip rezidențial destinate copiilor din sistemul de protecție specială',
  act: { name: 'Ordinul ministrului muncii și justiției sociale nr. 25/2019', source: SOURCES.ord25, validFrom: '2019-02-11' },
  serviceCodes: ['8790 CR-C-I', '8790 CR-C-II'],
  serviceCodesSource: INFERRED,
  note: NOTE,
});

export const ORD_81_2019: ChecklistTemplate = pendingTemplate({
  id: 'ord-81-2019',
  title: 'Standarde minime de calitate pentru serviciile sociale organizate ca centre maternale',
  act: { name: 'Ordinul ministrului muncii și justiției sociale nr. 81/2019', source: SOURCES.ord81, validFrom: '2019-02-13' },
  serviceCodes: ['8790 CR-C-III'],
  serviceCodesSource: INFERRED,
  note: NOTE,
});

/** No code of the app's nomenclature is for this service: the officer picks the checklist by hand. */
export const ORD_1335_2020: ChecklistTemplate = pendingTemplate({
  id: 'ord-1335-2020',
  title: 'Standarde minime de calitate pentru serviciile sociale cu cazare, organizate ca centre rezidențiale de îngrijire și asistență pentru copiii victime ale traficului de persoane',
  act: { name: 'Ordinul nr. 1335/2020', source: SOURCES.ord1335, validFrom: '2020-10-14' },
  serviceCodes: [],
  serviceCodesSource: 'niciun cod în nomenclatorul aplicației; lista se alege manual',
  note: `${NOTE} Art. 3 (citit): furnizorii respectă standardele pe toată durata funcționării și le monitorizează ei înșiși.`,
});
