import type { ChecklistTemplate } from '../../../src/monitoring/checklist';
import { emptyVisit, type MonitoringVisit, type VisitDraft } from '../../../src/monitoring/visit';

/** A small standards template (two modules) for tests, shaped as Ord. MMJS 29/2019 annex 6 is. */
export const dayCentreTemplate: ChecklistTemplate = {
  id: 'test-centru-zi',
  version: 1,
  kind: 'standarde_minime',
  title: 'Centre de zi pentru adulți (test)',
  act: { name: 'Ordinul MMJS nr. 29/2019, anexa nr. 6', source: 'test', validFrom: '2019-01-16' },
  serviceCodes: ['8899 CZ-*'],
  status: 'de_completat',
  modules: [
    {
      code: 'M.I', title: 'ACCESAREA SERVICIULUI', standards: [
        { code: 'M.I-S1', title: 'INFORMARE', statement: 'Centrul informează.', expectedResults: ['Beneficiarii sunt informați.'], requirements: [
          { code: 'M.I-S1.1', text: 'Ghidul beneficiarului există.', legalBasis: 'Ord. 29/2019, anexa 6', methods: ['documente'] },
          { code: 'M.I-S1.2', text: 'Materiale informative afișate.', legalBasis: 'Ord. 29/2019, anexa 6', methods: ['observare'] },
        ] },
      ],
    },
    {
      code: 'M.II', title: 'EVALUARE ȘI PLANIFICARE', standards: [
        { code: 'M.II-S1', title: 'EVALUARE', statement: '', expectedResults: [], requirements: [
          { code: 'M.II-S1.1', text: 'Fișa de evaluare.', legalBasis: 'Ord. 29/2019, anexa 6', methods: ['documente'] },
          { code: 'M.II-S1.2', text: '', legalBasis: 'Ord. 29/2019, anexa 6', methods: ['documente'], toComplete: true },
        ] },
      ],
    },
  ],
};

export const obligationsTemplate: ChecklistTemplate = {
  id: 'obligatii-conventie',
  version: 1,
  kind: 'obligatii_conventie',
  title: 'Obligațiile convenției (test)',
  act: { name: 'Convenția de subvenționare (model)', source: 'test', validFrom: '2020-01-01' },
  serviceCodes: [],
  status: 'verificat',
  modules: [{ code: 'OC', title: 'OBLIGAȚII', standards: [{ code: 'OC-1', title: 'BENEFICIARI', statement: '', expectedResults: [], requirements: [
    { code: 'OC-1.1', text: 'Numărul beneficiarilor corespunde deconturilor.', legalBasis: 'Convenția, art. 5', methods: ['documente'] },
  ] }] }],
};

let n = 0;
export function visit(over: Partial<VisitDraft> = {}): MonitoringVisit {
  n++;
  return { ...emptyVisit({ conventionId: 'c1', unitId: 'u1', plannedDate: '2025-05-10', team: [{ name: 'Ana Pop', role: 'inspector de specialitate' }] }), id: `v${n}`, createdAt: `2025-01-01T00:00:0${n % 10}Z`, updatedAt: '', version: 1, ...over };
}
