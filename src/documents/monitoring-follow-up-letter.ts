import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader, serviceSignatures } from './document-header';
import { blockBuilder, type FinanceDocumentBase } from './finance-blocks';
import type { RegistryMark } from './issued-document';
import { recommendationsTable, type MonitoredParty, type RecommendationEntry, type VisitData } from './monitoring-common';

export interface FollowUpLetterInput extends MonitoredParty {
  settings: InstitutionSettings;
  mark: RegistryMark;
  date: IsoDate;
  visit: VisitData;
  /** The visit report in force ("nr. 12 din 03.12.2026"), when issued. */
  reportRef?: string;
  /** The recommendations still open. */
  recommendations: RecommendationEntry[];
}

export type FollowUpLetter = FinanceDocumentBase;

/**
 * The letter asking the NGO to report, by each deadline, how it carried out the recommendations
 * of the visit: a letter (Către …), the recommendations with who answers for them and by when, how
 * to report, and the service's signatures under their functions.
 */
export function buildFollowUpLetter(input: FollowUpLetterInput): FollowUpLetter {
  const { settings, visit, convention: c, organization: o } = input;
  const b = blockBuilder();
  const earliest = [...input.recommendations].sort((x, y) => (x.deadline < y.deadline ? -1 : 1))[0];
  b.paragraph(`Stimată doamnă / Stimate domn${o.representativeRole ? ` ${o.representativeRole.toLowerCase()}` : ''},`);
  b.paragraph(
    `Urmare a vizitei de monitorizare din data de ${formatRoDate(visit.date)} la ${input.unit.name}${input.reportRef ? `, consemnată în Raportul de monitorizare ${input.reportRef}` : ''}, efectuată în baza Convenției de subvenționare nr. ${c.number} din ${formatRoDate(c.date)} (Cap. VIII — Controlul), vă rugăm să ne comunicați în scris, până la termenele de mai jos, modul de îndeplinire a recomandărilor formulate:`,
  );
  if (input.recommendations.length === 0) b.paragraph('Nu există recomandări deschise.');
  else {
    const table = recommendationsTable(input.recommendations, { statusColumn: true });
    if (table.kind === 'table') b.table(table.table);
  }
  b.paragraph(
    `Informarea se depune la registratura instituției sau pe e-mail${settings.email ? ` (${settings.email})` : ''}, cu documentele doveditoare pentru fiecare recomandare${earliest ? `, prima până la ${formatRoDate(earliest.deadline)}` : ''}. Neîndeplinirea recomandărilor la termen se consemnează la următoarea vizită și poate conduce la măsurile prevăzute de convenție.`,
  );
  b.paragraph('Cu stimă,');
  return {
    header: documentHeader(settings),
    date: formatRoDate(input.date),
    number: input.mark.number,
    registryDate: input.mark.registryDate,
    registryNote: input.mark.registryNote,
    title: 'Privind îndeplinirea recomandărilor vizitei de monitorizare',
    subtitle: `${input.unit.name} — vizita din ${formatRoDate(visit.date)}`,
    addressee: { name: o.name, address: o.address, representative: [o.representativeRole, o.representativeName].filter(Boolean).join(' ') },
    blocks: b.blocks,
    // The letter is drawn up by the team's first member (the inspector who led the visit), not the commission's secretary.
    signatures: serviceSignatures(settings, 'scrisoare').map((sig) => (sig.role === 'Întocmit' && visit.team[0] ? { role: 'Întocmit', title: visit.team[0].role, name: visit.team[0].name } : sig)),
    orientation: 'portrait',
  };
}
