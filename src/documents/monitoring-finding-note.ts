import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader } from './document-header';
import { blockBuilder } from './finance-blocks';
import type { RegistryMark } from './issued-document';
import { identificationFields, monitoringSignatures, acknowledgementOf, type FindingEntry, type MonitoredParty, type MonitoringDocument, type VisitData } from './monitoring-common';

/** The measure the note proposes for a serious finding. */
export interface ProposedMeasure {
  kind: 'suspendare_plati' | 'alta_masura';
  /** For another measure: what is proposed. */
  text?: string;
  /** From when the suspension would apply (the month of the finding, usually). */
  from?: IsoDate;
}

export interface FindingNoteInput extends MonitoredParty {
  settings: InstitutionSettings;
  mark: RegistryMark;
  date: IsoDate;
  visit: VisitData;
  finding: FindingEntry;
  /** What was seen, read or heard: the evidence of the finding. */
  evidence: string;
  measure: ProposedMeasure;
  /** The visit report the finding belongs to, when issued ("nr. 12 din 03.12.2026"). */
  reportRef?: string;
}

export type FindingNote = MonitoringDocument;

/** The convention's clauses a suspension of payments rests on (the app's convention model). */
export const SUSPENSION_BASIS = 'Cap. VIII (Controlul) și Cap. IX (Suspendarea plății) din convenție';

/**
 * "Notă de constatare" for a serious finding: the identification, what was found and its
 * evidence, the requirement it breaches, and the measure proposed with its basis in the convention
 * (e.g. the suspension of payments). It proposes: the suspension takes effect only by the decision
 * recorded afterwards (act and date), and is lifted the same way.
 */
export function buildFindingNote(input: FindingNoteInput): FindingNote {
  const { finding: f, visit, settings, convention: c } = input;
  const b = blockBuilder();
  b.paragraph(
    `Cu ocazia vizitei de monitorizare ${visit.announced ? 'anunțate' : 'neanunțate'} din data de ${formatRoDate(visit.date)}${input.reportRef ? `, consemnată în Raportul de monitorizare ${input.reportRef}` : ''}, echipa de monitorizare a constatat o neconformitate gravă, consemnată în prezenta notă.`,
  );
  b.heading('1. Date de identificare');
  b.fields(identificationFields(input, visit));
  b.heading('2. Constatarea');
  b.fields([
    ['Nr. constatării', f.number],
    ['Gravitatea', f.severity],
    ['Cerința încălcată', f.reference ?? '—'],
  ]);
  b.paragraph(f.description);
  b.heading('3. Dovezile');
  b.paragraph(input.evidence || '—');
  b.heading('4. Măsura propusă');
  if (input.measure.kind === 'suspendare_plati') {
    b.paragraph(
      `Se propune suspendarea plății subvenției acordate în baza Convenției de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}${input.measure.from ? `, începând cu ${formatRoDate(input.measure.from)}` : ''}, până la remedierea constatării, potrivit ${SUSPENSION_BASIS}.`,
      { bold: true },
    );
    b.paragraph('Suspendarea produce efecte numai după aprobarea ei prin decizia conducerii instituției, înregistrată cu număr și dată; lunile din perioada suspendării nu se aprobă la plată. Suspendarea încetează tot printr-o decizie înregistrată, după verificarea remedierii.');
  } else {
    b.paragraph(input.measure.text || '—', { bold: true });
    b.paragraph(`Temei: ${SUSPENSION_BASIS.replace('Cap. IX (Suspendarea plății)', 'Cap. VII (Obligațiile părților)')}.`);
  }
  b.paragraph('Furnizorul poate formula obiecțiuni în scris, în termen de 5 zile lucrătoare de la primirea notei.', { italics: true });
  return {
    header: documentHeader(settings),
    date: formatRoDate(input.date),
    number: input.mark.number,
    registryDate: input.mark.registryDate,
    registryNote: input.mark.registryNote,
    title: 'NOTĂ DE CONSTATARE',
    subtitle: `${input.unit.name} — constatarea nr. ${f.number} la vizita din ${formatRoDate(visit.date)}`,
    blocks: b.blocks,
    signatures: monitoringSignatures(settings, visit.team),
    acknowledgement: acknowledgementOf(input, 'Am primit un exemplar,'),
    orientation: 'portrait',
  };
}
