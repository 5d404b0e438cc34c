import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { APP_ORIGIN } from './app-origin'
import {
  denyAllPermissions,
  externalUrlAllowed,
  guardAllWebContents,
  guardWebContents,
  type GuardedContents,
} from './guards'

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

/** Electron's shell reduced to the system browser. */
function fakeShell() {
  return { openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()) }
}

function guarded() {
  const contents = new FakeContents()
  const shell = fakeShell()
  guardWebContents(contents as unknown as GuardedContents, APP_ORIGIN, shell)
  return { contents, openExternal: shell.openExternal }
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

  it('hands an allowed link the page navigates to over to the system browser, and nothing else', () => {
    const { contents, openExternal } = guarded()
    expect(contents.attempt('will-navigate', 'https://docs.api.video/reference')).toBe(true)
    expect(contents.attempt('will-navigate', 'http://docs.api.video/reference')).toBe(true)
    expect(contents.attempt('will-redirect', 'https://api.video/')).toBe(true)
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.api.video/reference')
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

  it('guards every web contents the app creates, with the shell it was given', () => {
    const app = new EventEmitter()
    const shell = fakeShell()
    guardAllWebContents(app, APP_ORIGIN, shell)
    const contents = new FakeContents()
    app.emit('web-contents-created', {}, contents)
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.openHandler?.({ url: 'https://api.video/' })).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://api.video/')
  })
})
