import { formatRoDateTime } from '../validation/dates';
import { canScore, type RequestRef, type ScoringPermissionContext } from './conflicts';
import { gridFingerprint, gridProblems, scoringItems, type GridLike } from './scoring-grid';
import { validateScoreSheet, type ScoreSheet, type ScoreSheetInput } from './scores';
import { quoted } from './wording';

/**
 * The score workbook a member fills in on their own computer (templates/xlsx/score-workbook.ts)
 * and the secretary imports back. Its hidden sheet "_meta" says whose it is and on which grid it
 * was made; the visible sheet has one row per request, one column per scoring item.
 */
export const SCORE_WORKBOOK_FORMAT = 'subventii-ong/registru-punctaje';
/** Raised when the layout of the workbook changes; an older app refuses a newer workbook. */
export const SCORE_WORKBOOK_VERSION = 1;
export const SCORE_WORKBOOK_SHEETS = { scores: 'Punctaje', instructions: 'Instrucțiuni', meta: '_meta' } as const;

/** What the hidden "_meta" sheet holds, as read back (text fields are '' when missing). */
export interface ScoreWorkbookMeta {
  format: string;
  formatVersion: number | null;
  sessionId: string;
  roundId: string;
  memberId: string;
  memberName: string;
  gridId: string;
  gridName: string;
  gridFingerprint: string;
  /** Request ids in the order of the rows. */
  requestIds: string[];
  /** Scoring item codes in the order of the point columns. */
  itemCodes: string[];
  /** ISO timestamp. */
  generatedAt: string;
}

/** A point column of the sheet: the item's code, the column letter and the header as found in the file. */
export interface RawScoreColumn {
  code: string;
  column: string;
  header: string;
}

/** A cell value as read from the file, not checked. */
export type RawCell = string | number | boolean | Date | null;

export interface RawScoreRow {
  rowNumber: number;
  /** From the hidden id column; '' when the cell is empty. */
  requestId: string;
  /** The "Nr. cerere" cell, as text. */
  label: string;
  /** Item code → the cell's value. */
  points: Record<string, RawCell>;
  comment: RawCell;
}

/** A workbook read back, without any check: the rows as found, or why it is not one of ours. */
export type RawScoreWorkbook =
  | { problem: string }
  | { problem?: undefined; sheetName: string; meta: ScoreWorkbookMeta; columns: RawScoreColumn[]; labelColumn: string; commentColumn: string; rows: RawScoreRow[] };

/** Something that stops the import, pointing at the cell to correct when there is one. */
export interface ScoreImportProblem {
  /** The sheet's name, '' for the file as a whole. */
  sheet: string;
  /** Row number in the sheet, null for the file or the sheet as a whole. */
  row: number | null;
  /** Column letter, null for a whole row or the file. */
  column: string | null;
  /** The cell's content, as text ('' when not about a cell). */
  value: string;
  reason: string;
}

export interface ScoreImportContext extends ScoringPermissionContext {
  session: ScoringPermissionContext['session'] & { roundId: string };
  /** The round's current grid. */
  grid: GridLike;
  /** The requests of the round, with their registration number ("12/2026"). */
  requests: readonly (RequestRef & { label: string })[];
  /** When importing for a chosen member, a workbook of anyone else is refused. */
  expectedMemberId?: string;
  /** The member's stored sheets for the session: a submitted (locked) sheet is not overwritten. */
  existingSheets?: readonly Pick<ScoreSheet, 'memberId' | 'requestId' | 'sessionId' | 'state' | 'points' | 'comment'>[];
  /** ISO timestamp written as submittedAt on the complete sheets. */
  importedAt?: string;
}

export interface ScoreImportResult {
  /** The sheets to store: empty whenever `problems` is not (all or nothing). */
  sheets: ScoreSheetInput[];
  problems: ScoreImportProblem[];
  /** Rows left blank by the member (no point and no comment): nothing to import for them. */
  blankRows: number[];
}

const asText = (value: RawCell): string => {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
};
const isBlank = (value: RawCell) => value === null || (typeof value === 'string' && value.trim() === '');
const samePoints = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
};

/**
 * Checks a score workbook read back from a member's file and turns its rows into score sheets
 * (source 'import_xlsx'; state 'trimisa' when every item of the row is scored, 'ciorna' when only
 * some are; blank rows are skipped). Refuses, with Romanian reasons pointing at the cell: a file
 * that is not a workbook of the app, a workbook for another session or member, one made on
 * another grid or on a grid that changed since (fingerprint), a request that is not in the round,
 * no longer on the agenda or that the member may not score (recusal, absence, no declaration —
 * canScore), a row added by hand, a request twice, points that are not numbers, outside 0…max or
 * with more than two decimals (validateScoreSheet), and a change to a submitted (locked) sheet.
 *
 * All or nothing: when any problem is found `sheets` is empty and the caller imports nothing, so a
 * workbook is never half imported; the member corrects the cells listed and sends it again.
 */
export function checkScoreWorkbook(raw: RawScoreWorkbook, context: ScoreImportContext): ScoreImportResult {
  if (raw.problem !== undefined) return { sheets: [], problems: [{ sheet: '', row: null, column: null, value: '', reason: raw.problem }], blankRows: [] };
  const { meta, sheetName } = raw;
  const { session, grid } = context;
  const fileProblem = (reason: string, value = ''): ScoreImportProblem => ({ sheet: '', row: null, column: null, value, reason });
  const problems: ScoreImportProblem[] = [];

  const member = context.members.find((m) => m.id === meta.memberId);
  const expected = context.expectedMemberId ? context.members.find((m) => m.id === context.expectedMemberId) : undefined;
  const generated = meta.generatedAt ? ` (generat la ${formatRoDateTime(meta.generatedAt)})` : '';
  if (meta.sessionId !== session.id || meta.roundId !== session.roundId) {
    problems.push(fileProblem(`Registrul${generated} a fost generat pentru altă ședință a comisiei, nu pentru cea în care importați. Folosiți registrul generat pentru această ședință.`));
  }
  if (!member) {
    problems.push(fileProblem(`Registrul este al unei persoane care nu este membră a comisiei (${meta.memberName || 'nume necunoscut'}).`, meta.memberName));
  } else if (context.expectedMemberId && meta.memberId !== context.expectedMemberId) {
    const whose = expected?.name ?? 'membrul ales';
    problems.push(fileProblem(`Registrul este al membrului ${member.name}, nu al membrului ${whose}. Importați fișierul completat de ${whose}.`, member.name));
  }
  const readiness = gridProblems(grid);
  if (readiness.length > 0) {
    problems.push(fileProblem(`Punctajele nu se pot importa până la completarea grilei ${quoted(grid.name)}: ${readiness.join(' ')}`));
  } else if (meta.gridId !== grid.id) {
    problems.push(fileProblem(`Registrul a fost generat pe grila ${quoted(meta.gridName || meta.gridId)}, dar runda se evaluează pe grila ${quoted(grid.name)}. Generați un registru nou.`));
  } else if (meta.gridFingerprint !== gridFingerprint(grid)) {
    problems.push(
      fileProblem(
        `Grila ${quoted(grid.name)} s-a schimbat (criterii sau punctaje maxime) după generarea registrului${generated}; punctajele din el nu mai corespund grilei. Generați un registru nou pentru ${meta.memberName || 'membru'}.`,
      ),
    );
  }
  // The rows mean nothing on another session, member or grid: stop at the file's problems.
  if (problems.length > 0 || !member) return { sheets: [], problems, blankRows: [] };

  const items = scoringItems(grid);
  const columnOf = new Map(raw.columns.map((c) => [c.code, c.column]));
  for (const item of items) {
    const column = raw.columns.find((c) => c.code === item.code);
    if (!column) problems.push({ sheet: sheetName, row: null, column: null, value: '', reason: `Lipsește coloana criteriului ${quoted(item.code)}.` });
    else if (!column.header.trim().startsWith(`${item.code}.`)) {
      problems.push({
        sheet: sheetName, row: null, column: column.column, value: column.header,
        reason: `Coloana ${column.column} ar trebui să fie criteriul ${quoted(item.code)}; nu mutați și nu ștergeți coloane în registru.`,
      });
    }
  }
  if (problems.length > 0) return { sheets: [], problems, blankRows: [] };

  const requestById = new Map(context.requests.map((r) => [r.id, r]));
  const inWorkbook = new Set(meta.requestIds);
  const seen = new Set<string>();
  const sheets: ScoreSheetInput[] = [];
  const blankRows: number[] = [];
  for (const row of raw.rows) {
    const rowProblem = (reason: string, column: string | null = raw.labelColumn, value = row.label) => problems.push({ sheet: sheetName, row: row.rowNumber, column, value, reason });
    if (items.every((i) => isBlank(row.points[i.code] ?? null)) && isBlank(row.comment)) {
      blankRows.push(row.rowNumber);
      continue;
    }
    if (row.requestId === '') {
      rowProblem('Rândul nu are identificatorul cererii (coloana ascunsă A): a fost adăugat de mână. Completați doar rândurile generate de aplicație.');
      continue;
    }
    const request = requestById.get(row.requestId);
    if (!request) {
      rowProblem(`Cererea cu identificatorul ${quoted(row.requestId)} nu există în evidența rundei.`, 'A', row.requestId);
      continue;
    }
    if (seen.has(request.id)) {
      rowProblem(`Cererea ${request.label} apare de două ori în registru.`);
      continue;
    }
    seen.add(request.id);
    const permission = canScore(member.id, request.id, context);
    if (!permission.isAllowed) {
      rowProblem(`Cererea ${request.label} (${request.organizationName}) nu poate fi punctată de ${member.name}: ${permission.reason}`);
      continue;
    }
    if (!inWorkbook.has(request.id)) {
      rowProblem(`Cererea ${request.label} nu face parte din registrul generat pentru ${member.name}: rândul a fost adăugat de mână.`);
      continue;
    }

    const points: Record<string, unknown> = {};
    for (const item of items) points[item.code] = row.points[item.code] instanceof Date ? asText(row.points[item.code]!) : row.points[item.code];
    const isComplete = items.every((i) => !isBlank(row.points[i.code] ?? null));
    const { value, errors } = validateScoreSheet(
      {
        sessionId: session.id,
        roundId: session.roundId,
        memberId: member.id,
        requestId: request.id,
        gridId: grid.id,
        gridFingerprint: gridFingerprint(grid),
        points,
        comment: asText(row.comment),
        source: 'import_xlsx',
        state: isComplete ? 'trimisa' : 'ciorna',
        submittedAt: isComplete ? context.importedAt : undefined,
        reopenings: [],
      },
      grid,
    );
    const before = problems.length;
    for (const [key, message] of Object.entries(errors)) {
      const code = key.startsWith('points.') ? key.slice('points.'.length) : undefined;
      if (code && columnOf.has(code)) problems.push({ sheet: sheetName, row: row.rowNumber, column: columnOf.get(code)!, value: asText(row.points[code] ?? null), reason: `Cererea ${request.label}: ${message}` });
      else rowProblem(`Cererea ${request.label}: ${message}`);
    }
    if (problems.length > before) continue;

    const existing = context.existingSheets?.find((s) => s.memberId === member.id && s.requestId === request.id && s.sessionId === session.id);
    if (existing?.state === 'trimisa') {
      if (samePoints(existing.points, value.points) && existing.comment === value.comment) continue;
      rowProblem(`Fișa lui ${member.name} pentru cererea ${request.label} este deja trimisă și blocată; secretarul o poate redeschide, cu motivul consemnat, înainte de import.`);
      continue;
    }
    sheets.push(value);
  }
  return problems.length > 0 ? { sheets: [], problems, blankRows } : { sheets, problems, blankRows };
}
