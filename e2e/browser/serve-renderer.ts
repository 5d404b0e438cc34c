import type { Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

/** The origin the built renderer is served at in the browser host; module scripts need http, not file://. */
export const APP_ORIGIN = 'http://app.test'

const RENDERER_DIR = join(import.meta.dirname, '../../out/renderer')
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/**
 * Serves a built renderer (`out/renderer/`, from `npm run build`, unless another folder is given) at
 * {@link APP_ORIGIN} for this page; anything else is refused.
 */
export async function serveRenderer(page: Page, rendererDir = RENDERER_DIR): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== APP_ORIGIN) return route.abort('blockedbyclient')
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1))
    const file = normalize(join(rendererDir, relative))
    if (!file.startsWith(rendererDir + sep)) return route.fulfill({ status: 404 })
    const body = await readFile(file).catch(() => undefined)
    if (body === undefined) return route.fulfill({ status: 404, body: 'not found' })
    return route.fulfill({
      status: 200,
      body,
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
    })
  })
}
