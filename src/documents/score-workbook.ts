import { SCORE_WORKBOOK_FORMAT, SCORE_WORKBOOK_SHEETS, SCORE_WORKBOOK_VERSION, type ScoreWorkbookMeta } from '../commission/score-import';
import { gridFingerprint } from '../commission/scoring-grid';
import { quoted } from '../commission/wording';
import { FUNDING_LAW_SHORT } from '../rounds/funding-round';
import { formatRoDateTime } from '../validation/dates';
import { documentHeader, type DocumentHeader } from './document-header';
import {
  describeSession, formatPoints, memberRolePhrase, requestLine, requireReadyGrid, type MemberScoringInput,
} from './member-documents';

export interface ScoreWorkbookItem {
  code: string;
  /**
   * "B1. Calitatea serviciilor — Personal": the column's header; starts with the code and a dot
   * and is cut to about 60 characters, keeping the sub-criterion's own title.
   */
  header: string;
  /** The full title, "Calitatea serviciilor — Personal". */
  title: string;
  maxPoints: number;
}

/** Characters a point column's header keeps (a few lines in a column 16 characters wide). */
export const HEADER_CHARS = 60;

function cut(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, Math.max(1, length - 1)).trimEnd()}…` : text;
}

/** The header of a point column: the code, then the title, the criterion's part cut first. */
function itemHeader(code: string, criterionTitle: string, subTitle?: string): string {
  const whole = subTitle ? `${code}. ${criterionTitle} — ${subTitle}` : `${code}. ${criterionTitle}`;
  if (whole.length <= HEADER_CHARS || !subTitle) return cut(whole, HEADER_CHARS);
  const room = HEADER_CHARS - `${code}.  — `.length - subTitle.length;
  return room >= 8 ? `${code}. ${cut(criterionTitle, room)} — ${subTitle}` : cut(`${code}. ${subTitle}`, HEADER_CHARS);
}

export interface ScoreWorkbookRow {
  requestId: string;
  label: string;
  organizationName: string;
  /** Points already given, aligned with `items`; null where none. */
  points: (number | null)[];
  comment: string;
}

/** A criterion of the grid as the instructions sheet explains it. */
export interface ScoreWorkbookCriterion {
  code: string;
  title: string;
  maxPoints: string;
  guidance: string;
  /** "B1 Personal (10), B2 Spații (10)", or '' for a criterion scored as a whole. */
  subcriteria: string;
}

/** The score workbook a member fills in on their own computer and sends back to the secretary. */
export interface ScoreWorkbookModel {
  header: DocumentHeader;
  title: string;
  subtitle: string;
  items: ScoreWorkbookItem[];
  totalMax: number;
  rows: ScoreWorkbookRow[];
  instructions: string[];
  criteria: ScoreWorkbookCriterion[];
  meta: ScoreWorkbookMeta;
}

/**
 * The model of one member's score workbook for a session: one row per request the member scores
 * (the caller leaves out recused ones; `recused` are only named in the instructions), one column
 * per scoring item, prefilled from the member's stored sheets when given. The hidden metadata ties
 * the file to the session, the member and the grid's fingerprint, so checkScoreWorkbook can refuse
 * a file for someone else or a grid that changed. Throws DomainError when the grid is not ready.
 */
export function buildScoreWorkbook(
  input: MemberScoringInput & {
    /** ISO timestamp written in the metadata. */
    generatedAt: string;
  },
): ScoreWorkbookModel {
  const { grid, member, session } = input;
  requireReadyGrid(grid, 'Registrul de punctaje');
  const fingerprint = gridFingerprint(grid);
  const items = grid.criteria.flatMap((c): ScoreWorkbookItem[] =>
    c.subcriteria && c.subcriteria.length > 0
      ? c.subcriteria.map((sub) => ({ code: sub.code, header: itemHeader(sub.code, c.title, sub.title), title: `${c.title} — ${sub.title}`, maxPoints: sub.maxPoints ?? 0 }))
      : [{ code: c.code, header: itemHeader(c.code, c.title), title: c.title, maxPoints: c.maxPoints ?? 0 }],
  );
  const totalMax = items.reduce((s, i) => s + Math.round(i.maxPoints * 100), 0) / 100;
  const rows = input.requests.map((request): ScoreWorkbookRow => {
    const stored = input.sheets?.find(
      (s) => s.memberId === member.id && s.requestId === request.id && s.sessionId === session.id && s.gridId === grid.id && s.gridFingerprint === fingerprint,
    );
    return {
      requestId: request.id,
      label: request.label,
      organizationName: request.organizationName,
      points: items.map((i) => stored?.points[i.code] ?? null),
      comment: stored?.comment ?? '',
    };
  });
  const recused = input.recused ?? [];
  const sessionText = describeSession(session);
  return {
    header: documentHeader(input.institution),
    title: `Fișă de evaluare — ${member.name}`,
    subtitle: `${input.round.name} (${FUNDING_LAW_SHORT[input.round.law]}); ${sessionText}`,
    items,
    totalMax,
    rows,
    instructions: [
      `Acest registru este fișa de evaluare completată de ${member.name} (${memberRolePhrase(member)}) pentru ${sessionText}, runda ${quoted(input.round.name)}, pe grila ${quoted(grid.name)}. Se importă în aplicație doar pentru acest membru și această ședință.`,
      `În foaia „${SCORE_WORKBOOK_SHEETS.scores}” fiecare rând este o cerere. Scrieți în coloana fiecărui criteriu punctajul acordat: un număr între 0 și punctajul maxim din rândul „Punctaj maxim”, cu cel mult două zecimale (de exemplu 7,5).`,
      'Totalul se calculează singur. În coloana „Comentariu” scrieți pe scurt motivarea punctajului.',
      'Completați doar celulele albe; restul foii este protejat, ca să nu fie modificat din greșeală. Nu adăugați, nu ștergeți și nu mutați rânduri sau coloane și nu redenumiți foile.',
      'Un rând cu toate criteriile punctate se importă ca fișă trimisă; un rând punctat doar în parte se importă ca ciornă; un rând gol nu se importă.',
      recused.length > 0
        ? `Cererile de la care sunteți recuzat(ă) nu apar în registru: ${recused.map(requestLine).join('; ')}.`
        : 'Nu sunteți recuzat(ă) de la nicio cerere de pe ordinea de zi. Dacă descoperiți un conflict de interese față de un solicitant, anunțați-l președintelui comisiei și lăsați rândul cererii necompletat.',
      'Salvați fișierul ca „Registru de lucru Excel (*.xlsx)” și trimiteți-l secretarului comisiei. Dacă la import o singură valoare este greșită, nu se importă nimic, iar aplicația arată celula de corectat.',
      `Fișier generat la ${formatRoDateTime(input.generatedAt)}.`,
    ],
    criteria: grid.criteria.map((c) => ({
      code: c.code,
      title: c.title,
      maxPoints: formatPoints(c.maxPoints ?? 0),
      guidance: c.guidance,
      subcriteria: (c.subcriteria ?? []).map((s) => `${s.code} ${s.title} (${formatPoints(s.maxPoints ?? 0)})`).join(', '),
    })),
    meta: {
      format: SCORE_WORKBOOK_FORMAT,
      formatVersion: SCORE_WORKBOOK_VERSION,
      sessionId: session.id,
      roundId: session.roundId,
      memberId: member.id,
      memberName: member.name,
      gridId: grid.id,
      gridName: grid.name,
      gridFingerprint: fingerprint,
      requestIds: rows.map((r) => r.requestId),
      itemCodes: items.map((i) => i.code),
      generatedAt: input.generatedAt,
    },
  };
}
