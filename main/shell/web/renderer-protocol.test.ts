import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  RENDERER_CSP,
  createRendererHandler,
  registerAppScheme,
  resolveRendererFile,
  serveRenderer,
} from './renderer-protocol'

const root = '/opt/app/out/renderer'

describe('resolveRendererFile', () => {
  it('maps app-scheme URLs to files under the renderer folder, / to index.html', () => {
    expect(resolveRendererFile('app://renderer/', root)).toBe(join(root, 'index.html'))
    expect(resolveRendererFile('app://renderer/index.html', root)).toBe(join(root, 'index.html'))
    expect(resolveRendererFile('app://renderer/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets/index-abc.js'),
    )
    expect(resolveRendererFile('app://renderer/assets/a%20b.png', root)).toBe(join(root, 'assets/a b.png'))
  })

  it('keeps plain dot-dot segments inside the folder (the URL parser resolves them against the root)', () => {
    expect(resolveRendererFile('app://renderer/../../etc/passwd', root)).toBe(join(root, 'etc/passwd'))
    expect(resolveRendererFile('app://renderer/%2e%2e/%2e%2e/etc/passwd', root)).toBe(
      join(root, 'etc/passwd'),
    )
  })

  it.each([
    ['an encoded slash dot-dot', 'app://renderer/assets%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['a backslash path', 'app://renderer/..%5c..%5cetc%5cpasswd'],
    ['a NUL byte', 'app://renderer/index.html%00.png'],
    ['a broken escape', 'app://renderer/%E0%A4%A'],
    ['another host', 'app://other/index.html'],
    ['another scheme', 'file:///opt/app/out/renderer/index.html'],
    ['a sibling folder with the same prefix', 'app://renderer/..%2frenderer-evil/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveRendererFile(url, root)).toBeNull()
  })
})

describe('createRendererHandler', () => {
  const files = new Map([
    [join(root, 'index.html'), '<!doctype html><title>x</title>'],
    [join(root, 'assets/index.js'), 'console.log(1)'],
  ])
  const readFile = (path: string) => {
    const text = files.get(path)
    return text === undefined
      ? Promise.reject(new Error('ENOENT'))
      : Promise.resolve(new TextEncoder().encode(text))
  }
  const handler = createRendererHandler(root, readFile)

  it('serves index.html with the strict CSP header and its content type', async () => {
    const response = await handler({ url: 'app://renderer/', method: 'GET' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    await expect(response.text()).resolves.toContain('<title>x</title>')
  })

  it('serves scripts as JavaScript, so module scripts run', async () => {
    const response = await handler({ url: 'app://renderer/assets/index.js', method: 'GET' })
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers 404 for missing files and traversal, 405 for other methods', async () => {
    expect((await handler({ url: 'app://renderer/nope.js', method: 'GET' })).status).toBe(404)
    expect((await handler({ url: 'app://renderer/%2e%2e/secret', method: 'GET' })).status).toBe(404)
    expect((await handler({ url: 'app://renderer/index.html', method: 'POST' })).status).toBe(405)
  })
})

describe('RENDERER_CSP', () => {
  it('is renderer/index.html’s meta policy, plus frame-ancestors which only a header can carry', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta, 'renderer/index.html has a CSP meta tag').toBeDefined()
    const directives = (policy: string) =>
      policy
        .split(';')
        .map((d) => d.trim().replace(/\s+/g, ' '))
        .filter((d) => d !== '')
        .sort()
    expect(directives(RENDERER_CSP)).toEqual(directives(`${meta ?? ''}; frame-ancestors 'none'`))
  })
})

describe('registering the scheme', () => {
  it('declares app:// standard and secure, and serves it through protocol.handle', async () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
    registerAppScheme(protocol)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    serveRenderer(protocol, root, () => Promise.resolve(new TextEncoder().encode('x')))
    const [scheme, handle] = protocol.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>]
    expect(scheme).toBe('app')
    const response = await handle(new Request('app://renderer/index.html'))
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP)
  })
})
