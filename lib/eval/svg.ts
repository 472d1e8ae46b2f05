/**
 * Inline SVG bar charts for the HTML report (no scripts, no external files: it opens offline and
 * prints). Horizontal bars, one group of bars per row, an optional reference line; each chart has a
 * <title> and the report puts the same numbers in a table beside it.
 */

export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface BarValue {
  value: number;
  color: string;
  /** Printed at the end of the bar. */
  text: string;
}

export interface BarChartSpec {
  title: string;
  rows: { label: string; values: BarValue[] }[];
  max: number;
  reference?: { at: number; label: string };
  legend?: { label: string; color: string }[];
}

const LABEL_W = 150;
const BAR_W = 170;
const TEXT_W = 50;
const BAR_H = 9;
const ROW_GAP = 4;
/** Labels longer than this are cut (the table beside each chart has them whole). */
const LABEL_CHARS = 32;
const cut = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

export function barChart(c: BarChartSpec): string {
  const legendH = c.legend?.length ? 14 : 0;
  let y = legendH + 4;
  const parts: string[] = [];
  const x = (v: number) => LABEL_W + (c.max > 0 ? Math.max(0, Math.min(1, v / c.max)) : 0) * BAR_W;
  for (const r of c.rows) {
    const h = r.values.length * BAR_H;
    parts.push(`<text x="${LABEL_W - 6}" y="${y + h / 2 + 4}" text-anchor="end" class="l">${esc(cut(r.label))}</text>`);
    r.values.forEach((v, i) => {
      const top = y + i * BAR_H;
      parts.push(`<rect x="${LABEL_W}" y="${top}" width="${(x(v.value) - LABEL_W).toFixed(1)}" height="${BAR_H - 2}" fill="${v.color}"/>`);
      parts.push(`<text x="${(x(v.value) + 4).toFixed(1)}" y="${top + BAR_H - 3}" class="v">${esc(v.text)}</text>`);
    });
    y += h + ROW_GAP;
  }
  if (c.reference) {
    const rx = x(c.reference.at).toFixed(1);
    parts.push(`<line x1="${rx}" x2="${rx}" y1="${legendH}" y2="${y}" stroke="#be123c" stroke-dasharray="3 3"/>`);
    parts.push(`<text x="${rx}" y="${y + 10}" text-anchor="middle" class="v">${esc(c.reference.label)}</text>`);
    y += 12;
  }
  const legend = (c.legend ?? [])
    .map((l, i) => `<rect x="${LABEL_W + i * 60}" y="2" width="9" height="9" fill="${l.color}"/><text x="${LABEL_W + i * 60 + 12}" y="10" class="v">${esc(l.label)}</text>`)
    .join("");
  const width = LABEL_W + BAR_W + TEXT_W;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${y}" width="${width}" height="${y}">` +
    `<title>${esc(c.title)}</title><style>.l{font:9px sans-serif;fill:#0f172a}.v{font:8px sans-serif;fill:#334155}</style>${legend}${parts.join("")}</svg>`
  );
}
