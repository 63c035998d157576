import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader } from './document-header';
import { blockBuilder } from './finance-blocks';
import type { RegistryMark } from './issued-document';
import {
  beneficiaries, identificationFields, monitoringSignatures, acknowledgementOf, pointsText, recommendationsTable, resultLabel,
  type FindingEntry, type MonitoredParty, type MonitoringDocument, type RecommendationEntry, type ReportChecklist, type VisitData,
} from './monitoring-common';

/** Beneficiaries seen on the visit against the month's settlement (the caller decides whether it is a discrepancy). */
export interface BeneficiaryCheck {
  /** "noiembrie 2026": the settlement's month. */
  month: string;
  present: number;
  onRegister: number;
  /** The count the settlement claims; undefined when the month has no settlement yet. */
  claimed?: number;
  /** The margin allowed, as text ("10%", "2 beneficiari"). */
  margin: string;
  discrepancy: boolean;
  note?: string;
}

export interface MonitoringReportInput extends MonitoredParty {
  settings: InstitutionSettings;
  mark: RegistryMark;
  /** The report's date. */
  date: IsoDate;
  visit: VisitData;
  checklists: ReportChecklist[];
  beneficiaryCheck: BeneficiaryCheck;
  findings: FindingEntry[];
  recommendations: RecommendationEntry[];
  conclusions: string;
}

export interface MonitoringReport extends MonitoringDocument {
  /** Per checklist and module: "M.I — 14 din 18 puncte (77,8%)", for the register and the tests. */
  moduleTotals: string[];
}

/**
 * "Raport de monitorizare": the identification of the NGO, the unit, its service and licence, the
 * convention and the visit; the checklist by module with the result and evidence of every item and
 * the module's totals; the beneficiaries seen against the settlement; the findings; the
 * recommendations with who answers for them and by when; the conclusions; the team's and the NGO
 * representative's signatures. A report that replaces an earlier one names it under its number
 * (the register's note).
 */
export function buildMonitoringReport(input: MonitoringReportInput): MonitoringReport {
  const { visit, settings } = input;
  const b = blockBuilder();
  b.paragraph(
    `În temeiul Legii nr. 34/1998 și al Convenției de subvenționare nr. ${input.convention.number} din ${formatRoDate(input.convention.date)} (Cap. VIII — Controlul), echipa de monitorizare a efectuat în data de ${formatRoDate(visit.date)} o vizită ${visit.announced ? 'anunțată' : 'neanunțată'} ${visit.place}, pentru a verifica respectarea standardelor minime de calitate ale serviciului și a obligațiilor din convenție. Constatările sunt următoarele.`,
  );
  b.heading('1. Date de identificare');
  b.fields(identificationFields(input, visit));

  b.heading('2. Lista de verificare');
  const moduleTotals: string[] = [];
  if (input.checklists.length === 0) b.paragraph('Nu s-a completat nicio listă de verificare la această vizită.');
  input.checklists.forEach((checklist, ci) => {
    b.paragraph(`2.${ci + 1}. ${checklist.title} (${checklist.act})`, { bold: true });
    if (checklist.modules.length === 0) b.paragraph('Lista nu are încă cerințe copiate din act (de completat).', { italics: true });
    for (const module of checklist.modules) {
      const t = module.totals;
      b.paragraph(`${module.code} — ${module.title}`, { bold: true });
      b.table({
        columns: [
          { header: 'Cod', share: 0.12 },
          { header: 'Cerința', share: 0.4 },
          { header: 'Rezultat', share: 0.13, align: 'center' },
          { header: 'Dovezi / observații', share: 0.35 },
        ],
        rows: module.items.map((item) => [item.code, item.text || '(text de completat din act)', resultLabel(item.result), item.evidence ?? '']),
        totals: [['Total', `conform ${t.conform} · parțial ${t.partial} · neconform ${t.nonCompliant} · nu se aplică ${t.notApplicable}${t.unanswered ? ` · neevaluate ${t.unanswered}` : ''}`, pointsText(t), '']],
      });
      moduleTotals.push(`${module.code} — ${pointsText(t)}`);
    }
  });

  b.heading('3. Beneficiarii');
  const bc = input.beneficiaryCheck;
  b.fields([
    ['Beneficiari prezenți la vizită', beneficiaries(bc.present)],
    ['Beneficiari înscriși în registrul unității', beneficiaries(bc.onRegister)],
    [`Beneficiari declarați în decontul pe ${bc.month}`, bc.claimed === undefined ? 'decont nedepus' : beneficiaries(bc.claimed)],
    ['Marja admisă', bc.margin],
  ]);
  b.paragraph(
    bc.discrepancy
      ? `Numărul beneficiarilor constatat diferă de cel declarat în decont peste marja admisă: diferența se consemnează ca și constatare.${bc.note ? ` ${bc.note}` : ''}`
      : `Numărul beneficiarilor constatat corespunde, în marja admisă, celui declarat în decont.${bc.note ? ` ${bc.note}` : ''}`,
  );

  b.heading('4. Constatări');
  if (input.findings.length === 0) b.paragraph('Nu s-au constatat neconformități.');
  else
    b.table({
      columns: [
        { header: 'Nr.', share: 0.06, align: 'center' },
        { header: 'Gravitatea', share: 0.12 },
        { header: 'Constatarea', share: 0.56 },
        { header: 'Cerința', share: 0.26 },
      ],
      rows: input.findings.map((f) => [f.number, f.severity, f.description, f.reference ?? '—']),
    });

  b.heading('5. Recomandări');
  if (input.recommendations.length === 0) b.paragraph('Nu s-au formulat recomandări.');
  else {
    b.paragraph('Furnizorul raportează în scris, până la fiecare termen, modul de îndeplinire a recomandărilor, cu documentele doveditoare.');
    const table = recommendationsTable(input.recommendations);
    if (table.kind === 'table') b.table(table.table);
  }

  b.heading('6. Concluzii');
  b.paragraph(input.conclusions || '—');
  b.paragraph(`Prezentul raport s-a întocmit în două exemplare, unul pentru furnizor și unul pentru ${settings.name || 'instituție'}; o copie se transmite compartimentului financiar.`);

  return {
    header: documentHeader(settings),
    date: formatRoDate(input.date),
    number: input.mark.number,
    registryDate: input.mark.registryDate,
    registryNote: input.mark.registryNote,
    title: 'RAPORT DE MONITORIZARE',
    subtitle: `${input.unit.name} — vizita din ${formatRoDate(visit.date)}`,
    blocks: b.blocks,
    signatures: monitoringSignatures(settings, visit.team),
    acknowledgement: acknowledgementOf(input),
    orientation: 'portrait',
    moduleTotals,
  };
}
