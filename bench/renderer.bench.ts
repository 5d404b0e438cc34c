import { test, type Browser, type CDPSession, type Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createHost, GOOD_KEY, type Host } from '../e2e/browser/host'
import { APP_ORIGIN } from '../e2e/browser/serve-renderer'
import { buildSnapshot } from './lib/build-snapshot'
import { requirePrivateKeychain } from './lib/keychain'
import {
  metrics,
  sampleCpu,
  timeToShown,
  watchFor,
  type CpuMetric,
  type CpuSamples,
  type PageGlobals,
} from './lib/page-metrics'
import { report, type BenchRow, type Goal } from './lib/rows'
import { single, summarize, alternate } from './lib/stats'

const PROFILES = 100
const IDLE_SECONDS = 10
/** After the first load, before measuring idle: the app's start-up work and first GCs are over. */
const SETTLE_MS = 3000
const KIB = 1024
const MIB = 1024 * 1024

/** The gzip size of the built renderer's JS and CSS. */
function bundleRow(): BenchRow {
  const assets = join(buildSnapshot().renderer, 'assets')
  const files = readdirSync(assets).filter((name) => ['.js', '.css'].includes(extname(name)))
  if (files.length === 0) throw new Error(`${assets} holds no JS or CSS: npm run bench builds it first.`)
  const sizes = files.map((name) => {
    const bytes = readFileSync(join(assets, name))
    return { name, raw: bytes.length, gzip: gzipSync(bytes).length }
  })
  const sum = (key: 'raw' | 'gzip') => sizes.reduce((total, size) => total + size[key], 0)
  return {
    id: '6a',
    name: 'Renderer bundle, JS + CSS gzip',
    unit: 'KiB',
    measured: single(sum('gzip') / KIB),
    goal: { kind: 'p50', max: 60 },
    note: sizes
      .map((s) => `${s.name} ${(s.gzip / KIB).toFixed(1)} KiB (raw ${(s.raw / KIB).toFixed(1)})`)
      .join(', '),
  }
}

/** A page with its host and a DevTools session on it. */
interface Opened {
  readonly host: Host
  readonly page: Page
  readonly cdp: CDPSession
}

/** A page of its own (own context) with its own host: engine, fake server and keychain entries. */
async function openHost(browser: Browser): Promise<Opened> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const host = await createHost(page, { rendererDir: buildSnapshot().renderer })
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  return { host, page, cdp }
}

/** Both apps open side by side: what they cost while idle, second by second, in the same 10 s. */
async function idleRows(full: Opened, empty: Opened): Promise<BenchRow[]> {
  for (const { page } of [full, empty]) {
    const state = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.visibilityState)
    if (state !== 'visible') throw new Error(`the page is ${state}: its clock would not tick`)
  }
  const countdown = full.page.getByTestId('countdown').first()
  const before = await countdown.textContent()
  const [busy, idle] = await sampleCpu([full.cdp, empty.cdp], IDLE_SECONDS)
  if ((await countdown.textContent()) === before) throw new Error('the countdowns did not tick')
  if (busy === undefined || idle === undefined) throw new Error('no CPU samples')
  const series = (of: CpuSamples, name: CpuMetric) => summarize(of.perSecond.get(name) ?? [])
  const share = (name: CpuMetric) => `${(busy.mean.get(name) ?? 0).toFixed(2)} %`
  const baseline = 'the empty app, idle in the same seconds'
  const row = (id: string, what: string, name: CpuMetric, goal: Goal, note: string): BenchRow => ({
    id,
    name: `Renderer idle, 100 countdowns: ${what}`,
    unit: '%',
    measured: series(busy, name),
    baseline: { ...series(idle, name), label: baseline },
    goal,
    note: `per-second windows, % of one core (CDP ${name}); ${note}`,
  })
  return [
    row(
      '6c',
      'task time',
      'TaskDuration',
      { kind: 'mean', max: 2 },
      `of it, style ${share('RecalcStyleDuration')}, layout ${share('LayoutDuration')}`,
    ),
    row('6d', 'script time', 'ScriptDuration', { kind: 'mean', max: 2 }, 'wall time of script tasks'),
    row(
      '6e',
      'renderer CPU',
      'ProcessTime',
      { kind: 'none' },
      `CPU time of the whole renderer process (main thread alone: ${share('ThreadTime')}); unlike task time, not stretched when other jobs take the cores`,
    ),
  ]
}

/** Navigation to every row shown, alternating with the empty app. */
async function loadRow(full: Opened, empty: Opened): Promise<BenchRow> {
  const load = await alternate(
    10,
    2,
    () => timeToShown(full.page, `${APP_ORIGIN}/`),
    () => timeToShown(empty.page, `${APP_ORIGIN}/`),
  )
  const articles = await full.page.locator('article').count()
  if (articles !== PROFILES) throw new Error(`expected ${PROFILES} rows, saw ${articles}`)
  return {
    id: '6b',
    name: 'Renderer, navigation to 100 rows shown',
    unit: 'ms',
    measured: summarize(load.measured),
    baseline: { ...summarize(load.baseline), label: 'the same app with no profile, to its empty state' },
    goal: { kind: 'none' },
    note: 'in-page, navigation start to one frame after the 100th countdown is in the DOM',
  }
}

/** DOM nodes and JS heap of both apps, after a garbage collection. */
async function memoryRows(full: Opened, empty: Opened): Promise<BenchRow[]> {
  const settled = async (cdp: CDPSession) => {
    await cdp.send('HeapProfiler.collectGarbage')
    return metrics(cdp)
  }
  const [withRows, without] = [await settled(full.cdp), await settled(empty.cdp)]
  const value = (from: Map<string, number>, name: string, scale = 1) => single((from.get(name) ?? 0) / scale)
  return [
    {
      id: '6f',
      name: 'Renderer, DOM nodes with 100 rows',
      unit: '',
      measured: value(withRows, 'Nodes'),
      baseline: { ...value(without, 'Nodes'), label: 'the empty app' },
      goal: { kind: 'none' },
    },
    {
      id: '6g',
      name: 'Renderer, JS heap used with 100 rows',
      unit: 'MiB',
      measured: value(withRows, 'JSHeapUsedSize', MIB),
      baseline: { ...value(without, 'JSHeapUsedSize', MIB), label: 'the empty app' },
      goal: { kind: 'none' },
      note: 'after HeapProfiler.collectGarbage',
    },
  ]
}

test('6. renderer: bundle size, 100 rows, idle CPU, DOM and heap', async ({ browser }) => {
  requirePrivateKeychain()
  const rows: BenchRow[] = [bundleRow()]
  const full = await openHost(browser)
  const empty = await openHost(browser)
  try {
    for (let i = 1; i <= PROFILES; i += 1) {
      await full.host.service.add({ name: `Profile ${i}`, environment: full.host.fake.url, apiKey: GOOD_KEY })
    }
    await watchFor(full.page, 'article [data-testid="countdown"]', PROFILES)
    await watchFor(empty.page, 'section.empty', 1)
    await timeToShown(full.page, `${APP_ORIGIN}/`)
    await timeToShown(empty.page, `${APP_ORIGIN}/`)
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    rows.push(...(await idleRows(full, empty)))
    rows.push(await loadRow(full, empty))
    rows.push(...(await memoryRows(full, empty)))
    await report(test.info(), rows)
  } finally {
    for (const { host, page } of [full, empty]) {
      await host.close()
      await page.context().close()
    }
  }
})
