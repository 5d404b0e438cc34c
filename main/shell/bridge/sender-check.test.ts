import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from '../web/app-origin'
import { isTrustedSender, type IpcSender } from './sender-check'

const trusted = { webContentsId: 7, origin: APP_ORIGIN }
const mainFrame = { url: 'app://renderer/index.html', parent: null }

function event(frame: IpcSender['senderFrame'], webContentsId = 7): IpcSender {
  return { sender: { id: webContentsId }, senderFrame: frame }
}

describe('isTrustedSender', () => {
  it('accepts our window’s main frame at our origin', () => {
    expect(isTrustedSender(event(mainFrame), trusted)).toBe(true)
    expect(isTrustedSender(event({ url: 'app://renderer/#/profiles/abc', parent: null }), trusted)).toBe(true)
  })

  it('accepts the dev server’s origin when that is the trusted one', () => {
    const dev = { webContentsId: 7, origin: 'http://localhost:5173' }
    expect(isTrustedSender(event({ url: 'http://localhost:5173/', parent: null }), dev)).toBe(true)
    expect(isTrustedSender(event(mainFrame), dev)).toBe(false)
  })

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a look-alike host', 'app://renderer.evil/index.html'],
    ['another port of the dev server', 'http://localhost:5174/'],
    ['a file URL', 'file:///tmp/index.html'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
  ])('refuses a main frame at another origin: %s', (_name, url) => {
    expect(isTrustedSender(event({ url, parent: null }), trusted)).toBe(false)
  })

  it('refuses a subframe, even one at our origin', () => {
    expect(isTrustedSender(event({ url: 'app://renderer/index.html', parent: mainFrame }), trusted)).toBe(
      false,
    )
  })

  it('refuses another web contents at our origin, a vanished frame, and anything before the window exists', () => {
    expect(isTrustedSender(event(mainFrame, 8), trusted)).toBe(false)
    expect(isTrustedSender(event(null), trusted)).toBe(false)
    expect(isTrustedSender(event(mainFrame), { webContentsId: undefined, origin: APP_ORIGIN })).toBe(false)
  })
})
