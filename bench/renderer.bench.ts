import { test, type Browser, type CDPSession, type Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startFakeApiVideo, type FakeApiVideo } from '../main/fake-api/server'
import type { AppRun } from '../e2e/harness/desktop'
import type { Api } from '../main/ipc/contract'
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

const PROFILES = 200
/** The rows a person sees first: an 1100×800 window shows at least this many. */
const FIRST_ROWS = 12
/**
 * What is typed into the search, one key at a time: "profile 19" narrows the list to 11 rows, unless the fake
 * server's address (which each profile's environment shows, and the search matches) has those digits too.
 */
function typedFor(serverUrl: string): string {
  const digits = ['19', '18', '16', '15', '14', '13'].find((candidate) => !serverUrl.includes(candidate))
  return `profile ${digits ?? '19'}`
}
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
    goal: { kind: 'p50', max: 40 },
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
  /** The fake api.video server's URL, where every profile lives. */
  readonly serverUrl: string
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
      serverUrl: fake.url,
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
    name: `Renderer idle, ${PROFILES} countdowns: ${what}`,
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

/** Navigation to the first rows shown, alternating with the empty app to its empty state. */
async function loadRow(full: Opened, empty: Opened): Promise<BenchRow> {
  const load = await alternate(
    10,
    2,
    () => timeToShown(full.page, full.url),
    () => timeToShown(empty.page, empty.url),
  )
  const rows = await full.page.locator('[role="row"]').count()
  if (rows !== PROFILES) throw new Error(`expected ${PROFILES} rows, saw ${rows}`)
  return {
    id: '6b',
    name: `Renderer, navigation to the first ${FIRST_ROWS} of ${PROFILES} rows shown`,
    unit: 'ms',
    measured: summarize(load.measured),
    baseline: { ...summarize(load.baseline), label: 'the same app with no profile, to its empty state' },
    goal: { kind: 'ratio', max: 1.5 },
    note: `the window reloaded through the app’s protocol handler (desktop harness); in-page, navigation start to one frame after the ${FIRST_ROWS}th row’s countdown is in the DOM`,
  }
}

/**
 * The part of 6b that is the desktop harness's and not the app's: `profiles:list` with every profile, against
 * `app:state`, as round trips from the page. The harness carries IPC through a Playwright binding, which
 * serialises a result through the DevTools protocol; Electron's IPC copies it with a structured clone.
 */
async function ipcRow(full: Opened): Promise<BenchRow> {
  const times = await full.page.evaluate(async () => {
    const api = (globalThis as unknown as { api: Api }).api
    const list: number[] = []
    const state: number[] = []
    let bytes = 0
    for (let round = 0; round < 10; round += 1) {
      const start = performance.now()
      const listed = await api.profiles.list()
      const middle = performance.now()
      await api.app.state()
      state.push(performance.now() - middle)
      list.push(middle - start)
      bytes = JSON.stringify(listed).length
    }
    return { list, state, bytes }
  })
  return {
    id: '6j',
    name: `Renderer, profiles:list round trip with ${PROFILES} profiles (desktop harness)`,
    unit: 'ms',
    measured: summarize(times.list),
    baseline: { ...summarize(times.state), label: 'app:state, a few hundred bytes, the same way' },
    goal: { kind: 'none' },
    note: `${(times.bytes / KIB).toFixed(0)} KiB of JSON; in-page, through the harness’s IPC (a Playwright binding), which 6b includes`,
  }
}

/** Every DOM node (elements, text, Svelte's anchors) inside each row of the list. */
async function nodesPerRow(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    interface RowDocument {
      querySelectorAll(selector: string): ArrayLike<unknown>
      createTreeWalker(root: unknown, whatToShow: number): { nextNode(): unknown }
    }
    const doc = (globalThis as unknown as { document: RowDocument }).document
    return Array.from(doc.querySelectorAll('[role="row"]'), (row) => {
      const walker = doc.createTreeWalker(row, 0xffffffff)
      let count = 1
      while (walker.nextNode() !== null) count += 1
      return count
    })
  })
}

/** One key of the search, from the key press to the next frame: the script time it took, in ms. */
async function keystrokeScript(page: Page, cdp: CDPSession, key: string): Promise<number> {
  const before = await metrics(cdp)
  await page.keyboard.type(key)
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const page = globalThis as unknown as PageGlobals
        page.requestAnimationFrame(() => page.requestAnimationFrame(() => resolve()))
      }),
  )
  const after = await metrics(cdp)
  return 1000 * ((after.get('ScriptDuration') ?? 0) - (before.get('ScriptDuration') ?? 0))
}

/** Typing into the search with every row there, against typing into the add dialog's name field in the empty app. */
async function searchRow(full: Opened, empty: Opened): Promise<BenchRow> {
  const typed = typedFor(full.serverUrl)
  const measured: number[] = []
  const baseline: number[] = []
  for (let round = 0; round < 3; round += 1) {
    await full.page.getByRole('searchbox', { name: 'Search profiles' }).fill('')
    await full.page.getByRole('searchbox', { name: 'Search profiles' }).focus()
    for (const key of typed) measured.push(await keystrokeScript(full.page, full.cdp, key))
    await empty.page.getByRole('button', { name: 'Add profile' }).first().click()
    const name = empty.page.getByRole('dialog', { name: 'Add a profile' }).getByLabel('Name')
    await name.focus()
    for (const key of typed) baseline.push(await keystrokeScript(empty.page, empty.cdp, key))
    await empty.page.keyboard.press('Escape')
  }
  const shown = await full.page.locator('[role="row"]:not([hidden])').count()
  if (shown === 0 || shown === PROFILES)
    throw new Error(`the search did not narrow the list (${shown} rows shown)`)
  return {
    id: '6h',
    name: `Renderer, script time per key typed in the search, ${PROFILES} rows`,
    unit: 'ms',
    measured: summarize(measured),
    baseline: { ...summarize(baseline), label: 'the same keys in the add dialog’s name field, empty app' },
    goal: { kind: 'p95', max: 16 },
    note: `“${typed}” typed 3 times, key press to two frames later (CDP ScriptDuration); the list narrows to ${shown} rows`,
  }
}

/** DOM nodes and JS heap of both apps, after a garbage collection. */
async function memoryRows(full: Opened, empty: Opened): Promise<BenchRow[]> {
  const settled = async (cdp: CDPSession) => {
    await cdp.send('HeapProfiler.collectGarbage')
    return metrics(cdp)
  }
  const [withRows, without] = [await settled(full.cdp), await settled(empty.cdp)]
  const perRow = await nodesPerRow(full.page)
  const value = (from: Map<string, number>, name: string, scale = 1) => single((from.get(name) ?? 0) / scale)
  return [
    {
      id: '6i',
      name: 'Renderer, DOM nodes per row of the list',
      unit: '',
      measured: summarize(perRow),
      goal: { kind: 'p95', max: 40 },
      note: 'every node in a row’s subtree: elements, text and Svelte’s anchors',
    },
    {
      id: '6f',
      name: `Renderer, DOM nodes with ${PROFILES} rows`,
      unit: '',
      measured: value(withRows, 'Nodes'),
      baseline: { ...value(without, 'Nodes'), label: 'the empty app' },
      goal: { kind: 'none' },
    },
    {
      id: '6g',
      name: `Renderer, JS heap used with ${PROFILES} rows`,
      unit: 'MiB',
      measured: value(withRows, 'JSHeapUsedSize', MIB),
      baseline: { ...value(without, 'JSHeapUsedSize', MIB), label: 'the empty app' },
      goal: { kind: 'none' },
      note: 'after HeapProfiler.collectGarbage',
    },
  ]
}

test(`6. renderer: bundle size, ${PROFILES} rows, idle CPU, DOM, heap and search`, async ({ browser }) => {
  requirePrivateKeychain()
  const rows: BenchRow[] = [bundleRow()]
  const opened: Opened[] = []
  try {
    const full = await openApp(browser, PROFILES)
    opened.push(full)
    const empty = await openApp(browser, 0)
    opened.push(empty)
    await watchFor(full.page, '[role="row"] [data-testid="countdown"]', FIRST_ROWS)
    await watchFor(empty.page, 'section.empty', 1)
    await timeToShown(full.page, full.url)
    await timeToShown(empty.page, empty.url)
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    rows.push(...(await idleRows(full, empty)))
    rows.push(await loadRow(full, empty))
    rows.push(await ipcRow(full))
    rows.push(...(await memoryRows(full, empty)))
    rows.push(await searchRow(full, empty))
    await report(test.info(), rows)
  } finally {
    for (const app of opened) await app.close()
  }
})
