import type { TestInfo } from '@playwright/test'
import type { Summary } from './stats'

/** What a row promises: a ratio of p50s, a bound on the p50, p95 or mean, or nothing (reported only). */
export type Goal =
  | { readonly kind: 'ratio'; readonly max: number }
  | { readonly kind: 'p50' | 'p95' | 'mean'; readonly max: number }
  | { readonly kind: 'none' }

/** One line of the table. */
export interface BenchRow {
  /** Sort key and label, e.g. "1a". */
  readonly id: string
  readonly name: string
  readonly unit: 'ms' | 'KiB' | 'MiB' | '%' | ''
  readonly measured: Summary
  readonly baseline?: Summary & { readonly label: string }
  readonly goal: Goal
  /** Printed under the table: what the baseline is, what else was seen. */
  readonly note?: string
}

/** The name of the attachment the table reporter reads. */
export const ROWS_ATTACHMENT = 'bench-rows'

/** Hands rows to the table reporter. */
export async function report(testInfo: TestInfo, rows: readonly BenchRow[]): Promise<void> {
  await testInfo.attach(ROWS_ATTACHMENT, {
    body: JSON.stringify(rows),
    contentType: 'application/json',
  })
}

/** measured p50 / baseline p50, when there is a baseline. */
export function ratioOf(row: BenchRow): number | undefined {
  return row.baseline === undefined || row.baseline.p50 === 0
    ? undefined
    : row.measured.p50 / row.baseline.p50
}

/** Whether the row meets its goal; undefined when it has none. */
export function met(row: BenchRow): boolean | undefined {
  const { goal } = row
  switch (goal.kind) {
    case 'none':
      return undefined
    case 'ratio': {
      const ratio = ratioOf(row)
      return ratio !== undefined && ratio <= goal.max
    }
    case 'p50':
      return row.measured.p50 <= goal.max
    case 'p95':
      return row.measured.p95 <= goal.max
    case 'mean':
      return row.measured.mean <= goal.max
  }
}
