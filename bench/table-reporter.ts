import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import { ROWS_ATTACHMENT, type BenchRow } from './lib/rows'
import { renderTable } from './lib/table'

/** Collects every benchmark's rows and prints them as one table when the run ends. */
export default class TableReporter implements Reporter {
  private readonly rows: BenchRow[] = []
  private readonly failures: string[] = []
  private readonly started = performance.now()

  onTestBegin(test: TestCase): void {
    process.stderr.write(`bench: ${test.title}…\n`)
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    process.stderr.write(
      `bench: ${test.title}: ${result.status} in ${(result.duration / 1000).toFixed(1)} s\n`,
    )
    for (const attachment of result.attachments) {
      if (attachment.name !== ROWS_ATTACHMENT || attachment.body === undefined) continue
      this.rows.push(...(JSON.parse(attachment.body.toString('utf8')) as BenchRow[]))
    }
    if (result.status !== 'passed') {
      const message = result.errors
        .map((error) => error.stack ?? error.message ?? error.value ?? '')
        .join('\n')
      this.failures.push(`${test.title} ${result.status}: ${message}`)
    }
  }

  onEnd(result: FullResult): void {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(0)
    console.log(`\n${renderTable(this.rows)}\n`)
    console.log(`Benchmarks ${result.status} in ${seconds} s (ratios are p50 / baseline p50).`)
    for (const failure of this.failures) console.log(`\nFAILED: ${failure}`)
  }

  printsToStdio(): boolean {
    return true
  }
}
