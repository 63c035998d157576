import type { ChecklistTemplate } from '../checklist';
import { ord29Annex, SOURCES } from './sources';

/**
 * Ord. MMJS 29/2019, anexa nr. 6 — centre de zi pentru persoane adulte (the day centres Cluj-Napoca
 * funds). The page read (SOURCES.ord29Annex6) gives the annex's title with the service codes it
 * applies to, copied here; its modules, standards and requirements were not in the part read and
 * are "de completat". (The 2014 annex 6 of Ord. 2126/2014, which this one replaced, is not copied:
 * it is no longer in force.)
 */
export const ORD_29_2019_ANEXA_6: ChecklistTemplate = {
  id: 'ord-29-2019-anexa-6',
  version: 1,
  kind: 'standarde_minime',
  title: 'Servicii sociale acordate în comunitate, organizate ca centre de zi destinate persoanelor adulte',
  act: ord29Annex(6, SOURCES.ord29Annex6),
  serviceCodes: ['8810 CZ-V-I', '8810 CZ-V-II', '8899 CZ-PN-I', '8899 CZ-VTP-I', '8899 CZ-VTP-II', '8899 CZ-PFA-I', '8899 CZ-PFA-II', '8899 CZ-PN-IV'],
  serviceCodesSource: 'titlul anexei nr. 6 („Centre de zi de asistență și recuperare, cod 8810 CZ-V-I, … Centre de zi de integrare/reintegrare socială, cod 8899 CZ-PN-IV”)',
  modules: [],
  note: 'Copiate din textul ordinului: titlul anexei și codurile serviciilor. De completat din Monitorul Oficial nr. 121 bis/2019: modulele, standardele și cerințele (adăugați-le în editorul listei de verificare).',
  status: 'de_completat',
};
