// A day centre of an NGO whose name has every Romanian diacritic, visited unannounced by a team of
// two, with its canteen checklist and the convention's obligations answered: the inputs of the
// monitoring document tests.
import type { MonitoredParty, ReportChecklist, VisitData } from '../../../src/documents/monitoring-common';
import type { MonitoringReportInput } from '../../../src/documents/monitoring-report';
import { institution } from '../templates/fixtures';

export const settings = institution();
export const NGO = 'Asociația „Șansa Țării Românești”';

export const party = (): MonitoredParty => ({
  organization: { name: NGO, cui: '30000017', address: 'str. Horea nr. 3, Cluj-Napoca, jud. Cluj', representativeName: 'Ion Țăranu', representativeRole: 'Președinte' },
  unit: {
    name: 'Cantina socială „Pâinea noastră”',
    address: 'str. Fabricii nr. 12, Cluj-Napoca',
    serviceCode: '8899 CPDH-I',
    serviceName: 'Cantină socială',
    licenceNumber: '0010073',
    licenceIssueDate: '2023-03-14',
    licenceExpiryDate: '2028-03-13',
    licensingAuthority: 'AJPIS Cluj',
  },
  convention: { number: '17', date: '2026-01-20' },
});

export const visit = (): VisitData => ({
  date: '2026-11-18',
  announced: false,
  place: 'la sediul unității, str. Fabricii nr. 12',
  team: [{ name: 'Elena Mureșan', role: 'Inspector' }, { name: 'Andrei Șerban', role: 'Consilier' }],
});

export const checklists = (): ReportChecklist[] => [
  {
    title: 'Cantina socială',
    act: 'Ordinul ministrului muncii și justiției sociale nr. 29/2019, anexa nr. 9',
    modules: [
      {
        code: 'M.I',
        title: 'ACCESAREA SERVICIULUI (Standarde 1-3)',
        items: [{ code: 'M.I-S1.1', text: 'Cantina pune la dispoziția beneficiarilor … materiale informative privind serviciile oferite.', result: 'partial', evidence: 'Pliantul nu menționează costul mesei.' }],
        totals: { points: 2, maxPoints: 3, conform: 0, partial: 1, nonCompliant: 0, notApplicable: 0, unanswered: 0 },
      },
    ],
  },
  {
    title: 'Obligațiile furnizorului din convenția de subvenționare',
    act: 'Convenția de subvenționare — modelul aplicației',
    modules: [
      {
        code: 'OC',
        title: 'OBLIGAȚIILE DIN CONVENȚIE',
        items: [
          { code: 'OC-S1.1', text: 'Numărul beneficiarilor prezenți corespunde decontului.', result: 'neconform', evidence: '31 de beneficiari prezenți, 40 declarați în decont.' },
          { code: 'OC-S1.2', text: 'Evidența nominală a beneficiarilor.', result: 'conform', evidence: 'Registrul de prezență la zi.' },
          { code: 'OC-S3.1', text: 'Vizibilitatea finanțării.', result: 'nu_se_aplica' },
        ],
        totals: { points: 3, maxPoints: 6, conform: 1, partial: 0, nonCompliant: 1, notApplicable: 1, unanswered: 0 },
      },
    ],
  },
];

export const reportInput = (over: Partial<MonitoringReportInput> = {}): MonitoringReportInput => ({
  ...party(),
  settings,
  mark: { number: '1204', registryDate: '20.11.2026' },
  date: '2026-11-20',
  visit: visit(),
  checklists: checklists(),
  beneficiaryCheck: { month: 'noiembrie 2026', present: 31, onRegister: 38, claimed: 40, margin: '10%', discrepancy: true },
  findings: [
    { number: '1', severity: 'majoră', description: 'Numărul beneficiarilor prezenți (31) este mai mic cu 22,5% decât cel declarat în decont (40).', reference: 'OC-S1.1 (obligațiile din convenție)' },
    { number: '2', severity: 'minoră', description: 'Materialele informative nu cuprind costul mesei.', reference: 'M.I-S1.1 (Ord. MMJS nr. 29/2019, anexa nr. 9)' },
  ],
  recommendations: [
    { text: 'Actualizarea registrului de prezență și corectarea decontului pe noiembrie.', responsible: 'Ion Țăranu', deadline: '2026-12-10', findingNumber: '1' },
    { text: 'Completarea pliantului cu costul mesei.', responsible: 'Maria Ilieș', deadline: '2027-01-15', findingNumber: '2' },
  ],
  conclusions: 'Unitatea funcționează cu licență valabilă; se constată o diferență între beneficiarii prezenți și cei declarați, de remediat până la 10.12.2026.',
  ...over,
});
