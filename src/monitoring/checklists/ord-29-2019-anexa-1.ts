import type { ChecklistTemplate } from '../checklist';
import { METHODS, ord29Annex, ord29Basis, SOURCES } from './sources';

/**
 * Ord. MMJS 29/2019, anexa nr. 1 — centre rezidențiale pentru persoane vârstnice. Copied from the
 * consolidated text (SOURCES.ord29Annex1): the service codes of the title, module I's title and
 * range ("Standardele 1-3"), and standard 1's title and statement. Its expected results were cut in
 * the page read, so they and every requirement are "de completat".
 */
export const ORD_29_2019_ANEXA_1: ChecklistTemplate = {
  id: 'ord-29-2019-anexa-1',
  version: 1,
  kind: 'standarde_minime',
  title: 'Servicii sociale cu cazare organizate ca centre rezidențiale destinate persoanelor vârstnice',
  act: ord29Annex(1, SOURCES.ord29Annex1),
  serviceCodes: ['8730 CR-V-I', '8730 CR-V-II', '8790 CR-PD-I', '8790 CR-PD-II'],
  serviceCodesSource: 'titlul anexei nr. 1 (forma consolidată)',
  modules: [
    {
      code: 'M.I',
      title: 'ACCESAREA SERVICIULUI (Standardele 1-3)',
      toComplete: true,
      standards: [
        {
          code: 'M.I-S1',
          title: 'INFORMARE',
          toComplete: true,
          statement: 'Centrul rezidențial realizează informarea potențialilor beneficiari/reprezentanților legali și/sau membrilor de familie cu privire la scopul său/funcțiile sale și serviciile oferite',
          expectedResults: [],
          requirements: [{ code: 'M.I-S1.1', text: '', legalBasis: ord29Basis(1, 'M.I-S1.1'), methods: METHODS.informare, toComplete: true }],
        },
      ],
    },
  ],
  note: 'Copiate din textul ordinului: codurile serviciilor, titlul modulului I și enunțul standardului 1. De completat din Monitorul Oficial nr. 121 bis/2019: rezultatele așteptate ale standardului 1, cerințele, standardele 2–3 și celelalte module.',
  status: 'de_completat',
};
