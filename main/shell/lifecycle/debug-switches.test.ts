import { describe, expect, it, vi } from 'vitest'
import { refuseDebugSwitches, refusedDebugSwitch, REFUSED_DEBUG_SWITCHES } from './debug-switches'

const EXE = '/opt/api.video Credential Manager/apivideo-credential-manager'

describe('refusedDebugSwitch', () => {
  it.each(REFUSED_DEBUG_SWITCHES)('refuses --%s in every form in a packaged app', (name) => {
    for (const argv of [
      [EXE, `--${name}`],
      [EXE, `--${name}=9222`],
      [EXE, `--${name}`, '9222'],
      [EXE, '--hidden', `--${name}=127.0.0.1:0`],
    ])
      expect(refusedDebugSwitch(argv, true)).toBe(`--${name}`)
  })

  it('refuses the spellings Chromium and Node also accept: one dash, Windows slash, any case, underscores', () => {
    for (const spelled of [
      '-remote-debugging-port=9222',
      '/remote-debugging-port=9222',
      '--Remote-Debugging-Port=9222',
      '--inspect_brk',
      '--INSPECT',
    ])
      expect(refusedDebugSwitch([EXE, spelled], true)).not.toBeNull()
  })

  it('refuses any --inspect variant and any V8 flags', () => {
    expect(refusedDebugSwitch([EXE, '--inspect-wait'], true)).toBe('--inspect-wait')
    expect(refusedDebugSwitch([EXE, '--inspect-publish-uid=http'], true)).toBe('--inspect-publish-uid')
    expect(refusedDebugSwitch([EXE, '--js-flags=--expose-gc'], true)).toBe('--js-flags')
  })

  it('names the first refused switch, in its usual spelling', () => {
    expect(refusedDebugSwitch([EXE, '--inspect=0', '--remote-debugging-port=0'], true)).toBe('--inspect')
    expect(refusedDebugSwitch([EXE, '-Remote-Debugging-Pipe'], true)).toBe('--remote-debugging-pipe')
  })

  it('lets ordinary switches, values and paths through', () => {
    for (const argv of [
      [EXE],
      [EXE, '--hidden'],
      [EXE, '--user-data-dir=/tmp/inspect'],
      [EXE, '--user-data-dir', '/tmp/remote-debugging-port'],
      ['C:\\Program Files\\avcm\\avcm.exe', '--hidden'],
      [EXE, '--remote-debugging', '--inspector', '--js-flagsx'],
    ])
      expect(refusedDebugSwitch(argv, true)).toBeNull()
  })

  it('allows every debug switch in an unpackaged build (how Playwright drives a dev build)', () => {
    expect(refusedDebugSwitch([EXE, '.', '--inspect=0', '--remote-debugging-port=0'], false)).toBeNull()
  })
})

describe('refuseDebugSwitches', () => {
  function setup(input: { argv: string[]; packaged?: boolean; hasSwitch?: (name: string) => boolean }) {
    const app = {
      isPackaged: input.packaged ?? true,
      commandLine: { hasSwitch: vi.fn(input.hasSwitch ?? (() => false)) },
      exit: vi.fn(),
    }
    const writeError = vi.fn()
    const showErrorBox = vi.fn()
    return { app, writeError, showErrorBox }
  }

  it('refuses to start: one line on stderr, a dialog when there is no terminal, and exit code 1', () => {
    const { app, writeError, showErrorBox } = setup({ argv: [] })
    const refused = refuseDebugSwitches({
      app,
      argv: [EXE, '--remote-debugging-port=9222'],
      writeError,
      showErrorBox,
      terminal: false,
    })
    expect(refused).toBe(true)
    const line =
      'api.video Credential Manager will not start with --remote-debugging-port: it would let other programs read your tokens.'
    expect(writeError).toHaveBeenCalledWith(`${line}\n`)
    expect(showErrorBox).toHaveBeenCalledWith('api.video Credential Manager', line)
    expect(app.exit).toHaveBeenCalledWith(1)
  })

  it('shows no dialog when started from a terminal', () => {
    const { app, writeError, showErrorBox } = setup({ argv: [] })
    refuseDebugSwitches({ app, argv: [EXE, '--inspect'], writeError, showErrorBox, terminal: true })
    expect(writeError).toHaveBeenCalledOnce()
    expect(showErrorBox).not.toHaveBeenCalled()
    expect(app.exit).toHaveBeenCalledWith(1)
  })

  it('also asks Chromium, which may have parsed a switch from elsewhere than argv', () => {
    const { app, writeError, showErrorBox } = setup({
      argv: [],
      hasSwitch: (name) => name === 'remote-debugging-pipe',
    })
    expect(refuseDebugSwitches({ app, argv: [EXE], writeError, showErrorBox, terminal: true })).toBe(true)
    expect(writeError).toHaveBeenCalledWith(expect.stringContaining('--remote-debugging-pipe'))
    expect(app.exit).toHaveBeenCalledWith(1)
  })

  it('starts normally without debug switches, and in an unpackaged build whatever the switches', () => {
    for (const { argv, packaged, hasSwitch } of [
      { argv: [EXE, '--hidden'], packaged: true, hasSwitch: () => false },
      { argv: [EXE, '.', '--remote-debugging-port=0'], packaged: false, hasSwitch: () => true },
    ]) {
      const { app, writeError, showErrorBox } = setup({ argv, packaged, hasSwitch })
      expect(refuseDebugSwitches({ app, argv, writeError, showErrorBox, terminal: true })).toBe(false)
      expect(app.exit).not.toHaveBeenCalled()
      expect(writeError).not.toHaveBeenCalled()
    }
  })
})
