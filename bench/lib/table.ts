import { met, ratioOf, type BenchRow, type Goal } from './rows'

const HEADER = ['benchmark', 'p50', 'p95', 'baseline p50', 'baseline p95', 'ratio', 'goal', 'met'] as const

/** A number with the precision its size deserves. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const magnitude = Math.abs(value)
  if (magnitude >= 100 || Number.isInteger(value)) return value.toFixed(0)
  if (magnitude >= 10) return value.toFixed(1)
  if (magnitude >= 1) return value.toFixed(2)
  if (magnitude >= 0.1 || magnitude === 0) return value.toFixed(3)
  return value.toPrecision(2)
}

function withUnit(value: number, unit: BenchRow['unit']): string {
  if (unit === '') return formatNumber(value)
  return unit === '%' ? `${formatNumber(value)} %` : `${formatNumber(value)} ${unit}`
}

function goalText(goal: Goal, unit: BenchRow['unit']): string {
  switch (goal.kind) {
    case 'none':
      return '—'
    case 'ratio':
      return `ratio ≤ ${formatNumber(goal.max)}`
    case 'p50':
    case 'p95':
    case 'mean':
      return `${goal.kind} ≤ ${withUnit(goal.max, unit)}`
  }
}

function cells(row: BenchRow): string[] {
  const ratio = ratioOf(row)
  const verdict = met(row)
  const { baseline } = row
  return [
    `${row.id}. ${row.name}`,
    withUnit(row.measured.p50, row.unit),
    withUnit(row.measured.p95, row.unit),
    baseline === undefined ? '—' : withUnit(baseline.p50, row.unit),
    baseline === undefined ? '—' : withUnit(baseline.p95, row.unit),
    ratio === undefined ? '—' : `${formatNumber(ratio)}×`,
    goalText(row.goal, row.unit),
    verdict === undefined ? '—' : verdict ? 'yes' : 'NO',
  ]
}

/** The rows as one Markdown table, padded to line up in a terminal too, with the notes under it. */
export function renderTable(rows: readonly BenchRow[]): string {
  const sorted = [...rows].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
  const body = sorted.map(cells)
  const widths = HEADER.map((title, i) => Math.max(title.length, ...body.map((line) => line[i]?.length ?? 0)))
  const line = (values: readonly string[]): string =>
    `| ${values.map((value, i) => value.padEnd(widths[i] ?? 0)).join(' | ')} |`
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`
  const notes = sorted.flatMap((row) => {
    const parts = [
      row.baseline === undefined ? undefined : `baseline: ${row.baseline.label}`,
      `n = ${row.measured.n}${row.baseline === undefined ? '' : ` / ${row.baseline.n}`}`,
      row.goal.kind === 'mean' ? `mean ${withUnit(row.measured.mean, row.unit)}` : undefined,
      row.note,
    ].filter((part) => part !== undefined)
    return [`- ${row.id}: ${parts.join('; ')}`]
  })
  return [line(HEADER), rule, ...body.map(line), '', ...notes].join('\n')
}
