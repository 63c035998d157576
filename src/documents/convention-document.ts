import type { ConventionTerms } from '../conventions/amendments';
import { conventionPeriod, CONVENTION_STATES, type Convention, type ConventionUnit } from '../conventions/convention';
import { budgetLine, DEFAULT_BUDGET_CLASSIFICATION, type BudgetCommitment, type BudgetClassification } from '../conventions/payment-plan';
import { formatInteger, formatLei } from '../money';
import { describeMonths, MONTH_NAMES } from '../requests/subsidy-request';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate } from '../validation/dates';
import { documentHeader, type Signature } from './document-header';
import { blockBuilder, periodText, type BlockTable, type FinanceDocumentBase, type PartySignatures } from './finance-blocks';
import { expenseCategoryLabel } from './finance-labels';
import type { RegistryMark } from './issued-document';
import { ofOrganization } from './organization-name';

/** The convenție de subvenționare as printed (Law 34/1998 art. 1 alin. (3)). */
export interface ConventionDocument extends FinanceDocumentBase {
  conventionId: string;
  conventionNumber: string;
  /** The annexes the convention lists (the forms of templates/docx/settlement-forms.ts). */
  annexes: string[];
  /** The amount in force the document states, and the amount as signed when it differs. */
  amount: string;
  budgetLine: string;
}

export interface ConventionDocumentInput {
  convention: Convention;
  /** The terms the document states: as signed, or in force on its date. */
  terms: ConventionTerms;
  settings: InstitutionSettings;
  commitment?: BudgetCommitment;
  mark: RegistryMark;
  /** Expense category code → label (the eligible list in force); the shipped labels otherwise. */
  categoryLabels?: Readonly<Record<string, string>>;
  /** The authority's signers; by default the mayor, the director of DASM and the economic department. */
  authoritySigners?: Signature[];
}

/** The annexes of every convention, in order: the forms the NGO fills in each month. */
export const CONVENTION_ANNEXES = [
  'Anexa nr. 1 — Decontul lunar al subvenției (formular)',
  'Anexa nr. 2 — Lista nominală a beneficiarilor asistați în luna decontată',
  'Anexa nr. 3 — Situația cheltuielilor efectuate, cu documentele justificative și dovezile de plată',
];

/** "Asociația „Speranța”, cu sediul …": the provider's identification in the parties clause. */
function providerParty(c: Convention): string {
  const p = c.provider;
  const representative = p.representativeName ? `, reprezentată legal prin ${p.representativeName}${p.representativeRole ? `, în calitate de ${p.representativeRole.toLocaleLowerCase('ro-RO')}` : ''}` : '';
  const officer = p.financialOfficer ? `, și prin ${p.financialOfficer}, în calitate de responsabil financiar` : '';
  return `${p.name}, cod de identificare fiscală (CUI) ${p.cui}, cont IBAN ${p.iban}${p.bankName ? ` deschis la ${p.bankName}` : ''}${representative}${officer}, în calitate de furnizor de servicii sociale (denumit în continuare „Furnizorul”)`;
}

const unitMonths = (u: ConventionUnit) => (u.months.length === 12 ? 'ianuarie–decembrie' : describeMonths(u.months));

/** The contracted units: code, licence, beneficiaries, level, ceiling, total; with the totals. */
export function conventionUnitsTable(units: readonly ConventionUnit[]): BlockTable {
  const total = units.reduce((s, u) => s + u.annualTotal, 0);
  const beneficiaries = units.reduce((s, u) => s + u.beneficiariesPerMonth, 0);
  const ceilings = units.reduce((s, u) => s + u.monthlyCeiling, 0);
  return {
    columns: [
      { header: 'Nr.', share: 0.05, align: 'center' },
      { header: 'Unitatea de asistență socială', share: 0.21 },
      { header: 'Cod serviciu', share: 0.1 },
      { header: 'Licența de funcționare', share: 0.13 },
      { header: 'Beneficiari / lună', share: 0.09, align: 'right' },
      { header: 'Nivel lunar / beneficiar', share: 0.11, align: 'right' },
      { header: 'Luni', share: 0.1 },
      { header: 'Plafon lunar', share: 0.1, align: 'right' },
      { header: 'Total perioadă', share: 0.11, align: 'right' },
    ],
    rows: units.map((u, i) => [
      String(i + 1),
      u.unitName,
      u.serviceCode,
      `nr. ${u.licenceNumber}${u.licenceIssueDate ? ` din ${formatRoDate(u.licenceIssueDate)}` : ''}${u.licenceExpiryDate ? `, valabilă până la ${formatRoDate(u.licenceExpiryDate)}` : ''}`,
      formatInteger(u.beneficiariesPerMonth),
      formatLei(u.monthlyLevel),
      unitMonths(u),
      formatLei(u.monthlyCeiling),
      formatLei(u.annualTotal),
    ]),
    totals: [['', 'Total', '', '', formatInteger(beneficiaries), '', '', formatLei(ceilings), formatLei(total)]],
    size: 15,
  };
}

/** The eligible expense categories of each unit with their budget, and the total. */
export function expenseBudgetTable(units: readonly ConventionUnit[], labels: Readonly<Record<string, string>> = {}): BlockTable {
  const rows: string[][] = [];
  for (const u of units) {
    for (const [code, amount] of Object.entries(u.expenseBudget)) rows.push([u.unitName, expenseCategoryLabel(code, labels), formatLei(amount)]);
  }
  const total = units.reduce((s, u) => s + Object.values(u.expenseBudget).reduce((a, b) => a + b, 0), 0);
  return {
    columns: [
      { header: 'Unitatea', share: 0.36 },
      { header: 'Categoria de cheltuieli eligibile', share: 0.42 },
      { header: 'Buget alocat', share: 0.22, align: 'right' },
    ],
    rows,
    totals: [['Total', '', formatLei(total)]],
  };
}

/** "capitolul 68.02, titlul/articolul 59.11 „Asociații și fundații”" with the default labelled. */
export function classificationText(c: BudgetClassification): string {
  const text = `capitolul ${c.chapter}${c.subchapter ? `, subcapitolul ${c.subchapter}` : ''}, titlul/articolul ${c.titleArticle}${c.titleArticleLabel ? ` „${c.titleArticleLabel}”` : ''}`;
  return c.isDefault ? `${text} ([I] titlul/articolul este valoarea implicită, de confirmat cu Direcția Economică)` : text;
}

/** The authority's signers as Romanian conventions have them (names from the settings where known). */
export function authoritySignatures(settings: InstitutionSettings): Signature[] {
  return [
    { title: 'Primar', name: settings.mayor ?? '' },
    { title: `${settings.headOfInstitutionTitle || 'Director executiv'} DASM`, name: settings.headOfInstitution },
    { title: 'Direcția Economică', name: settings.economicDirector ?? '' },
    { title: 'Avizat pentru legalitate, Direcția Juridică', name: settings.legalDirector ?? '' },
  ];
}

/** The provider's signers: its legal representative and its financial officer. */
export function providerSignatures(c: Pick<Convention, 'provider'>): Signature[] {
  return [
    { title: c.provider.representativeRole || 'Reprezentant legal', name: c.provider.representativeName },
    { title: 'Responsabil financiar', name: c.provider.financialOfficer },
  ];
}

/** The "Viză CFP" line: the visa given, or the place for it. */
export function cfpLine(visa?: BudgetCommitment['cfpVisa']): string {
  return visa
    ? `Viză CFP (control financiar preventiv propriu): acordată de ${visa.by} la ${formatRoDate(visa.on)}.`
    : 'Viză CFP (control financiar preventiv propriu): ____________________   Data: ____________   Semnătura: ____________';
}

export function conventionParties(c: Convention, settings: InstitutionSettings, authoritySigners?: Signature[]): PartySignatures[] {
  return [
    { heading: 'AUTORITATEA FINANȚATOARE', name: 'Municipiul Cluj-Napoca', signers: authoritySigners ?? authoritySignatures(settings) },
    { heading: 'FURNIZORUL', name: c.provider.name, signers: providerSignatures(c) },
  ];
}

/**
 * The convention of subsidy: parties, legal basis, object with the units' table, period, eligible
 * expenses with budgets, payment and monthly settlement, obligations, control, suspension,
 * termination and recovery, final clauses, annexes, both parties' signatures and the CFP visa.
 * Where the clause's exact legal text was not read (domain.md §9), the clause is written plainly
 * and cites no article.
 */
export function buildConventionDocument(input: ConventionDocumentInput): ConventionDocument {
  const { convention: c, terms, settings } = input;
  const labels = input.categoryLabels ?? {};
  const period = conventionPeriod({ year: c.year, firstMonth: terms.firstMonth, lastMonth: terms.lastMonth });
  const classification = input.commitment?.classification ?? DEFAULT_BUDGET_CLASSIFICATION;
  const ofProvider = ofOrganization(c.provider.name, { article: 'ale', otherwise: 'administrate de' });
  const hcl = `Hotărârea Consiliului Local al Municipiului Cluj-Napoca nr. ${c.councilDecision.number} din ${formatRoDate(c.councilDecision.date)}`;
  const b = blockBuilder();

  if (c.state === 'provizorie') b.paragraph(`Convenție ${CONVENTION_STATES.provizorie.toLocaleLowerCase('ro-RO')}, până la aprobarea convențiilor definitive prin hotărâre a Consiliului Local.`, { italics: true, align: 'center' });

  b.heading('CAP. I. PĂRȚILE CONVENȚIEI');
  b.article(`${c.authority}, cu sediul în ${settings.address || 'Cluj-Napoca'}${settings.cui ? `, CUI ${settings.cui}` : ''}, în calitate de autoritate finanțatoare (denumită în continuare „Autoritatea”), și`);
  b.article(`${providerParty(c)},`);
  b.paragraph('au convenit încheierea prezentei convenții de subvenționare, cu respectarea următoarelor clauze.');

  b.heading('CAP. II. TEMEIUL LEGAL');
  b.list([
    'Legea nr. 34/1998 privind acordarea unor subvenții asociațiilor și fundațiilor române cu personalitate juridică, care înființează și administrează unități de asistență socială, cu modificările și completările ulterioare, art. 1 alin. (3) (subvențiile de la bugetul local se acordă pe baza unei convenții cu consiliul local) și art. 2 alin. (1);',
    'Normele metodologice de aplicare a prevederilor Legii nr. 34/1998, aprobate prin Hotărârea Guvernului nr. 1153/2001, cu modificările și completările ulterioare;',
    `${hcl}, prin care s-au aprobat unitățile de asistență socială subvenționate și nivelurile subvenției;`,
    ...(c.finalDecision ? [`Hotărârea Consiliului Local al Municipiului Cluj-Napoca nr. ${c.finalDecision.number} din ${formatRoDate(c.finalDecision.date)}, prin care s-au aprobat convențiile definitive;`] : []),
    'Ordinul ministrului finanțelor publice nr. 1792/2002 pentru aprobarea Normelor metodologice privind angajarea, lichidarea, ordonanțarea și plata cheltuielilor instituțiilor publice;',
  ]);

  b.heading('CAP. III. OBIECTUL CONVENȚIEI');
  b.article(`Obiectul convenției îl constituie acordarea, de la bugetul local al Municipiului Cluj-Napoca, prin Direcția de Asistență Socială și Medicală, a unei subvenții pentru unitățile de asistență socială ${ofProvider}, în vederea acordării de servicii de asistență socială persoanelor îndreptățite, astfel:`);
  b.table(conventionUnitsTable(terms.units));
  const amountText = formatLei(terms.amount);
  const original = terms.amount !== terms.originalAmount ? ` (suma inițială a convenției: ${formatLei(terms.originalAmount)}; modificată prin ${terms.applied.map((a) => a.label.split(' (')[0]).join(', ')})` : '';
  b.article(`Valoarea totală a subvenției este de ${amountText}${original}, din bugetul local, ${classificationText(classification)}${input.commitment ? `, angajamentul bugetar nr. ${input.commitment.number} din ${formatRoDate(input.commitment.date)}` : ''}.`);
  b.article(`Nivelul lunar al subvenției pe beneficiar este cel aprobat prin hotărârea consiliului local în vigoare în luna pentru care se acordă (${[...new Set(terms.units.map((u) => u.levelSource))].join('; ')}) și nu poate depăși costul mediu lunar de întreținere pentru o persoană asistată în unitățile de asistență socială publice similare (Legea nr. 34/1998, art. 2 alin. (1)).`);
  if (c.allocationNotes.length > 0) {
    b.paragraph('Mențiuni privind stabilirea sumelor:', { bold: true });
    b.list(c.allocationNotes);
  }

  b.heading('CAP. IV. DURATA CONVENȚIEI');
  b.article(`Convenția se încheie pentru perioada ${periodText(period.from, period.to)} (${MONTH_NAMES[terms.firstMonth - 1]} – ${MONTH_NAMES[terms.lastMonth - 1]} ${c.year}) și intră în vigoare la data semnării ei de către ambele părți. Subvenția se acordă numai pentru lunile din această perioadă.`);

  b.heading('CAP. V. CHELTUIELI ELIGIBILE');
  b.article('Subvenția se folosește exclusiv pentru acordarea serviciilor de asistență socială persoanelor îndreptățite, în unitățile prevăzute la Cap. III, și numai pentru cheltuielile curente eligibile de mai jos, în limita bugetului fiecărei categorii (Legea nr. 34/1998, art. 1; normele metodologice aprobate prin HG nr. 1153/2001):');
  b.table(expenseBudgetTable(terms.units, labels));
  b.article('Nu sunt eligibile cheltuielile de altă natură decât cele de mai sus, cheltuielile efectuate în afara perioadei convenției, cheltuielile fără document justificativ și dovadă a plății, cheltuielile acoperite din alte surse de finanțare și cheltuielile decontate deja prin altă convenție sau într-o altă lună.');

  b.heading('CAP. VI. ACORDAREA ȘI DECONTAREA SUBVENȚIEI');
  b.article(`Subvenția se acordă lunar, pe baza decontului lunii încheiate. Furnizorul depune decontul până la data de ${c.submissionDay} a lunii următoare celei decontate, cu anexele nr. 1–3 completate și cu copii ale documentelor justificative și ale dovezilor de plată, certificate „conform cu originalul”.`);
  b.article('Suma cuvenită pentru o lună este cea mai mică dintre: numărul persoanelor efectiv asistate în lună înmulțit cu nivelul lunar al subvenției pe beneficiar; cheltuielile eligibile justificate și plătite în lună, după deducerea altor finanțări pentru aceleași costuri; plafonul lunar al unității prevăzut la Cap. III; suma rămasă din valoarea totală a convenției.');
  b.article('Autoritatea verifică decontul și întocmește nota de verificare (lichidarea cheltuielii, „bun de plată”); suma admisă se ordonanțează și se plătește în contul Furnizorului prevăzut la art. 2, în limita creditelor bugetare aprobate, cu parcurgerea fazelor execuției bugetare (angajare, lichidare, ordonanțare, plată).');
  b.article('Un decont verificat nu se mai modifică. O corecție a unei luni verificate se înregistrează ca ajustare în decontul unei luni ulterioare.');

  b.heading('CAP. VII. OBLIGAȚIILE PĂRȚILOR');
  b.article('Autoritatea se obligă: să plătească lunar suma admisă la decontare, în limita creditelor bugetare aprobate; să comunice Furnizorului sumele refuzate la decontare și motivele refuzului; să monitorizeze modul de utilizare a subvenției și calitatea serviciilor acordate.');
  b.article(`Furnizorul se obligă: să folosească subvenția exclusiv pentru scopul și categoriile de cheltuieli prevăzute în convenție; să asigure serviciile pentru numărul de beneficiari contractat; să țină evidența nominală a beneficiarilor și a prezenței lor; să țină evidența contabilă distinctă a cheltuielilor din subvenție; să mențină valabile licența de funcționare a fiecărei unități și certificatul de acreditare ca furnizor de servicii sociale (Legea nr. 197/2012, art. 8); să comunice Autorității, de îndată, orice schimbare a datelor din convenție; să permită accesul persoanelor împuternicite de Autoritate la sediul unităților, la documente și la beneficiari; să păstreze documentele justificative cel puțin 5 ani; să restituie sumele primite și neutilizate conform convenției.`);

  b.heading('CAP. VIII. CONTROLUL');
  b.article('Autoritatea, prin Direcția de Asistență Socială și Medicală și prin compartimentele sale de specialitate, controlează utilizarea subvenției și respectarea convenției, prin verificarea deconturilor și prin vizite de monitorizare la sediul unităților subvenționate. Constatările se consemnează în scris și se comunică Furnizorului.');

  b.heading('CAP. IX. SUSPENDAREA PLĂȚII');
  b.article('Plata subvenției se suspendă pentru lunile în care licența de funcționare a unității nu este valabilă sau acreditarea Furnizorului a încetat ori a fost retrasă, precum și pe durata unei suspendări dispuse în urma constatărilor de monitorizare. Lunile din perioada suspendării nu se aprobă la plată; plata se reia după încetarea cauzei, pentru lunile în care condițiile au fost îndeplinite.');

  b.heading('CAP. X. ÎNCETAREA CONVENȚIEI');
  b.article('Convenția încetează: la expirarea perioadei pentru care a fost încheiată; prin acordul scris al părților; prin denunțare unilaterală de către Autoritate, cu notificare scrisă, atunci când Furnizorul nu își îndeplinește obligațiile, nu mai deține licența de funcționare sau acreditarea ori folosește subvenția în alt scop; prin dizolvarea sau lichidarea Furnizorului.');

  b.heading('CAP. XI. RECUPERAREA SUMELOR');
  b.article('Sumele plătite și folosite în alt scop decât cel prevăzut în convenție, sumele nejustificate la decontare și sumele plătite peste cele admise se restituie Autorității. Suma de restituit, motivul și termenul de restituire se stabilesc prin actul Autorității care le constată și se comunică Furnizorului în scris. La sfârșitul anului, Autoritatea întocmește situația finală a sumelor acordate, utilizate și de restituit.');

  b.heading('CAP. XII. DISPOZIȚII FINALE');
  b.article('Modificarea convenției se face numai prin act adițional semnat de ambele părți. Actele adiționale fac parte integrantă din convenție.');
  b.article('Litigiile se soluționează pe cale amiabilă, iar în caz contrar de instanța judecătorească competentă.');
  b.article('Anexele fac parte integrantă din convenție:');
  b.list(CONVENTION_ANNEXES);
  b.article(`Prezenta convenție s-a încheiat astăzi, ${formatRoDate(c.date)}, în două exemplare originale, câte unul pentru fiecare parte.`);

  return {
    conventionId: c.id,
    conventionNumber: c.number,
    header: documentHeader(settings),
    date: formatRoDate(c.date),
    number: input.mark.number,
    registryDate: input.mark.registryDate,
    registryNote: input.mark.registryNote,
    title: 'CONVENȚIE DE SUBVENȚIONARE',
    subtitle: `nr. ${c.number} din ${formatRoDate(c.date)}, pentru anul ${c.year}`,
    blocks: b.blocks,
    signatures: [],
    parties: conventionParties(c, settings, input.authoritySigners),
    footnote: cfpLine(input.commitment?.cfpVisa),
    orientation: 'portrait',
    annexes: CONVENTION_ANNEXES,
    amount: amountText,
    budgetLine: budgetLine(classification),
  };
}

