import type { CDPSession, Page } from '@playwright/test'

/**
 * The few browser globals the page functions below use. bench/ compiles with Node's types only (no DOM
 * lib), so they are declared here rather than pulled in for every file of the project.
 */
export interface PageGlobals {
  __benchShownAt?: number
  readonly document: {
    querySelectorAll(selector: string): { readonly length: number }
    readonly visibilityState: string
  }
  readonly MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { readonly childList: boolean; readonly subtree: boolean }): void
    disconnect(): void
  }
  requestAnimationFrame(callback: () => void): number
}

/** Runs in the page before the app: notes when `count` elements match `selector`, one frame later. */
function markWhenShown(target: { readonly selector: string; readonly count: number }): void {
  const page = globalThis as unknown as PageGlobals
  const observer = new page.MutationObserver(() => {
    if (page.document.querySelectorAll(target.selector).length < target.count) return
    observer.disconnect()
    page.requestAnimationFrame(() => setTimeout(() => (page.__benchShownAt = performance.now()), 0))
  })
  observer.observe(page.document, { childList: true, subtree: true })
}

/** From now on, every document of `page` notes when `count` elements match `selector`. */
export async function watchFor(page: Page, selector: string, count: number): Promise<void> {
  await page.addInitScript(markWhenShown, { selector, count })
}

/** Navigates to `url`; resolves to the ms from navigation start until what {@link watchFor} waits for showed. */
export async function timeToShown(page: Page, url: string): Promise<number> {
  await page.goto(url)
  await page.waitForFunction(
    () => (globalThis as unknown as PageGlobals).__benchShownAt !== undefined,
    null,
    {
      timeout: 15_000,
    },
  )
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__benchShownAt ?? Number.NaN)
}

/** Chrome's Performance.getMetrics, by name. */
export async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics')
  return new Map(list.map((metric) => [metric.name, metric.value]))
}

/**
 * The CDP metrics that count seconds: main-thread task, script, layout and style time (wall time of that
 * work, which a busy machine stretches), and the CPU time of the main thread and of the whole renderer
 * process (which it does not).
 */
export const CPU_METRICS = [
  'TaskDuration',
  'ScriptDuration',
  'LayoutDuration',
  'RecalcStyleDuration',
  'ThreadTime',
  'ProcessTime',
] as const

/** One of {@link CPU_METRICS}. */
export type CpuMetric = (typeof CPU_METRICS)[number]

/** A page's CPU use as % of one core: per second, and over the whole window, for each metric. */
export interface CpuSamples {
  readonly perSecond: ReadonlyMap<CpuMetric, readonly number[]>
  readonly mean: ReadonlyMap<CpuMetric, number>
}

/** Each metric's growth from `before` to `after`, as % of the wall time between them. */
function shares(before: Map<string, number>, after: Map<string, number>): Map<CpuMetric, number> {
  const wall = (after.get('Timestamp') ?? 0) - (before.get('Timestamp') ?? 0)
  return new Map(
    CPU_METRICS.map((name) => [name, (100 * ((after.get(name) ?? 0) - (before.get(name) ?? 0))) / wall]),
  )
}

/**
 * Samples the pages' Performance.getMetrics once a second for `seconds` seconds, all pages in the same
 * window, and turns the deltas of {@link CPU_METRICS} into % of one core.
 */
export async function sampleCpu(sessions: readonly CDPSession[], seconds: number): Promise<CpuSamples[]> {
  const read = () => Promise.all(sessions.map(metrics))
  const first = await read()
  let previous = first
  const perSecond = sessions.map(() => new Map<CpuMetric, number[]>(CPU_METRICS.map((name) => [name, []])))
  for (let second = 0; second < seconds; second += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const current = await read()
    current.forEach((after, i) => {
      for (const [name, share] of shares(previous[i] ?? after, after)) perSecond[i]?.get(name)?.push(share)
    })
    previous = current
  }
  return perSecond.map((series, i) => ({
    perSecond: series,
    mean: shares(first[i] ?? new Map<string, number>(), previous[i] ?? new Map<string, number>()),
  }))
}
