// A chart as a PNG: the chart's SVG, its computed styles written onto a copy (so that it draws the
// same outside the page), drawn on a canvas under the chart's title and legend (the legend of
// @mui/x-charts is HTML, outside the SVG), then encoded as PNG. Used for "Descarcă PNG" and for
// the annual report's images.

const STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'visibility', 'display',
  'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'alignment-baseline', 'shape-rendering',
];

export interface LegendEntry {
  label: string;
  color: string;
}

export interface ChartPng {
  base64: string;
  width: number;
  height: number;
}

function inlineStyles(source: Element, target: Element): void {
  const computed = window.getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length && i < targetChildren.length; i++) inlineStyles(sourceChildren[i]!, targetChildren[i]!);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('Graficul nu a putut fi transformat în imagine.'));
    image.src = url;
  });
}

const HEADER = 64;
const SCALE = 2;

/** The chart under `container` (its first SVG) with `title` and `legend` above it, as a PNG. */
export async function chartToPng(container: HTMLElement, title: string, legend: readonly LegendEntry[]): Promise<ChartPng> {
  const svg = container.querySelector('svg');
  if (!svg) throw new Error('Graficul nu este afișat: nu se poate exporta.');
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width) || Number(svg.getAttribute('width')) || 600;
  const height = Math.round(box.height) || Number(svg.getAttribute('height')) || 300;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const source = new XMLSerializer().serializeToString(copy);
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`);

  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = (height + HEADER) * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Imaginea graficului nu poate fi desenată în acest browser.');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + HEADER);
  ctx.fillStyle = '#212121';
  ctx.font = 'bold 15px Arial, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(title, 12, 10, width - 24);
  ctx.font = '13px Arial, sans-serif';
  let x = 12;
  for (const entry of legend) {
    ctx.fillStyle = entry.color;
    ctx.fillRect(x, 38, 12, 12);
    ctx.fillStyle = '#212121';
    ctx.fillText(entry.label, x + 18, 37);
    x += 18 + ctx.measureText(entry.label).width + 24;
  }
  ctx.drawImage(image, 0, HEADER, width, height);
  const dataUrl = canvas.toDataURL('image/png');
  return { base64: dataUrl.slice(dataUrl.indexOf(',') + 1), width: width * SCALE, height: (height + HEADER) * SCALE };
}

