import type { ChecklistTemplate } from '../checklist';
import { METHODS, ord29Annex, ord29Basis, SOURCES } from './sources';

/**
 * Ord. MMJS 29/2019, anexa nr. 9 — cantina socială. Copied (SOURCES.ord29Annex9): the service code
 * of the title, module I's title and range, standard 1's title, statement and expected results,
 * and the first sentence of M.I-S1.1 (the requirement itself; the explanations under it and its
 * indicator were cut in the page read and are read in the order).
 */
export const ORD_29_2019_ANEXA_9: ChecklistTemplate = {
  id: 'ord-29-2019-anexa-9',
  version: 1,
  kind: 'standarde_minime',
  title: 'Cantina socială',
  act: ord29Annex(9, SOURCES.ord29Annex9),
  serviceCodes: ['8899 CPDH-I'],
  serviceCodesSource: 'titlul anexei nr. 9 („pentru cantina socială, cod 8899 CPDH-I”)',
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
          statement: 'Cantina socială asigură informarea potențialilor beneficiari și a oricăror persoane interesate cu privire la activitățile desfășurate și serviciile oferite',
          expectedResults: ['Persoanele interesate au acces la informații referitoare la modul de organizare și funcționare a cantinei sociale, condițiile de admitere și oferta de servicii, drepturile și obligațiile persoanelor beneficiare'],
          requirements: [
            {
              code: 'M.I-S1.1',
              text: 'Cantina pune la dispoziția beneficiarilor/reprezentanților legali/convenționali (ai beneficiarului/ai familiei acestuia) sau oricărei alte persoane interesate materiale informative privind serviciile oferite.',
              legalBasis: `${ord29Basis(9, 'M.I-S1.1')} (prima frază; precizările și indicatorul cerinței se citesc în ordin)`,
              methods: METHODS.informare,
            },
          ],
        },
      ],
    },
  ],
  note: 'Copiate din textul ordinului: codul serviciului, titlul modulului I, standardul 1 (titlu, enunț, rezultate așteptate) și prima frază a cerinței M.I-S1.1. De completat: precizările cerinței M.I-S1.1, celelalte cerințe ale standardului 1, standardele 2–3 și celelalte module.',
  status: 'de_completat',
};
