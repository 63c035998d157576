import type { ChecklistTemplate } from '../checklist';

/**
 * The convention's obligations, checked on every visit whatever the service. These are the app's
 * own items, not an order's text: each basis names the clause of the app's convention model
 * (src/documents/convention-document.ts, drawn up after HG 1153/2001) or the law the clause
 * cites, and says so where an item is only a good practice of the office.
 */
const CONVENTION = 'Convenția de subvenționare (modelul aplicației, după HG nr. 1153/2001)';
const OWN = 'cerință proprie a Serviciului (nu este o clauză a modelului de convenție)';

export const OBLIGATII_CONVENTIE: ChecklistTemplate = {
  id: 'obligatii-conventie',
  version: 1,
  kind: 'obligatii_conventie',
  title: 'Obligațiile furnizorului din convenția de subvenționare',
  act: {
    name: 'Convenția de subvenționare — modelul aplicației (Legea nr. 34/1998; HG nr. 1153/2001)',
    source: 'clauzele Cap. VI–IX ale modelului de convenție din aplicație; cerințele proprii sunt marcate ca atare',
    // The app's own model: not a legal date, the year the office began using it for conventions.
    validFrom: '2025-01-01',
  },
  serviceCodes: [],
  modules: [
    {
      code: 'OC',
      title: 'OBLIGAȚIILE DIN CONVENȚIE',
      standards: [
        {
          code: 'OC-S1',
          title: 'BENEFICIARII',
          statement: 'Furnizorul asigură serviciile pentru numărul de beneficiari contractat și ține evidența nominală a beneficiarilor și a prezenței lor.',
          expectedResults: ['Numărul beneficiarilor observați și înscriși în evidența unității corespunde numărului declarat în decontul lunii.'],
          requirements: [
            {
              code: 'OC-S1.1',
              text: 'Numărul beneficiarilor prezenți și înscriși în registrul unității corespunde numărului declarat în decontul lunii vizitei (în marja stabilită).',
              legalBasis: `${CONVENTION}, Cap. VI (decontul lunar) și Cap. VII (obligațiile furnizorului)`,
              methods: ['documente', 'observare'],
            },
            {
              code: 'OC-S1.2',
              text: 'Unitatea ține evidența nominală a beneficiarilor și a prezenței lor (registru, fișe, liste de prezență).',
              legalBasis: `${CONVENTION}, Cap. VII`,
              methods: ['documente', 'interviu_personal'],
            },
          ],
        },
        {
          code: 'OC-S2',
          title: 'CHELTUIELILE',
          statement: 'Subvenția se folosește exclusiv pentru scopul și categoriile de cheltuieli prevăzute în convenție.',
          expectedResults: ['Cheltuielile decontate din subvenție aparțin categoriilor eligibile ale convenției și au documente justificative la sediu.'],
          requirements: [
            {
              code: 'OC-S2.1',
              text: 'Cheltuielile decontate corespund categoriilor eligibile din convenție, iar documentele justificative și evidența contabilă distinctă se află la sediu.',
              legalBasis: `Legea nr. 34/1998, art. 1; HG nr. 1153/2001, art. 2 alin. (2)–(3); ${CONVENTION}, Cap. VII`,
              methods: ['documente'],
            },
          ],
        },
        {
          code: 'OC-S3',
          title: 'VIZIBILITATEA FINANȚĂRII',
          statement: 'Finanțarea din bugetul local este adusă la cunoștința beneficiarilor și a publicului.',
          expectedResults: ['La sediul unității și în materialele ei este menționată subvenția din bugetul local.'],
          requirements: [
            {
              code: 'OC-S3.1',
              text: 'La sediul unității și în materialele de informare este menționată finanțarea din bugetul local al municipiului.',
              legalBasis: OWN,
              methods: ['observare', 'documente'],
            },
          ],
        },
        {
          code: 'OC-S4',
          title: 'LICENȚA ȘI ACREDITAREA',
          statement: 'Furnizorul menține valabile licența de funcționare a fiecărei unități și certificatul de acreditare.',
          expectedResults: ['Licența de funcționare și certificatul de acreditare sunt valabile la data vizitei, iar datele lor sunt înregistrate corect în aplicație.'],
          requirements: [
            {
              code: 'OC-S4.1',
              text: 'Licența de funcționare a unității este valabilă la data vizitei (număr, dată, termen de valabilitate verificate pe original).',
              legalBasis: `Legea nr. 197/2012, art. 8; ${CONVENTION}, Cap. VII și Cap. IX`,
              methods: ['documente', 'observare'],
            },
            {
              code: 'OC-S4.2',
              text: 'Certificatul de acreditare al furnizorului este valabil (nu a încetat și nu a fost retras).',
              legalBasis: `Legea nr. 197/2012, art. 8; ${CONVENTION}, Cap. VII și Cap. IX`,
              methods: ['documente'],
            },
            {
              code: 'OC-S4.3',
              text: 'Autoritatea care a emis licența (agenția județeană pentru plăți și inspecție socială sau Ministerul) este înregistrată în fișa unității.',
              legalBasis: OWN,
              methods: ['documente'],
            },
          ],
        },
      ],
    },
  ],
  note: 'Cerințe proprii ale aplicației, formulate după clauzele modelului de convenție; nu reproduc textul unui act normativ.',
  status: 'verificat',
};
