// The ranking table of the results screen ("Clasament și alocare"): a fixed-width grid whose
// header and first columns (place, request, NGO) stay in view while it scrolls, so that a
// commission of seven or more members stays readable (issue 14), and whose body draws only the rows
// in view (issue 10: a 300-request round has over 4,000 cells, and laying them all out was most of
// the screen's time). Rows have a known height (one line, or two with the appeal's caption), so the
// rows drawn follow from the scroll position alone (row-window.ts).
import { Box, Tooltip } from '@mui/material';
import { alpha, darken, lighten, type Theme } from '@mui/material/styles';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { MEAN_ROUNDING_RULE } from '../../../src/commission/aggregation';
import { ALLOCATION_STATUSES, type AllocationStatus } from '../../../src/commission/ranking';
import type { ResultsTableRow } from '../../../src/commission/results-table';
import { formatDecimal, formatLei } from '../../../src/money';
import { rowOffsets, rowWindow } from '../../components/row-window';

const STATUS_COLORS: Record<AllocationStatus, 'success' | 'warning' | 'default' | 'error' | 'info'> = {
  finantata: 'success',
  finantata_partial: 'info',
  nefinantata_buget: 'warning',
  sub_prag: 'default',
  neeligibila: 'error',
  necalculata: 'default',
};

/** Row heights in pixels: one line (the status label is the tallest thing in it), or two with the appeal's caption under the mean. */
export const ROW_HEIGHT = 37;
export const ROW_HEIGHT_WITH_CAPTION = 57;
const HEADER_HEIGHT = 40;
/** The scroll box's height: the window's less this (the page's header, tabs and totals), and at least the minimum. */
const AROUND_BOX = 300;
const MIN_BOX_HEIGHT = 320;
/** Rows drawn above and below the viewport. */
const OVERSCAN = 8;

/**
 * Column widths (px). The first three are the sticky ones; a member's column fits a name on two
 * lines; the status fits "Nefinanțată — buget insuficient"; the mean widens when a row carries the
 * act of an appeal that changed it.
 */
const WIDTH = { rank: 112, label: 96, organization: 240, member: 104, mean: 100, meanWithCaption: 230, status: 240, computed: 140, allocated: 140 };
const STICKY_LEFT = [0, WIDTH.rank, WIDTH.rank + WIDTH.label];

const points = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatDecimal(n, 2));
const rowHeight = (row: ResultsTableRow) => (row.revisedByAct !== null ? ROW_HEIGHT_WITH_CAPTION : ROW_HEIGHT);

/** One request's row: plain cells styled once by the table (RANKING_SX), not a component per cell. */
const RankingRow = memo(function RankingRow({ row, index }: { row: ResultsTableRow; index: number }) {
  return (
    <tr aria-rowindex={index + 2} style={{ height: rowHeight(row) }}>
      <td className="sticky s0">{row.rank ?? '—'}{row.tieFlag && <span className={`chip ${row.tieFlag.includes('decisă') ? 'chip-default' : 'chip-warning'} tie`}>egalitate</span>}</td>
      <td className="sticky s1">{row.label}</td>
      <td className="sticky s2 last-sticky" title={row.organizationName}>{row.organizationName}</td>
      {row.cells.map((cell) => (
        <td key={cell.memberId} className={cell.isFlagged ? 'score num flagged' : 'score num'}>
          {cell.isRecused ? <span className="muted">recuzat</span> : points(cell.total)}
        </td>
      ))}
      <td className="num"><strong>{points(row.meanTotal)}</strong>{row.revisedByAct !== null && <span className="caption" title={`după contestație (${row.revisedByAct})`}>după contestație ({row.revisedByAct})</span>}</td>
      <td><span className={`chip chip-${STATUS_COLORS[row.status]}`} title={row.reasons || undefined}>{ALLOCATION_STATUSES[row.status]}</span></td>
      <td className="num">{row.computedSubsidy === null ? '—' : formatLei(row.computedSubsidy)}</td>
      <td className="num"><strong>{formatLei(row.allocated)}</strong></td>
    </tr>
  );
});

/** The rows in view of the scroll box, and spacers for the others (hidden from assistive technology, which reads aria-rowcount). */
function RankingBody({ rows, scrollTop, height }: { rows: readonly ResultsTableRow[]; scrollTop: number; height: number }) {
  const offsets = useMemo(() => rowOffsets(rows.map(rowHeight)), [rows]);
  // The rows around the viewport are there for scrolling: the first draw shows the rows in view
  // only, and the margin follows a frame later (issue 10: 8 rows of 25, about a third of the table's
  // first draw, off the screen's first paint).
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setOverscan(OVERSCAN));
    return () => cancelAnimationFrame(frame);
  }, []);
  const { start, end, before, after } = rowWindow(offsets, scrollTop, height, overscan);
  const columns = rows[0] ? rows[0].cells.length + 7 : 1;
  return (
    <tbody>
      {before > 0 && <tr aria-hidden className="spacer" style={{ height: before }}><td colSpan={columns} /></tr>}
      {rows.slice(start, end).map((row, i) => <RankingRow key={row.requestId} row={row} index={start + i} />)}
      {after > 0 && <tr aria-hidden className="spacer" style={{ height: after }}><td colSpan={columns} /></tr>}
    </tbody>
  );
}

/** The ranking and allocation table, each scoring member's total beside the mean. */
export function RankingTable({ rows, scorers }: { rows: readonly ResultsTableRow[]; scorers: readonly { id: string; name: string }[] }) {
  const box = useRef<HTMLDivElement>(null);
  // The viewport of the scroll box: at first the most its CSS lets it be (the window's height less
  // what is above and below it), so that the first draw is the last one (reading the box's size
  // before the first paint would lay out the whole screen twice), then kept by a ResizeObserver.
  const [view, setView] = useState(() => ({ scrollTop: 0, height: Math.max(MIN_BOX_HEIGHT, window.innerHeight - AROUND_BOX) }));
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => {
        const next = { scrollTop: Math.max(0, el.scrollTop - HEADER_HEIGHT), height: el.clientHeight };
        return v.scrollTop === next.scrollTop && v.height === next.height ? v : next;
      });
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    const observer = new ResizeObserver(onScroll);
    observer.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);
  const meanWidth = rows.some((r) => r.revisedByAct !== null) ? WIDTH.meanWithCaption : WIDTH.mean;
  const width = WIDTH.rank + WIDTH.label + WIDTH.organization + scorers.length * WIDTH.member + meanWidth + WIDTH.status + WIDTH.computed + WIDTH.allocated;
  return (
    <Box ref={box} sx={RANKING_SX} className="ranking-scroll" tabIndex={0} role="region" aria-label="Tabelul clasamentului (derulare)">
      <table aria-label="Clasament și alocare" aria-rowcount={rows.length + 1} style={{ width }}>
        <colgroup>
          <col style={{ width: WIDTH.rank }} />
          <col style={{ width: WIDTH.label }} />
          <col style={{ width: WIDTH.organization }} />
          {scorers.map((m) => <col key={m.id} style={{ width: WIDTH.member }} />)}
          <col style={{ width: meanWidth }} />
          <col style={{ width: WIDTH.status }} />
          <col style={{ width: WIDTH.computed }} />
          <col style={{ width: WIDTH.allocated }} />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th className="sticky s0">Loc</th>
            <th className="sticky s1">Cererea</th>
            <th className="sticky s2 last-sticky">ONG</th>
            {scorers.map((m) => <th key={m.id} className="num member" title={m.name}>{m.name}</th>)}
            <th className="num"><Tooltip title={MEAN_ROUNDING_RULE}><span>Media</span></Tooltip></th>
            <th>Stare</th>
            <th className="num">Subvenție calculată</th>
            <th className="num">Suma propusă</th>
          </tr>
        </thead>
        <RankingBody rows={rows} scrollTop={view.scrollTop} height={view.height} />
      </table>
    </Box>
  );
}

const typography = ({ fontFamily, fontWeight, fontSize, lineHeight, letterSpacing }: Theme['typography']['body2']) =>
  Object.fromEntries(Object.entries({ fontFamily, fontWeight, fontSize, lineHeight, letterSpacing }).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
const chipColor = (theme: Theme, color: 'success' | 'warning' | 'error' | 'info') => ({ backgroundColor: theme.palette[color].main, color: theme.palette[color].contrastText });

/**
 * The look of MUI's small Table and filled Chip for plain elements, with a fixed layout (column
 * widths from the colgroup, so the browser never measures the cells' text), a sticky header and
 * sticky first columns over an opaque background.
 */
const RANKING_SX = (theme: Theme) => {
  const border = `1px solid ${theme.palette.mode === 'light' ? lighten(alpha(theme.palette.divider, 1), 0.88) : darken(alpha(theme.palette.divider, 1), 0.68)}`;
  const paper = theme.palette.background.paper;
  return {
    overflow: 'auto',
    // The table fills the panel's height, but a short round's table is only as tall as its rows.
    maxHeight: `max(${MIN_BOX_HEIGHT}px, calc(100vh - ${AROUND_BOX}px))`,
    border,
    borderRadius: `${theme.shape.borderRadius}px`,
    backgroundColor: paper,
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
    // At least as wide as the box: on a wide screen the columns share the room left.
    '& > table': { tableLayout: 'fixed', borderCollapse: 'separate', borderSpacing: 0, minWidth: '100%' },
    '& th, & td': {
      ...typography(theme.typography.body2),
      boxSizing: 'border-box',
      padding: '0 12px',
      textAlign: 'left',
      whiteSpace: 'nowrap',
      borderBottom: border,
      color: theme.palette.text.primary,
      backgroundColor: paper,
    },
    // Text that may be longer than its column ends in "…". Not the members' totals ("67,00",
    // "recuzat"), which always fit: a clip per cell is a paint property of its own, and they are
    // most of the cells drawn (measured: the tab's draw about 7 ms shorter without them).
    '& th, & td:not(.score)': { overflow: 'hidden', textOverflow: 'ellipsis' },
    '& th': {
      position: 'sticky',
      top: 0,
      zIndex: 2,
      height: HEADER_HEIGHT,
      fontWeight: theme.typography.fontWeightMedium,
      lineHeight: '1.2',
      verticalAlign: 'middle',
    },
    // A member's name may take two lines in the header, the rest of the header one.
    '& th.member': { whiteSpace: 'normal', overflowWrap: 'anywhere' },
    '& .sticky': { position: 'sticky', zIndex: 1 },
    '& th.sticky': { zIndex: 3 },
    '& .s0': { left: STICKY_LEFT[0] },
    '& .s1': { left: STICKY_LEFT[1] },
    '& .s2': { left: STICKY_LEFT[2] },
    '& .last-sticky': { borderRight: border, boxShadow: `4px 0 4px -4px ${alpha(theme.palette.common.black, 0.25)}` },
    '& .num': { textAlign: 'right' },
    '& td.flagged': { backgroundColor: theme.palette.warning.light },
    '& tr.spacer > td': { padding: 0, border: 0 },
    '& tbody > tr:last-of-type > td': { borderBottom: 0 },
    '& .muted': { color: theme.palette.text.secondary },
    '& .caption': { ...typography(theme.typography.caption), display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', color: theme.palette.text.secondary },
    // Inline blocks rather than MUI's inline-flex, so that a label longer than its column ends in "…".
    '& .chip': {
      display: 'inline-block',
      maxWidth: '100%',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      lineHeight: '24px',
      height: 24,
      padding: '0 8px',
      borderRadius: 12,
      whiteSpace: 'nowrap',
      fontSize: theme.typography.pxToRem(13),
      fontFamily: theme.typography.fontFamily,
      verticalAlign: 'middle',
      boxSizing: 'border-box' as const,
    },
    '& .tie': { marginLeft: theme.spacing(0.5) },
    '& .chip-default': { backgroundColor: theme.palette.action.selected, color: theme.palette.text.primary },
    '& .chip-success': chipColor(theme, 'success'),
    '& .chip-warning': chipColor(theme, 'warning'),
    '& .chip-error': chipColor(theme, 'error'),
    '& .chip-info': chipColor(theme, 'info'),
  };
};
