// The score workbook of one commission member (model: src/documents/score-workbook.ts) and its
// reader. Layout of format version 1, which the reader relies on:
//   sheet "Punctaje": row 1 title, 2 subtitle, 3 hint, 5 headers, 6 maximum points, data from 7;
//   column A the request id (hidden), B "Nr. cerere", C "Solicitantul", then one column per
//   scoring item (in meta.itemCodes order), "Total" (formula), "Comentariu".
//   sheet "_meta" (very hidden): a key in column A, its value(s) from column B.
import ExcelJS from 'exceljs';
import {
  SCORE_WORKBOOK_FORMAT, SCORE_WORKBOOK_SHEETS, SCORE_WORKBOOK_VERSION, type RawCell, type RawScoreRow, type RawScoreWorkbook, type ScoreWorkbookMeta,
} from '../../src/commission/score-import';
import type { ScoreWorkbookModel } from '../../src/documents/score-workbook';
import { formatPoints } from '../../src/documents/member-documents';
import { columnLetter } from '../../src/import/raw-table';
import { columnPoints, createWorkbook, FONT_NAME, pagePoints, RO_LOCALE_TAG, workbookToBytes, wrappedLines } from './common';

export const LAYOUT = { titleRow: 1, headerRow: 5, maxRow: 6, firstDataRow: 7, idColumn: 1, labelColumn: 2, organizationColumn: 3, firstItemColumn: 4 } as const;

const FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const LINE_HEIGHT = 12.75;

// Narrow enough that a grid of 4 items prints one page wide at 80 % or more (text at least 8 pt); wider grids print over more pages.
const ITEM_WIDTH = 14;
/** Points as the member types them, 7,5 not 7.5, whatever the computer's locale (see LEI_FORMAT in common.ts). */
const POINTS_FORMAT = `${RO_LOCALE_TAG}General`;
const COMMENT_WIDTH = 36;

function writeScoresSheet(sheet: ExcelJS.Worksheet, model: ScoreWorkbookModel): void {
  const itemCount = model.items.length;
  const totalColumn = LAYOUT.firstItemColumn + itemCount;
  const commentColumn = totalColumn + 1;
  const firstItem = columnLetter(LAYOUT.firstItemColumn - 1);
  const lastItem = columnLetter(totalColumn - 2);

  const put = (row: number, column: number, value: ExcelJS.CellValue, font: Partial<ExcelJS.Font> = FONT) => {
    const cell = sheet.getCell(row, column);
    cell.value = value;
    cell.font = font;
    return cell;
  };
  put(LAYOUT.titleRow, LAYOUT.labelColumn, model.title, { ...FONT, bold: true, size: 14 });
  put(LAYOUT.titleRow + 1, LAYOUT.labelColumn, model.subtitle, { ...FONT, italic: true });
  put(
    LAYOUT.titleRow + 2,
    LAYOUT.labelColumn,
    'Completați celulele albe: punctajul fiecărui criteriu (0 … punctajul maxim, cel mult două zecimale) și comentariul. Vedeți foaia „Instrucțiuni”.',
    { ...FONT, bold: true, color: { argb: 'FF1F4E79' } },
  );

  const headers = ['ID cerere', 'Nr. cerere', 'Solicitantul', ...model.items.map((i) => i.header), 'Total', 'Comentariu'];
  const widths = [12, 11, 26, ...model.items.map(() => ITEM_WIDTH), 10, COMMENT_WIDTH];
  headers.forEach((header, i) => {
    const cell = put(LAYOUT.headerRow, i + 1, header, { ...FONT, bold: true });
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', horizontal: i >= LAYOUT.firstItemColumn - 1 && i < totalColumn ? 'center' : 'left', wrapText: true };
  });
  // A header cut short keeps the full title in the cell's note (and on the instructions sheet).
  model.items.forEach((item, i) => {
    if (item.header !== `${item.code}. ${item.title}`) sheet.getCell(LAYOUT.headerRow, LAYOUT.firstItemColumn + i).note = `${item.code}. ${item.title}`;
  });
  sheet.getRow(LAYOUT.headerRow).height = Math.max(...headers.map((h, i) => wrappedLines(h, widths[i] ?? 10))) * LINE_HEIGHT + 4;

  const maxCells: ExcelJS.CellValue[] = [null, 'Punctaj maxim', null, ...model.items.map((i) => i.maxPoints), model.totalMax, null];
  maxCells.forEach((value, i) => {
    const cell = put(LAYOUT.maxRow, i + 1, value, { ...FONT, bold: true });
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    if (typeof value === 'number') {
      cell.alignment = { horizontal: 'center' };
      cell.numFmt = POINTS_FORMAT;
    }
  });

  model.rows.forEach((request, r) => {
    const rowNumber = LAYOUT.firstDataRow + r;
    const locked = (column: number, value: ExcelJS.CellValue) => {
      const cell = put(rowNumber, column, value);
      cell.fill = LOCKED_FILL;
      cell.border = BOX;
      cell.alignment = { vertical: 'top', wrapText: column === LAYOUT.organizationColumn };
      return cell;
    };
    locked(LAYOUT.idColumn, request.requestId);
    locked(LAYOUT.labelColumn, request.label);
    locked(LAYOUT.organizationColumn, request.organizationName);
    model.items.forEach((item, i) => {
      const cell = put(rowNumber, LAYOUT.firstItemColumn + i, request.points[i] ?? null);
      cell.border = BOX;
      cell.alignment = { vertical: 'top', horizontal: 'center' };
      cell.numFmt = POINTS_FORMAT;
      cell.protection = { locked: false };
      // Excel and LibreOffice refuse a value outside 0…max while typing; the import checks again.
      cell.dataValidation = {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [0, item.maxPoints],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Punctaj în afara grilei',
        error: `Criteriul ${item.code}: scrieți un număr între 0 și ${formatPoints(item.maxPoints)}, cu cel mult două zecimale.`,
        showInputMessage: true,
        promptTitle: `Criteriul ${item.code}`,
        prompt: `Punctaj între 0 și ${formatPoints(item.maxPoints)}`,
      };
    });
    const sum = request.points.reduce<number>((s, p) => s + Math.round((p ?? 0) * 100), 0) / 100;
    const range = `${firstItem}${rowNumber}:${lastItem}${rowNumber}`;
    // Blank until a point is typed, so an unscored request does not show a total of 0.
    const hasPoints = request.points.some((p) => p !== null);
    const total = locked(totalColumn, { formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, result: hasPoints ? sum : '' });
    total.font = { ...FONT, bold: true };
    total.alignment = { vertical: 'top', horizontal: 'center' };
    total.numFmt = POINTS_FORMAT;
    const comment = put(rowNumber, commentColumn, request.comment || null);
    comment.border = BOX;
    comment.alignment = { vertical: 'top', wrapText: true };
    comment.protection = { locked: false };
    const lines = Math.max(2, wrappedLines(request.organizationName, widths[LAYOUT.organizationColumn - 1]!), wrappedLines(request.comment, COMMENT_WIDTH));
    sheet.getRow(rowNumber).height = lines * LINE_HEIGHT + 4;
  });

  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.getColumn(LAYOUT.idColumn).hidden = true;
  sheet.views = [{ state: 'frozen', xSplit: LAYOUT.organizationColumn, ySplit: LAYOUT.maxRow, topLeftCell: `${firstItem}${LAYOUT.firstDataRow}`, activeCell: `${firstItem}${LAYOUT.firstDataRow}` }];
  // The hidden id column does not print; the number and the applicant repeat on each page when the grid needs more than one.
  const printed = widths.slice(1).reduce((sum, w) => sum + columnPoints(w), 0);
  const pagesWide = Math.max(1, Math.ceil(printed / pagePoints('landscape')));
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    printTitlesRow: `${LAYOUT.headerRow}:${LAYOUT.maxRow}`,
    ...(pagesWide > 1 ? { printTitlesColumn: 'B:C' } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&CPagina &P din &N' };
}

function writeInstructionsSheet(sheet: ExcelJS.Worksheet, model: ScoreWorkbookModel): void {
  const widths = [8, 34, 10, 34, 54];
  const fullWidth = widths.reduce((s, w) => s + w, 0);
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  let row = 1;
  const paragraph = (value: string, font: Partial<ExcelJS.Font> = FONT) => {
    sheet.mergeCells(row, 1, row, widths.length);
    const cell = sheet.getCell(row, 1);
    cell.value = value;
    cell.font = font;
    cell.alignment = { vertical: 'top', wrapText: true };
    sheet.getRow(row).height = wrappedLines(value, fullWidth - 4) * LINE_HEIGHT * (font.size && font.size > 10 ? font.size / 10 : 1) + 3;
    row++;
  };
  for (const line of model.header.lines) paragraph(line, { ...FONT, bold: true });
  row++;
  paragraph('Instrucțiuni de completare', { ...FONT, bold: true, size: 14 });
  model.instructions.forEach((line, i) => paragraph(`${i + 1}. ${line}`));
  row++;
  paragraph('Criteriile grilei', { ...FONT, bold: true, size: 12 });
  const headers = ['Cod', 'Criteriul', 'Punctaj maxim', 'Subcriterii (punctaj maxim)', 'Ce urmăriți'];
  headers.forEach((header, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = header;
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.getRow(row).height = Math.max(...headers.map((h, i) => wrappedLines(h, widths[i]!))) * LINE_HEIGHT + 4;
  row++;
  for (const c of model.criteria) {
    const values = [c.code, c.title, c.maxPoints, c.subcriteria, c.guidance];
    values.forEach((value, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.value = value || null;
      cell.font = FONT;
      cell.border = BOX;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: i === 2 ? 'center' : undefined };
    });
    sheet.getRow(row).height = Math.max(1, ...values.map((v, i) => wrappedLines(v, widths[i]!))) * LINE_HEIGHT + 4;
    row++;
  }
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  sheet.headerFooter = { oddFooter: '&CPagina &P din &N' };
}

function writeMetaSheet(sheet: ExcelJS.Worksheet, meta: ScoreWorkbookMeta): void {
  const entries: [string, ...(string | number)[]][] = [
    ['format', meta.format],
    ['formatVersion', meta.formatVersion ?? SCORE_WORKBOOK_VERSION],
    ['sessionId', meta.sessionId],
    ['roundId', meta.roundId],
    ['memberId', meta.memberId],
    ['memberName', meta.memberName],
    ['gridId', meta.gridId],
    ['gridName', meta.gridName],
    ['gridFingerprint', meta.gridFingerprint],
    ['generatedAt', meta.generatedAt],
    ['requestIds', ...meta.requestIds],
    ['itemCodes', ...meta.itemCodes],
  ];
  entries.forEach((values, i) => sheet.getRow(i + 1).values = values);
  sheet.state = 'veryHidden';
}

/**
 * The workbook: "Punctaje" (one row per request, a column per scoring item with data validation
 * 0…max, a Total formula, a comment; everything but the input cells locked, without a password),
 * "Instrucțiuni" (Romanian) and "_meta" (very hidden: whose workbook it is and on which grid).
 */
export async function renderScoreWorkbookXlsx(model: ScoreWorkbookModel): Promise<Uint8Array> {
  const workbook = createWorkbook(model.title);
  workbook.calcProperties.fullCalcOnLoad = true;
  const scores = workbook.addWorksheet(SCORE_WORKBOOK_SHEETS.scores);
  writeScoresSheet(scores, model);
  // No password: the member can lift the protection (Review › Unprotect sheet); it only prevents slips.
  await scores.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  writeInstructionsSheet(workbook.addWorksheet(SCORE_WORKBOOK_SHEETS.instructions), model);
  writeMetaSheet(workbook.addWorksheet(SCORE_WORKBOOK_SHEETS.meta), model.meta);
  return workbookToBytes(workbook);
}

/** An exceljs cell value as a plain value: rich text and hyperlinks as text, formulas as their result, errors as null. */
function plain(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((part) => String(part.text ?? '')).join('');
    if ('error' in v) return null;
    if ('formula' in v || 'sharedFormula' in v) return plain(v.result);
    if ('text' in v) return plain(v.text);
  }
  return null;
}

const textOf = (value: unknown): string => {
  const v = plain(value);
  if (v === null) return '';
  return v instanceof Date ? v.toISOString() : String(v).trim();
};

const NOT_OURS =
  'Fișierul nu este un registru de punctaje generat de aplicație (lipsește foaia ascunsă cu datele ședinței și ale membrului). Importați fișierul primit de la secretariat, completat și salvat ca .xlsx.';

/**
 * Reads a score workbook back: its metadata and, for each data row, the id, the number and the
 * raw value of every point cell and of the comment. Checks nothing about the scores (that is
 * checkScoreWorkbook's work) and never throws: a file that is not one of the app's workbooks (or
 * not a workbook at all) gives `{ problem }`, in Romanian.
 */
export async function readScoreWorkbook(bytes: Uint8Array): Promise<RawScoreWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { problem: 'Fișierul nu poate fi citit ca registru Excel (.xlsx): este deteriorat sau are alt format. Salvați-l din Excel ca „Registru de lucru Excel (*.xlsx)” și încercați din nou.' };
  }
  try {
    const metaSheet = workbook.getWorksheet(SCORE_WORKBOOK_SHEETS.meta);
    if (!metaSheet) return { problem: NOT_OURS };
    const values = new Map<string, unknown[]>();
    metaSheet.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1);
      const key = textOf(cells[0]);
      if (key) values.set(key, cells.slice(1));
    });
    const one = (key: string) => textOf(values.get(key)?.[0]);
    const list = (key: string) => (values.get(key) ?? []).map(textOf).filter((v) => v !== '');
    if (one('format') !== SCORE_WORKBOOK_FORMAT) return { problem: NOT_OURS };
    const version = Number(one('formatVersion'));
    if (!Number.isInteger(version) || version < 1) return { problem: NOT_OURS };
    if (version > SCORE_WORKBOOK_VERSION) {
      return { problem: 'Registrul a fost generat de o versiune mai nouă a aplicației; actualizați aplicația înainte de a-l importa.' };
    }
    const meta: ScoreWorkbookMeta = {
      format: one('format'),
      formatVersion: version,
      sessionId: one('sessionId'),
      roundId: one('roundId'),
      memberId: one('memberId'),
      memberName: one('memberName'),
      gridId: one('gridId'),
      gridName: one('gridName'),
      gridFingerprint: one('gridFingerprint'),
      requestIds: list('requestIds'),
      itemCodes: list('itemCodes'),
      generatedAt: one('generatedAt'),
    };
    const sheet = workbook.getWorksheet(SCORE_WORKBOOK_SHEETS.scores);
    if (!sheet) return { problem: `Foaia „${SCORE_WORKBOOK_SHEETS.scores}” lipsește din registru: a fost ștearsă sau redenumită.` };
    const columns = meta.itemCodes.map((code, i) => {
      const column = LAYOUT.firstItemColumn + i;
      return { code, column: columnLetter(column - 1), header: textOf(sheet.getCell(LAYOUT.headerRow, column).value) };
    });
    const commentColumn = LAYOUT.firstItemColumn + meta.itemCodes.length + 1;
    const rows: RawScoreRow[] = [];
    for (let r = LAYOUT.firstDataRow; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const points: Record<string, RawCell> = {};
      meta.itemCodes.forEach((code, i) => (points[code] = plain(row.getCell(LAYOUT.firstItemColumn + i).value)));
      const comment = plain(row.getCell(commentColumn).value);
      const requestId = textOf(row.getCell(LAYOUT.idColumn).value);
      const label = textOf(row.getCell(LAYOUT.labelColumn).value);
      const isEmpty = requestId === '' && label === '' && comment === null && Object.values(points).every((p) => p === null || p === '');
      if (!isEmpty) rows.push({ rowNumber: r, requestId, label, points, comment });
    }
    return { sheetName: sheet.name, meta, columns, labelColumn: columnLetter(LAYOUT.labelColumn - 1), commentColumn: columnLetter(commentColumn - 1), rows };
  } catch {
    return { problem: NOT_OURS };
  }
}
