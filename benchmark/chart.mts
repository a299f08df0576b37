// The README's chart: time per token of napi-secrets and of the usual alternatives, as a bar chart
// in SVG text written by hand (no charting dependency), from the numbers of the `npm run bench`
// run that calls it. It carries its own background, so it reads the same on a light or a dark
// page, and switches to dark colours where the viewer prefers them; `role="img"` with `<title>`
// and `<desc>` give screen readers the figures, and each bar has a `<title>` of its own.

/** One bar: what was timed, nanoseconds per token, and whether it is napi-secrets. */
export interface Bar {
  label: string
  ns: number
  ours: boolean
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const time = (ns: number): string => (ns >= 1e4 ? `${(ns / 1e3).toFixed(1)} µs` : `${Math.round(ns)} ns`)

/**
 * The chart's SVG text. `caption` says where and how it was measured; the first bar is the one
 * the others are compared with ("3.6x" after a bar: that many times the first bar's time).
 */
export function chartSvg(bars: Bar[], caption: string): string {
  if (bars.length === 0) throw new Error('a chart needs at least one bar')
  const reference = bars[0].ns
  const width = 760
  const labelWidth = 300
  const valueWidth = 130
  const barArea = width - labelWidth - valueWidth - 30
  const rowHeight = 30
  const top = 72
  const height = top + bars.length * rowHeight + 48
  // The axis ends a little past the longest bar within 12 times the reference: a slower bar
  // (randomBytes per token is some 20-40x) would squash the others into slivers, so it is drawn
  // to the end of the axis with a break in it, and its figure says how long it really is.
  const within = bars.map((b) => b.ns).filter((ns) => ns <= 12 * reference)
  const max = 1.1 * Math.max(reference, ...within)
  const title = 'Time to make one 32-byte token (lower is faster)'
  const desc = bars.map((b) => `${b.label}: ${time(b.ns)}`).join('; ')

  const rows = bars.map((bar, i) => {
    const y = top + i * rowHeight
    const clipped = bar.ns > max
    const w = clipped ? barArea : Math.max(2, (bar.ns / max) * barArea)
    const ratio = bar.ours ? '' : ` · ${(bar.ns / reference).toFixed(1)}x`
    const cls = bar.ours ? 'bar ours' : 'bar'
    const cut = labelWidth + 10 + w - 40
    const gap = clipped ? [`    <path class="break" d="M${cut} ${y + 2} l6 0 l-6 ${rowHeight - 4} l-6 0 z"/>`] : []
    return [
      `  <g class="row" data-label="${escape(bar.label)}" data-ns="${bar.ns.toFixed(1)}">`,
      `    <title>${escape(bar.label)}: ${time(bar.ns)} per token</title>`,
      `    <text class="label" x="${labelWidth}" y="${y + 19}" text-anchor="end">${escape(bar.label)}</text>`,
      `    <rect class="${cls}" x="${labelWidth + 10}" y="${y + 5}" width="${w.toFixed(1)}" height="${rowHeight - 10}" rx="3"/>`,
      ...gap,
      `    <text class="value" x="${(labelWidth + 16 + w).toFixed(1)}" y="${y + 19}">${time(bar.ns)}${ratio}</text>`,
      '  </g>',
    ].join('\n')
  })

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">`,
    `  <title id="chart-title">${escape(title)}</title>`,
    `  <desc id="chart-desc">${escape(desc)}. ${escape(caption)}</desc>`,
    '  <style>',
    '    .card { fill: #ffffff; stroke: #d0d7de; }',
    '    text { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 14px; fill: #1f2328; }',
    '    .heading { font-size: 16px; font-weight: 600; }',
    '    .caption { font-size: 12px; fill: #59636e; }',
    '    .bar { fill: #8c959f; }',
    '    .bar.ours { fill: #0969da; }',
    '    .break { fill: #ffffff; }',
    '    @media (prefers-color-scheme: dark) {',
    '      .card { fill: #0d1117; stroke: #3d444d; }',
    '      text { fill: #f0f6fc; }',
    '      .caption { fill: #9198a1; }',
    '      .bar { fill: #656c76; }',
    '      .bar.ours { fill: #4493f8; }',
    '      .break { fill: #0d1117; }',
    '    }',
    '  </style>',
    `  <rect class="card" x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="8"/>`,
    `  <text class="heading" x="20" y="32">${escape(title)}</text>`,
  `  <text class="caption" x="20" y="52">${escape(`After each bar: its time, and how many times that of ${bars[0].label} (the first bar).`)}</text>`,
    ...rows,
    `  <text class="caption" x="20" y="${height - 18}">${escape(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n')
}
