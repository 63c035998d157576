import { gridFingerprint, type GridLike } from '../commission/scoring-grid';
import { SCORE_SHEET_STATES, SCORE_SOURCES, sheetTotal } from '../commission/scores';
import { quoted } from '../commission/wording';
import { FUNDING_LAW_SHORT } from '../rounds/funding-round';
import { formatRoDate, formatRoDateTime } from '../validation/dates';
import { documentHeader, type DocumentHeader, type Signature } from './document-header';
import {
  describeSession, formatPoints, memberRolePhrase, requestLine, requireReadyGrid, type MemberScoringInput,
} from './member-documents';
import type { Field } from './request-summary';

/** One line of the score table: a criterion, or a sub-criterion under it. */
export interface ScoreSheetRow {
  level: 'criteriu' | 'subcriteriu';
  code: string;
  title: string;
  /** What the scorer looks at (criteria only), printed in small text under the title. */
  guidance: string;
  maxPoints: string;
  /** Points given, when a sheet is printed filled in; empty for a blank sheet. */
  awarded: string;
  /** The member writes points here (false for a criterion whose sub-criteria are scored). */
  isInput: boolean;
}

/** The sheet of one request: one printed page for the member to fill in and sign. */
export interface ScoreSheetPage {
  title: string;
  subtitle: string;
  fields: Field[];
  rows: ScoreSheetRow[];
  total: { maxPoints: string; awarded: string };
  /** Minimum points the grid asks for, in one sentence; null when it has none. */
  thresholds: string | null;
  /** State of the printed sheet ("Trimisă la …"), or why stored points are not printed; null for a blank sheet. */
  status: string | null;
  comment: string;
  date: string;
  signature: Signature;
}

/** The first page: whom the sheets are for, which requests to score, which not (recusal). */
export interface ScoreSheetCover {
  title: string;
  subtitle: string;
  fields: Field[];
  toScore: string[];
  /** "Nu evaluați (recuzare): 3/2026 — Asociația …"; null when the member is recused from none. */
  recusedLine: string | null;
  instructions: string[];
}

/** "Fișe de evaluare": a cover page, then one page per request the member scores. */
export interface ScoreSheetDocument {
  header: DocumentHeader;
  cover: ScoreSheetCover;
  pages: ScoreSheetPage[];
}

function thresholdsOf(grid: GridLike): string | null {
  const parts: string[] = [];
  if (grid.minTotal) parts.push(`total de cel puțin ${formatPoints(grid.minTotal)} puncte`);
  for (const c of grid.criteria) if (c.minPoints) parts.push(`criteriul ${quoted(c.code)} cel puțin ${formatPoints(c.minPoints)} puncte`);
  return parts.length > 0 ? `Pentru finanțare, grila cere (media punctajelor membrilor): ${parts.join('; ')}.` : null;
}

/**
 * The printed score sheets of one member for one session: the grid's items per request, blank or
 * filled in with the member's stored sheets. `requests` are only those the member may score (the
 * caller leaves out recused ones, see partitionByRecusal); `recused` are printed on the cover as
 * requests not to evaluate. Throws DomainError when the grid is not ready for scoring.
 */
export function buildScoreSheetDocument(input: MemberScoringInput): ScoreSheetDocument {
  const { grid, member, session } = input;
  requireReadyGrid(grid, 'Fișa de evaluare');
  const fingerprint = gridFingerprint(grid);
  const sessionText = describeSession(session);
  const memberText = `${member.name} (${memberRolePhrase(member)}), ${member.institution}`;
  const totalMax = grid.criteria.reduce((s, c) => s + Math.round((c.maxPoints ?? 0) * 100), 0) / 100;
  const thresholds = thresholdsOf(grid);

  const pages = input.requests.map((request): ScoreSheetPage => {
    const stored = input.sheets?.find((s) => s.memberId === member.id && s.requestId === request.id && s.sessionId === session.id);
    const isUsable = !!stored && stored.gridId === grid.id && stored.gridFingerprint === fingerprint;
    const points = isUsable ? stored.points : {};
    const shown = (code: string) => (points[code] === undefined ? '' : formatPoints(points[code]));
    const rows: ScoreSheetRow[] = grid.criteria.flatMap((c): ScoreSheetRow[] => {
      const subs = c.subcriteria ?? [];
      if (subs.length === 0) {
        return [{ level: 'criteriu', code: c.code, title: c.title, guidance: c.guidance, maxPoints: formatPoints(c.maxPoints ?? 0), awarded: shown(c.code), isInput: true }];
      }
      const isComplete = subs.every((s) => points[s.code] !== undefined);
      const sum = subs.reduce((t, s) => t + Math.round((points[s.code] ?? 0) * 100), 0) / 100;
      return [
        {
          level: 'criteriu', code: c.code, title: c.title, guidance: c.guidance, maxPoints: formatPoints(c.maxPoints ?? 0),
          awarded: isComplete ? formatPoints(sum) : '', isInput: false,
        },
        ...subs.map((s): ScoreSheetRow => ({ level: 'subcriteriu', code: s.code, title: s.title, guidance: '', maxPoints: formatPoints(s.maxPoints ?? 0), awarded: shown(s.code), isInput: true })),
      ];
    });
    let status: string | null = null;
    if (stored && !isUsable) status = 'Punctajele introduse anterior nu sunt tipărite: au fost acordate pe o versiune anterioară a grilei.';
    else if (stored) {
      const when = stored.state === 'trimisa' && stored.submittedAt ? ` la ${formatRoDateTime(stored.submittedAt)}` : '';
      status = `Fișă ${SCORE_SHEET_STATES[stored.state].toLowerCase()}${when}; punctaje: ${SCORE_SOURCES[stored.source].toLowerCase()}.`;
    }
    const isFilled = isUsable && Object.keys(points).length > 0;
    return {
      title: 'FIȘĂ DE EVALUARE',
      subtitle: `Cererea nr. ${request.label} — ${request.organizationName}`,
      fields: [
        ['Runda', `${input.round.name} (${FUNDING_LAW_SHORT[input.round.law]})`],
        ['Ședința', sessionText],
        ['Solicitantul', request.organizationName],
        ['Membrul comisiei', memberText],
        ['Grila de evaluare', grid.name],
      ],
      rows,
      total: { maxPoints: formatPoints(totalMax), awarded: isFilled && stored ? formatPoints(sheetTotal(stored, grid)) : '' },
      thresholds,
      status,
      comment: isUsable ? stored.comment : '',
      date: formatRoDate(session.date),
      signature: { title: 'Membrul comisiei', name: member.name },
    };
  });

  const recused = input.recused ?? [];
  return {
    header: documentHeader(input.institution),
    cover: {
      title: 'FIȘE DE EVALUARE',
      subtitle: `${input.round.name} (${FUNDING_LAW_SHORT[input.round.law]})`,
      fields: [
        ['Membrul comisiei', memberText],
        ['Ședința', sessionText],
        ['Grila de evaluare', `${grid.name} — punctaj maxim ${formatPoints(totalMax)}`],
        ['Cereri de evaluat', String(input.requests.length)],
      ],
      toScore: input.requests.map(requestLine),
      recusedLine: recused.length > 0 ? `Nu evaluați (recuzare): ${recused.map(requestLine).join('; ')}.` : null,
      instructions: [
        'Completați câte o fișă pentru fiecare cerere de mai sus. Pentru fiecare criteriu sau subcriteriu scrieți în coloana „Punctaj acordat” un punctaj între 0 și punctajul maxim, cu cel mult două zecimale.',
        'La criteriile împărțite în subcriterii se punctează subcriteriile; punctajul criteriului este suma lor.',
        'Motivați pe scurt punctajul la „Observații”, apoi semnați fiecare fișă.',
        ...(recused.length > 0
          ? ['Nu evaluați cererile de la care sunteți recuzat(ă); dacă descoperiți un conflict de interese față de un alt solicitant, anunțați-l președintelui comisiei înainte de evaluare.']
          : ['Dacă descoperiți un conflict de interese față de un solicitant, anunțați-l președintelui comisiei înainte de evaluare și nu completați fișa acelei cereri.']),
      ],
    },
    pages,
  };
}
