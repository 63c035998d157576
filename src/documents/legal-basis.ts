import type { FundingLaw } from '../rounds/funding-round';

/**
 * The acts a results report cites in its "Temeiul legal", in one place. Each act says for which
 * funding laws and which version of the report it is cited. Titles are the acts' own; where an
 * act's title was not read (the HCL), the text describes what it approved instead of quoting it.
 */
export type ReportKind = 'raport_specialitate' | 'referat_aprobare';

export interface LegalBasisAct {
  code: string;
  text: string;
  laws: readonly FundingLaw[];
  reports: readonly ReportKind[];
}

const BOTH_LAWS: readonly FundingLaw[] = ['legea_34_1998', 'legea_350_2005'];
const BOTH_REPORTS: readonly ReportKind[] = ['raport_specialitate', 'referat_aprobare'];

export const REPORT_LEGAL_BASIS: readonly LegalBasisAct[] = [
  {
    code: 'legea_34_1998',
    text: 'Legea nr. 34/1998 privind acordarea unor subvenții asociațiilor și fundațiilor române cu personalitate juridică, care înființează și administrează unități de asistență socială, cu modificările și completările ulterioare;',
    laws: ['legea_34_1998'],
    reports: BOTH_REPORTS,
  },
  {
    code: 'hg_1153_2001',
    text: 'Normele metodologice de aplicare a prevederilor Legii nr. 34/1998, aprobate prin Hotărârea Guvernului nr. 1153/2001, cu modificările și completările ulterioare;',
    laws: ['legea_34_1998'],
    reports: BOTH_REPORTS,
  },
  {
    code: 'legea_350_2005',
    text: 'Legea nr. 350/2005 privind regimul finanțărilor nerambursabile din fonduri publice alocate pentru activități nonprofit de interes general, cu modificările și completările ulterioare;',
    laws: ['legea_350_2005'],
    reports: BOTH_REPORTS,
  },
  {
    // HCL 788/2022 (domain.md §2): categories of services, monthly levels and eligible expenses for Cluj-Napoca; title not read, described.
    code: 'hcl_788_2022',
    text: 'Hotărârea Consiliului Local al Municipiului Cluj-Napoca nr. 788/2022, prin care s-au aprobat categoriile de servicii sociale subvenționate, nivelul mediu lunar al subvenției pe beneficiar și categoriile de cheltuieli eligibile;',
    laws: ['legea_34_1998'],
    reports: BOTH_REPORTS,
  },
  {
    // Legea 273/2006: the subsidy is spent from the local budget.
    code: 'legea_273_2006',
    text: 'Legea nr. 273/2006 privind finanțele publice locale, cu modificările și completările ulterioare;',
    laws: BOTH_LAWS,
    reports: BOTH_REPORTS,
  },
  {
    // OUG 57/2019 art. 129: the local council's powers, social services among them.
    code: 'oug_57_2019_art_129',
    text: 'art. 129 din Ordonanța de urgență a Guvernului nr. 57/2019 privind Codul administrativ, cu modificările și completările ulterioare, privind atribuțiile consiliului local în domeniul serviciilor sociale;',
    laws: BOTH_LAWS,
    reports: BOTH_REPORTS,
  },
  {
    // OUG 57/2019 art. 136: a draft decision goes to the council with the specialty report of the competent department.
    code: 'oug_57_2019_art_136',
    text: 'art. 136 din Ordonanța de urgență a Guvernului nr. 57/2019 privind Codul administrativ, cu modificările și completările ulterioare, privind raportul compartimentului de specialitate care însoțește proiectul de hotărâre;',
    laws: BOTH_LAWS,
    reports: ['raport_specialitate'],
  },
];

/** The acts cited by a report of `kind` for a round under `law`, in citing order. */
export function reportLegalBasis(law: FundingLaw, kind: ReportKind, acts: readonly LegalBasisAct[] = REPORT_LEGAL_BASIS): string[] {
  return acts.filter((a) => a.laws.includes(law) && a.reports.includes(kind)).map((a) => a.text);
}
