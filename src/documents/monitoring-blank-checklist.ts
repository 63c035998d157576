import { ITEM_RESULT_POINTS, VERIFICATION_METHOD_LABELS, type ChecklistTemplate } from '../monitoring/checklist';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader } from './document-header';
import { blockBuilder } from './finance-blocks';
import { identificationFields, monitoringSignatures, acknowledgementOf, type MonitoredParty, type MonitoringDocument, type VisitData } from './monitoring-common';

export interface BlankChecklistInput extends MonitoredParty {
  settings: InstitutionSettings;
  /** The visit as planned (its date and team); the place and the answers are written by hand. */
  visit: VisitData;
  templates: ChecklistTemplate[];
  /** When it was printed. */
  printedOn: IsoDate;
}

export type BlankChecklist = MonitoringDocument;

const BOX = '☐';
/** Twips: room to write the evidence by hand. */
const ANSWER_ROW_HEIGHT = 720;

/**
 * The checklist printed for a visit on paper (a printout, not an act: no number): the
 * identification, then every template, module and standard as the order has it, each requirement
 * with empty boxes for conform / parțial / neconform / nu se aplică and room for the evidence; the
 * beneficiaries to count; the signatures. The answers are typed into the app after the visit.
 */
export function buildBlankChecklist(input: BlankChecklistInput): BlankChecklist {
  const b = blockBuilder();
  b.fields(identificationFields(input, input.visit));
  b.paragraph(
    `Se bifează o singură căsuță pentru fiecare cerință: C — conform (${ITEM_RESULT_POINTS.conform} puncte), P — parțial (${ITEM_RESULT_POINTS.partial} puncte), N — neconform (${ITEM_RESULT_POINTS.neconform} puncte), NA — nu se aplică (nu se punctează). În coloana „Dovezi” se notează documentul văzut, ce s-a observat sau cine a fost intervievat.`,
    { italics: true },
  );
  input.templates.forEach((template, ti) => {
    if (ti > 0) b.pageBreak();
    b.heading(`${ti + 1}. ${template.title}`);
    b.paragraph(`${template.act.name}${template.status === 'de_completat' ? ' — listă incompletă: cerințele marcate „de completat” se citesc în actul oficial.' : ''}`, { italics: true });
    if (template.modules.length === 0) b.paragraph('Cerințele acestui act nu sunt încă introduse în aplicație (de completat): se verifică după textul oficial al actului.');
    for (const module of template.modules) {
      b.paragraph(`${module.code} — ${module.title}`, { bold: true });
      for (const standard of module.standards) {
        // One paragraph, kept on the page of the requirements' table under it.
        b.paragraph(`${standard.code} — ${standard.title}. ${standard.statement}${standard.expectedResults.length > 0 ? ` Rezultate așteptate: ${standard.expectedResults.join(' ')}` : ''}`);
        if (standard.requirements.length === 0) {
          b.paragraph('Cerințele standardului sunt de completat din actul oficial.', { italics: true });
          continue;
        }
        b.table({
          columns: [
            { header: 'Cod', share: 0.1 },
            { header: 'Cerința; temeiul; metoda de verificare', share: 0.4 },
            { header: 'C', share: 0.05, align: 'center' },
            { header: 'P', share: 0.05, align: 'center' },
            { header: 'N', share: 0.05, align: 'center' },
            { header: 'NA', share: 0.05, align: 'center' },
            { header: 'Dovezi / observații', share: 0.3 },
          ],
          rows: standard.requirements.map((r) => [
            r.code,
            `${r.toComplete ? '(text de completat din act)' : r.text}\nTemei: ${r.legalBasis}\nMetoda: ${r.methods.map((m) => VERIFICATION_METHOD_LABELS[m]).join(', ')}`,
            BOX, BOX, BOX, BOX, '',
          ]),
          minRowHeight: ANSWER_ROW_HEIGHT,
        });
      }
      if (module.toComplete) b.paragraph(`Celelalte standarde ale modulului ${module.code} sunt de completat din actul oficial.`, { italics: true });
    }
  });
  b.heading('Beneficiarii');
  b.fields([
    ['Beneficiari prezenți la vizită', '__________'],
    ['Beneficiari înscriși în registrul unității', '__________'],
    ['Beneficiari declarați în decontul lunii', '__________'],
    ['Observații', ''],
  ]);
  b.heading('Constatări și recomandări (nr., gravitate, responsabil, termen)');
  b.table({ columns: [{ header: 'Nr.', share: 0.06 }, { header: 'Constatarea / recomandarea', share: 0.54 }, { header: 'Gravitatea', share: 0.12 }, { header: 'Responsabil', share: 0.14 }, { header: 'Termen', share: 0.14 }], rows: [['', '', '', '', ''], ['', '', '', '', ''], ['', '', '', '', '']], minRowHeight: ANSWER_ROW_HEIGHT });
  return {
    header: documentHeader(input.settings),
    date: formatRoDate(input.printedOn),
    title: 'LISTĂ DE VERIFICARE',
    subtitle: `vizită de monitorizare — ${input.unit.name}, ${formatRoDate(input.visit.date)} (tipărită la ${formatRoDate(input.printedOn)}; se completează de mână)`,
    blocks: b.blocks,
    signatures: monitoringSignatures(input.settings, input.visit.team.length > 0 ? input.visit.team : [{ name: '', role: 'Membru al echipei' }]),
    acknowledgement: acknowledgementOf(input, 'Am participat la vizită,'),
    isForm: true,
    orientation: 'portrait',
  };
}
