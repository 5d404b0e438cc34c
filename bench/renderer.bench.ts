import { test, type Browser, type CDPSession, type Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startFakeApiVideo, type FakeApiVideo } from '../main/fake-api/server'
import type { AppRun } from '../e2e/harness/desktop'
import { BUILT, standInDriver } from '../e2e/harness/stand-in-driver'
import { buildSnapshot } from './lib/build-snapshot'
import { requirePrivateKeychain, scratch, type Scratch } from './lib/keychain'
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
import { seedProfiles } from './lib/seed'
import { single, summarize, alternate } from './lib/stats'

const PROFILES = 100
const API_KEY = 'bench-api-key'
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

/** One app, started through the desktop harness, with its window's page and a DevTools session on it. */
interface Opened {
  readonly page: Page
  readonly cdp: CDPSession
  /** The window's own URL: navigating to it loads the renderer again through the app's protocol handler. */
  readonly url: string
  close(): Promise<void>
}

/**
 * The app as the desktop harness starts it (its composition function, with stand-ins for Electron's native
 * surfaces), on a machine of its own: data folder, keychain service and fake api.video server, with
 * `profiles` profiles in it before launch. The window's page is a real Chromium page of its own context.
 */
async function openApp(browser: Browser, profiles: number): Promise<Opened> {
  const machine: Scratch = scratch(profiles === 0 ? 'renderer-empty' : 'renderer-full')
  const fake: FakeApiVideo = await startFakeApiVideo({ apiKeys: [API_KEY] })
  if (profiles > 0) {
    await seedProfiles({
      count: profiles,
      baseUrl: fake.url,
      apiKey: API_KEY,
      keychain: machine.raw,
      dataDir: machine.dataDir,
      prefix: 'Profile ',
    })
  }
  const driver = standInDriver(browser, {
    dataDir: machine.dataDir,
    home: join(machine.dataDir, 'home'),
    keychainService: machine.service,
    fetch: (input, init) => fetch(input, init),
    files: { ...BUILT, renderer: buildSnapshot().renderer, preload: buildSnapshot().preload },
  })
  let app: AppRun | undefined
  try {
    app = await driver.launch()
    const page = await app.window()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const errors = app.loggedErrors()
    return {
      page,
      cdp,
      url: page.url(),
      close: async () => {
        await driver.close()
        await fake.close()
        await machine.dispose()
        if (errors.length > 0) throw new Error(`the app logged errors: ${errors.join('\n')}`)
      },
    }
  } catch (error) {
    await driver.close()
    await fake.close()
    await machine.dispose()
    throw error
  }
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
    () => timeToShown(full.page, full.url),
    () => timeToShown(empty.page, empty.url),
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
    note: 'the window reloaded through the app’s protocol handler (desktop harness); in-page, navigation start to one frame after the 100th countdown is in the DOM',
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
  const opened: Opened[] = []
  try {
    const full = await openApp(browser, PROFILES)
    opened.push(full)
    const empty = await openApp(browser, 0)
    opened.push(empty)
    await watchFor(full.page, 'article [data-testid="countdown"]', PROFILES)
    await watchFor(empty.page, 'section.empty', 1)
    await timeToShown(full.page, full.url)
    await timeToShown(empty.page, empty.url)
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    rows.push(...(await idleRows(full, empty)))
    rows.push(await loadRow(full, empty))
    rows.push(...(await memoryRows(full, empty)))
    await report(test.info(), rows)
  } finally {
    for (const app of opened) await app.close()
  }
})
