import type { ChecklistTemplate } from '../checklist';
import { METHODS, ord29Annex, ord29Basis, SOURCES } from './sources';

/**
 * Ord. MMJS 29/2019, anexa nr. 3 — centre rezidențiale pentru tinerii care părăsesc sistemul de
 * protecție a copilului. Copied (SOURCES.ord29Annex3): the service codes as the annex's title
 * writes them, module I's title and range, standard 1's title, statement and expected results. The
 * text of M.I-S1.1 was cut in the page read: "de completat".
 */
export const ORD_29_2019_ANEXA_3: ChecklistTemplate = {
  id: 'ord-29-2019-anexa-3',
  version: 1,
  kind: 'standarde_minime',
  title: 'Servicii sociale cu cazare, organizate ca centre rezidențiale pentru tinerii care părăsesc sistemul de protecție a copilului',
  act: ord29Annex(3, SOURCES.ord29Annex3),
  // As the annex's title writes them ("cod 8790 CRT-I și 8790 CR-II").
  serviceCodes: ['8790 CRT-I', '8790 CR-II'],
  serviceCodesSource: 'titlul anexei nr. 3, așa cum îl scrie textul publicat',
  modules: [
    {
      code: 'M.I',
      title: 'ACCESAREA SERVICIULUI (Standarde 1-3)',
      toComplete: true,
      standards: [
        {
          code: 'M.I-S1',
          title: 'INFORMARE',
          toComplete: true,
          statement: 'Centrul rezidențial realizează informarea potențialilor beneficiari și a publicului cu privire la scopul său/funcțiile sale și serviciile oferite',
          expectedResults: ['Potențialii beneficiari au acces la informații referitoare la modul de organizare și funcționare a centrului rezidențial, scopul/funcțiile acestuia, condițiile de admitere și oferta de servicii, drepturile și obligațiile persoanelor beneficiare.'],
          requirements: [{ code: 'M.I-S1.1', text: '', legalBasis: ord29Basis(3, 'M.I-S1.1'), methods: METHODS.informare, toComplete: true }],
        },
      ],
    },
  ],
  note: 'Copiate din textul ordinului: codurile serviciilor, titlul modulului I, titlul, enunțul și rezultatele așteptate ale standardului 1. De completat: textul cerinței M.I-S1.1, celelalte cerințe, standardele 2–3 și celelalte module.',
  status: 'de_completat',
};
