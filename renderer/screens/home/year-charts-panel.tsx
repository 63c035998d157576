// The year's charts (@mui/x-charts, loaded with this chunk only when the home screen shows them):
// budget contracted vs paid by service category and by month, beneficiaries served vs contracted,
// NGOs and units by service type. Each has a table view (the same figures, for screen readers and
// for reading exact values) and a PNG download; the annual report takes its images from here.
import DownloadIcon from '@mui/icons-material/Download';
import TableChartIcon from '@mui/icons-material/TableChart';
import BarChartIcon from '@mui/icons-material/BarChart';
import { Box, Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { CHART_TITLES, type ChartImage, type ChartKey } from '../../../src/documents/annual-report';
import type { YearCharts } from '../../../src/home/year-charts';
import { formatInteger, formatLei } from '../../../src/money';
import { useNotifier } from '../../components/notifier';
import { base64ToBytes } from '../../db/repositories/issued-documents';
import { FILTERS, saveFile } from '../../platform/files';
import { chartToPng, type LegendEntry } from './chart-png';

const WIDTH = 520;
const HEIGHT = 280;
const BLUE = '#1565c0';
const GREEN = '#2e7d32';
const ORANGE = '#ef6c00';

const oneDecimal = new Intl.NumberFormat('ro-RO', { maximumFractionDigits: 1 });
/** Axis ticks in Romanian short form: "800 mii lei", "1,2 mil. lei" (the browser's compact form for ro-RO prints "K"). */
const leiAxis = (v: number | null) => (v === null ? '' : Math.abs(v) >= 1_000_000 ? `${oneDecimal.format(v / 1_000_000)} mil. lei` : Math.abs(v) >= 1_000 ? `${oneDecimal.format(v / 1_000)} mii lei` : `${oneDecimal.format(v)} lei`);
const leiValue = (v: number | null) => (v === null ? '' : formatLei(Math.round(v * 100)));
const countValue = (v: number | null) => (v === null ? '' : formatInteger(v));

interface ChartSpec {
  key: ChartKey;
  legend: LegendEntry[];
  /** The table view: column headers, then rows of text. */
  columns: string[];
  rows: string[][];
  isEmpty: boolean;
  chart: React.ReactNode;
}

/** Registers how to capture the charts as PNGs (for the annual report). */
export type CaptureCharts = () => Promise<ChartImage[]>;

function specs(data: YearCharts): ChartSpec[] {
  const category = data.byCategory.map((c) => ({ label: c.label, allocated: c.allocated / 100, paid: c.paid / 100 }));
  const months = data.byMonth.map((m) => ({ label: m.label.slice(0, 3), allocated: m.allocated / 100, paid: m.paid / 100 }));
  // A month with no settlement declared yet has no point (not zero persons served).
  const beneficiaries = data.beneficiaries.map((m) => ({ label: m.label.slice(0, 3), contracted: m.contracted, served: m.settlements > 0 ? m.served : null }));
  const providers = data.providersByService.map((p) => ({ label: p.label, organizations: p.organizations, units: p.units }));
  const common = { width: WIDTH, height: HEIGHT, hideLegend: true, skipAnimation: true, margin: { left: 16, right: 16, top: 12, bottom: 8 } } as const;
  return [
    {
      key: 'buget_categorii',
      legend: [{ label: 'Contractat', color: BLUE }, { label: 'Plătit', color: GREEN }],
      columns: ['Categoria de servicii', 'Contractat', 'Plătit'],
      rows: data.byCategory.map((c) => [c.label, formatLei(c.allocated), formatLei(c.paid)]),
      isEmpty: category.length === 0,
      chart: (
        <BarChart {...common} dataset={category} xAxis={[{ scaleType: 'band', dataKey: 'label' }]} yAxis={[{ valueFormatter: leiAxis, width: 80 }]}
          series={[{ dataKey: 'allocated', label: 'Contractat', color: BLUE, valueFormatter: leiValue }, { dataKey: 'paid', label: 'Plătit', color: GREEN, valueFormatter: leiValue }]} />
      ),
    },
    {
      key: 'buget_luni',
      legend: [{ label: 'Contractat', color: BLUE }, { label: 'Plătit', color: GREEN }],
      columns: ['Luna', 'Contractat', 'Plătit'],
      rows: data.byMonth.map((m) => [m.label, formatLei(m.allocated), formatLei(m.paid)]),
      isEmpty: data.byMonth.every((m) => m.allocated === 0 && m.paid === 0),
      chart: (
        <BarChart {...common} dataset={months} xAxis={[{ scaleType: 'band', dataKey: 'label' }]} yAxis={[{ valueFormatter: leiAxis, width: 80 }]}
          series={[{ dataKey: 'allocated', label: 'Contractat', color: BLUE, valueFormatter: leiValue }, { dataKey: 'paid', label: 'Plătit', color: GREEN, valueFormatter: leiValue }]} />
      ),
    },
    {
      key: 'beneficiari_luni',
      legend: [{ label: 'Contractați', color: BLUE }, { label: 'Serviți (decontați)', color: ORANGE }],
      columns: ['Luna', 'Beneficiari contractați', 'Beneficiari serviți'],
      rows: data.beneficiaries.map((m) => [m.label, formatInteger(m.contracted), m.settlements > 0 ? formatInteger(m.served) : 'fără decont']),
      isEmpty: data.beneficiaries.every((m) => m.contracted === 0 && m.served === 0),
      chart: (
        <LineChart {...common} dataset={beneficiaries} xAxis={[{ scaleType: 'point', dataKey: 'label' }]} yAxis={[{ valueFormatter: countValue, width: 50 }]}
          series={[{ dataKey: 'contracted', label: 'Contractați', color: BLUE, valueFormatter: countValue, curve: 'linear' }, { dataKey: 'served', label: 'Serviți (decontați)', color: ORANGE, valueFormatter: countValue, curve: 'linear' }]} />
      ),
    },
    {
      key: 'furnizori_servicii',
      legend: [{ label: 'ONG-uri', color: BLUE }, { label: 'Unități', color: GREEN }],
      columns: ['Tipul de servicii', 'ONG-uri', 'Unități'],
      rows: data.providersByService.map((p) => [p.label, formatInteger(p.organizations), formatInteger(p.units)]),
      isEmpty: providers.length === 0,
      chart: (
        <BarChart {...common} dataset={providers} xAxis={[{ scaleType: 'band', dataKey: 'label' }]} yAxis={[{ valueFormatter: countValue, width: 40, tickMinStep: 1 }]}
          series={[{ dataKey: 'organizations', label: 'ONG-uri', color: BLUE, valueFormatter: countValue }, { dataKey: 'units', label: 'Unități', color: GREEN, valueFormatter: countValue }]} />
      ),
    },
  ];
}

function ChartCard({ spec, year, containerRef }: { spec: ChartSpec; year: number; containerRef: (element: HTMLDivElement | null) => void }) {
  const { fail } = useNotifier();
  const [showTable, setShowTable] = useState(false);
  const title = CHART_TITLES[spec.key];
  const headingId = `grafic-${spec.key}`;
  const download = async (element: HTMLElement | null) => {
    try {
      if (!element) return;
      const png = await chartToPng(element, `${title} — ${year}`, spec.legend);
      await saveFile(`grafic-${spec.key.replace(/_/g, '-')}-${year}.png`, base64ToBytes(png.base64), FILTERS.png);
    } catch (error) {
      fail(error);
    }
  };
  const local = useRef<HTMLDivElement | null>(null);
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2, minWidth: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>{title}</Typography>
        <Button size="small" startIcon={showTable ? <BarChartIcon /> : <TableChartIcon />} aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
          {showTable ? 'Grafic' : 'Tabel'}
        </Button>
        <Button size="small" startIcon={<DownloadIcon />} disabled={spec.isEmpty} onClick={() => void download(local.current)} aria-label={`Descarcă PNG: ${title}`}>PNG</Button>
      </Stack>
      {!showTable && (
        <Stack direction="row" spacing={2} sx={{ mb: 0.5 }} aria-hidden>
          {spec.legend.map((l) => (
            <Stack key={l.label} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
              <Box sx={{ width: 12, height: 12, bgcolor: l.color }} />
              <Typography variant="body2">{l.label}</Typography>
            </Stack>
          ))}
        </Stack>
      )}
      {/* The chart stays drawn while the table is shown (off screen), so the report can still take its image. */}
      <Box
        ref={(element: HTMLDivElement | null) => {
          local.current = element;
          containerRef(element);
        }}
        role="img"
        aria-label={`${title}, anul ${year}. Valorile sunt în vederea „Tabel”.`}
        sx={showTable ? { position: 'absolute', left: -10_000, top: 0, width: WIDTH } : { overflowX: 'auto' }}
      >
        {spec.isEmpty ? <Typography color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>Nicio valoare pentru anul {year}.</Typography> : spec.chart}
      </Box>
      {showTable && (
        <Table size="small" aria-labelledby={headingId}>
          <TableHead>
            <TableRow>{spec.columns.map((c, i) => <TableCell key={c} align={i === 0 ? 'left' : 'right'}>{c}</TableCell>)}</TableRow>
          </TableHead>
          <TableBody>
            {spec.rows.map((r) => (
              <TableRow key={r[0]}>{r.map((cell, i) => <TableCell key={i} align={i === 0 ? 'left' : 'right'} sx={{ whiteSpace: 'nowrap' }}>{cell}</TableCell>)}</TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

/** The four charts of the year; `captureRef` receives the function that draws them as PNGs. */
export function YearChartsPanel({ data, captureRef }: { data: YearCharts; captureRef: RefObject<CaptureCharts | null> }) {
  const list = specs(data);
  const containers = useRef(new Map<ChartKey, HTMLDivElement>());
  useEffect(() => {
    captureRef.current = async () => {
      const images: ChartImage[] = [];
      for (const spec of list) {
        const element = containers.current.get(spec.key);
        if (!element || spec.isEmpty) continue;
        const png = await chartToPng(element, `${CHART_TITLES[spec.key]} — ${data.year}`, spec.legend);
        images.push({ key: spec.key, title: CHART_TITLES[spec.key], pngBase64: png.base64, width: png.width, height: png.height });
      }
      return images;
    };
    return () => {
      captureRef.current = null;
    };
  });
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(540px, 1fr))', gap: 2, position: 'relative' }}>
      {list.map((spec) => (
        <ChartCard key={spec.key} spec={spec} year={data.year} containerRef={(element) => {
          if (element) containers.current.set(spec.key, element);
          else containers.current.delete(spec.key);
        }} />
      ))}
    </Box>
  );
}
