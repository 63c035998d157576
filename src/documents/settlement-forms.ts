import type { ConventionTerms } from '../conventions/amendments';
import type { Convention, ConventionUnit } from '../conventions/convention';
import { formatInteger, formatLei } from '../money';
import { DOCUMENT_TYPES, PROOF_KINDS } from '../settlements/monthly-settlement';
import { persons } from '../settlements/monthly-subsidy-due';
import { maskCnp } from '../validation/cnp';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate } from '../validation/dates';
import type { Signature } from './document-header';
import { blockBuilder, type FinanceDocumentBase } from './finance-blocks';
import { expenseCategoryLabel } from './finance-labels';

/** The blank annexes of a convention the NGO fills in each month (anexele nr. 1–3). */
export interface SettlementForms {
  conventionId: string;
  /** Decontul lunar, lista nominală, situația cheltuielilor: one document each, in order. */
  annexes: FinanceDocumentBase[];
}

export interface SettlementFormsInput {
  convention: Convention;
  /** The terms in force (units, beneficiaries, ceilings, budgets); the convention as signed otherwise. */
  terms?: Pick<ConventionTerms, 'units'>;
  categoryLabels?: Readonly<Record<string, string>>;
  /** The institution the forms are submitted to. */
  settings?: Pick<InstitutionSettings, 'name'>;
}

/** Empty rows of the nominal list: the contracted beneficiaries, and a few more. */
const EXTRA_ROWS = 5;
const EXPENSE_ROWS = 25;
/** 0,7 cm: room to write by hand. */
const HAND_ROW = 400;
const blank = (n: number) => Array.from({ length: n }, () => '');

const EXAMPLE_CNP = '1630615123457';

function providerSigners(c: Convention): Signature[] {
  return [
    { title: c.provider.representativeRole || 'Reprezentant legal', name: c.provider.representativeName },
    { title: 'Responsabil financiar', name: c.provider.financialOfficer },
  ];
}

function base(c: Convention, annex: number, title: string, subtitle: string, orientation: 'portrait' | 'landscape'): Omit<FinanceDocumentBase, 'blocks'> {
  return {
    header: { lines: [c.provider.name], contactLine: `CUI ${c.provider.cui} · IBAN ${c.provider.iban}${c.provider.bankName ? ` · ${c.provider.bankName}` : ''}` },
    date: '',
    title,
    subtitle: `Anexa nr. ${annex} la Convenția de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}${subtitle ? ` — ${subtitle}` : ''}`,
    signatures: providerSigners(c),
    orientation,
    isForm: true,
  };
}

const unitLine = (u: ConventionUnit) => `${u.unitName} (${u.serviceCode}; licența nr. ${u.licenceNumber})`;

/**
 * The three blank forms: the monthly settlement (units with their contracted beneficiaries and
 * ceilings, the categories with their budgets, to fill in), the nominal list of beneficiaries
 * (name, CNP masked to its last four digits, days present) and the expense statement (document,
 * supplier, amount, category, proof of payment).
 */
export function buildSettlementForms(input: SettlementFormsInput): SettlementForms {
  const c = input.convention;
  const units = input.terms?.units ?? c.units;
  const labels = input.categoryLabels ?? {};

  const one = blockBuilder();
  one.fields([
    ['Luna decontată', `______________________ ${c.year}`],
    ['Data depunerii', '____________ (până la data de ' + c.submissionDay + ' a lunii următoare)'],
    [`Nr. de înregistrare la ${input.settings?.name || 'DASM'}`, '____________'],
  ]);
  one.heading('1. Beneficiari și sume solicitate, pe unități');
  one.table({
    columns: [
      { header: 'Unitatea de asistență socială', share: 0.3 },
      { header: 'Beneficiari contractați', share: 0.12, align: 'right' },
      { header: 'Beneficiari efectiv asistați', share: 0.13 },
      { header: 'Zile de serviciu', share: 0.1 },
      { header: 'Plafon lunar', share: 0.15, align: 'right' },
      { header: 'Suma solicitată (lei)', share: 0.2 },
    ],
    rows: units.map((u) => [unitLine(u), formatInteger(u.beneficiariesPerMonth), '', '', formatLei(u.monthlyCeiling), '']),
    totals: [['Total', formatInteger(units.reduce((s, u) => s + u.beneficiariesPerMonth, 0)), '', '', formatLei(units.reduce((s, u) => s + u.monthlyCeiling, 0)), '']],
  });
  one.heading('2. Cheltuieli eligibile, pe categorii');
  one.table({
    columns: [
      { header: 'Unitatea', share: 0.22 },
      { header: 'Categoria de cheltuieli', share: 0.26 },
      { header: 'Buget în convenție', share: 0.14, align: 'right' },
      { header: 'Cheltuieli în luna decontată', share: 0.13 },
      { header: 'Cumulat de la începutul convenției', share: 0.13 },
      { header: 'Din care din alte surse', share: 0.12 },
    ],
    rows: units.flatMap((u) => Object.entries(u.expenseBudget).map(([code, amount]) => [u.unitName, expenseCategoryLabel(code, labels), formatLei(amount), '', '', ''])),
    totals: [['Total', '', formatLei(units.reduce((s, u) => s + Object.values(u.expenseBudget).reduce((a, b) => a + b, 0), 0)), '', '', '']],
  });
  one.paragraph('Se anexează: lista nominală a beneficiarilor (anexa nr. 2), situația cheltuielilor (anexa nr. 3) și copii ale documentelor justificative și ale dovezilor de plată, certificate „conform cu originalul”.');
  one.paragraph('Declarăm pe propria răspundere că datele din prezentul decont sunt reale, că serviciile au fost acordate persoanelor din lista nominală, că cheltuielile au fost efectuate și plătite pentru unitățile subvenționate și nu au fost decontate din alte surse de finanțare sau printr-un alt decont.', { italics: true });

  const two = blockBuilder();
  two.fields([['Luna decontată', `______________________ ${c.year}`]]);
  two.paragraph(`CNP-ul se trece mascat, numai cu ultimele patru cifre (de exemplu ${maskCnp(EXAMPLE_CNP)}): datele personale ale beneficiarilor nu se transmit integral. Lista completă, cu CNP-urile, rămâne la sediul furnizorului și se prezintă la control.`, { italics: true });
  units.forEach((u, i) => {
    two.heading(`${i + 1}. ${unitLine(u)} — ${persons(u.beneficiariesPerMonth)} contractați pe lună`);
    two.table({
      columns: [
        { header: 'Nr.', share: 0.07, align: 'center' },
        { header: 'Numele și prenumele', share: 0.38 },
        { header: 'CNP (ultimele 4 cifre)', share: 0.18 },
        { header: 'Zile de prezență', share: 0.12 },
        { header: 'Observații', share: 0.25 },
      ],
      rows: Array.from({ length: u.beneficiariesPerMonth + EXTRA_ROWS }, (_, r) => [String(r + 1), '', '•••••••••____', '', '']),
      totals: [['', 'Total beneficiari asistați', '', '', '']],
      minRowHeight: HAND_ROW,
    });
  });

  const three = blockBuilder();
  three.fields([['Luna decontată', `______________________ ${c.year}`]]);
  three.table({
    columns: [
      { header: 'Nr.', share: 0.04, align: 'center' },
      { header: 'Unitatea', share: 0.11 },
      { header: 'Tipul documentului', share: 0.1 },
      { header: 'Nr. document', share: 0.08 },
      { header: 'Data', share: 0.07 },
      { header: 'Furnizorul', share: 0.13 },
      { header: 'Suma (lei)', share: 0.08 },
      { header: 'Categoria de cheltuieli', share: 0.12 },
      { header: 'Dovada plății: tip', share: 0.09 },
      { header: 'Nr. / data plății', share: 0.08 },
      { header: 'Registrul de casă (numerar)', share: 0.1 },
    ],
    rows: Array.from({ length: EXPENSE_ROWS }, (_, r) => [String(r + 1), ...blank(10)]),
    totals: [['', 'Total', '', '', '', '', '', '', '', '', '']],
    size: 15,
    minRowHeight: HAND_ROW,
  });
  three.paragraph('Tipuri de documente justificative: ' + Object.values(DOCUMENT_TYPES).join('; ') + '.', { italics: true });
  three.paragraph('Dovada plății: ' + Object.values(PROOF_KINDS).join('; ') + '. Fiecare cheltuială are document justificativ pe numele furnizorului și dovada plății din luna decontată.', { italics: true });
  three.paragraph('Categorii eligibile în convenție: ' + [...new Set(units.flatMap((u) => Object.keys(u.expenseBudget)))].map((code) => expenseCategoryLabel(code, labels)).join('; ') + '.', { italics: true });

  return {
    conventionId: c.id,
    annexes: [
      { ...base(c, 1, 'DECONT LUNAR', 'decontul subvenției pentru o lună', 'portrait'), blocks: one.blocks },
      { ...base(c, 2, 'LISTA NOMINALĂ A BENEFICIARILOR', 'persoanele asistate în luna decontată', 'portrait'), blocks: two.blocks },
      { ...base(c, 3, 'SITUAȚIA CHELTUIELILOR', 'documente justificative și dovezi de plată', 'landscape'), blocks: three.blocks },
    ],
  };
}
