import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { APP_ORIGIN } from './app-origin'
import {
  denyAllPermissions,
  externalUrlAllowed,
  guardWebContents,
  refuseCertificateErrors,
  type GuardedContents,
} from './web-guards'

/** A web contents reduced to what the guards use: events, and the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler
  }
  /** Emits a navigation-like event; true when a guard prevented it. */
  attempt(event: string, url: string): boolean {
    const preventDefault = vi.fn()
    this.emit(event, { url, preventDefault })
    return preventDefault.mock.calls.length > 0
  }
}

function guarded(): { contents: FakeContents; openExternal: ReturnType<typeof vi.fn> } {
  const contents = new FakeContents()
  const openExternal = vi.fn(() => Promise.resolve())
  guardWebContents(contents as unknown as GuardedContents, APP_ORIGIN, openExternal)
  return { contents, openExternal }
}

describe('guardWebContents', () => {
  it('denies every window.open, handing only api.video’s sites to the system browser', () => {
    const { contents, openExternal } = guarded()
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
    expect(contents.openHandler?.({ url: 'https://dashboard.api.video/' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://dashboard.api.video/')
  })

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('keeps %s at our origin', (event) => {
    const { contents } = guarded()
    expect(contents.attempt(event, 'app://renderer/index.html')).toBe(false)
    expect(contents.attempt(event, 'https://evil.example/')).toBe(true)
    expect(contents.attempt(event, 'app://renderer.evil/')).toBe(true)
    expect(contents.attempt(event, 'file:///etc/passwd')).toBe(true)
  })

  it('refuses every <webview>', () => {
    const { contents } = guarded()
    const preventDefault = vi.fn()
    contents.emit('will-attach-webview', { preventDefault }, {}, { src: 'app://renderer/' })
    expect(preventDefault).toHaveBeenCalledOnce()
  })
})

describe('externalUrlAllowed', () => {
  it('allows api.video’s https sites only', () => {
    expect(externalUrlAllowed('https://docs.api.video/reference')).toBe(true)
    for (const url of [
      'http://docs.api.video/',
      'https://docs.api.video.evil.example/',
      'https://user:pw@docs.api.video/',
      'smb://share/x',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(externalUrlAllowed(url), url).toBe(false)
    }
  })
})

describe('session and app guards', () => {
  it('denies every permission request, check and device', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    }
    denyAllPermissions(session)
    const [request] = session.setPermissionRequestHandler.mock.calls[0] as [
      (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ]
    const callback = vi.fn()
    request({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    const [check] = session.setPermissionCheckHandler.mock.calls[0] as [() => boolean]
    expect(check()).toBe(false)
    const [device] = session.setDevicePermissionHandler.mock.calls[0] as [() => boolean]
    expect(device()).toBe(false)
  })

  it('refuses certificate errors explicitly', () => {
    const app = new EventEmitter()
    refuseCertificateErrors(app)
    const callback = vi.fn()
    app.emit('certificate-error', {}, {}, 'https://x/', 'net::ERR_CERT_AUTHORITY_INVALID', {}, callback, true)
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
  })
})
