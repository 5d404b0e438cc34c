import { describe, expect, it } from 'vitest'
import { keyHints, listCommand, type KeyContext, type KeyPress } from './list-keys'
import { isPaletteShortcut } from './palette-match'

const plain = (key: string): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false })
const onPage: KeyContext = { mac: false, dialogOpen: false, inField: false, inList: false, onControl: false }
const inList: KeyContext = { ...onPage, inList: true }

describe('listCommand', () => {
  it.each([
    ['ArrowDown', { kind: 'move', to: 'next' }],
    ['j', { kind: 'move', to: 'next' }],
    ['ArrowUp', { kind: 'move', to: 'previous' }],
    ['k', { kind: 'move', to: 'previous' }],
    ['Home', { kind: 'move', to: 'first' }],
    ['End', { kind: 'move', to: 'last' }],
    ['Enter', { kind: 'primary' }],
    ['r', { kind: 'refresh' }],
    ['R', { kind: 'refresh' }],
    ['v', { kind: 'verify' }],
    ['V', { kind: 'verify' }],
    ['F2', { kind: 'rename' }],
    ['Delete', { kind: 'remove' }],
    ['/', { kind: 'search' }],
  ])('in the list, %s → %o', (key, command) => {
    expect(listCommand(plain(key), inList)).toEqual(command)
  })

  it('leaves every key to a dialog while one is open, even Ctrl+F', () => {
    const dialog = { ...inList, dialogOpen: true }
    for (const key of ['ArrowDown', 'j', 'Enter', 'r', 'Delete', '/']) {
      expect(listCommand(plain(key), dialog)).toBeUndefined()
    }
    expect(listCommand({ ...plain('f'), ctrlKey: true }, dialog)).toBeUndefined()
  })

  it('leaves letters, arrows and Enter to a field being typed in, but Ctrl+F still searches', () => {
    const typing = { ...onPage, inField: true }
    for (const key of ['j', 'k', 'r', 'ArrowDown', 'Enter', 'Delete', 'F2', '/']) {
      expect(listCommand(plain(key), typing)).toBeUndefined()
    }
    expect(listCommand({ ...plain('f'), ctrlKey: true }, typing)).toEqual({ kind: 'search' })
  })

  it('searches with ⌘F on a Mac and Ctrl+F elsewhere, and leaves other modified keys alone', () => {
    const mac = { ...onPage, mac: true }
    expect(listCommand({ ...plain('f'), metaKey: true }, mac)).toEqual({ kind: 'search' })
    expect(listCommand({ ...plain('f'), ctrlKey: true }, mac)).toBeUndefined()
    expect(listCommand({ ...plain('F'), ctrlKey: true }, onPage)).toEqual({ kind: 'search' })
    expect(listCommand({ ...plain('f'), metaKey: true }, onPage)).toBeUndefined()
    // Ctrl+K belongs to the quick-copy palette; Ctrl+R and Alt+J are not the list's.
    expect(listCommand({ ...plain('k'), ctrlKey: true }, inList)).toBeUndefined()
    expect(listCommand({ ...plain('r'), ctrlKey: true }, inList)).toBeUndefined()
    expect(listCommand({ ...plain('j'), altKey: true }, inList)).toBeUndefined()
  })

  it('lets Enter press a focused button outside the list, and Home/End scroll outside it', () => {
    const onButton = { ...onPage, onControl: true }
    expect(listCommand(plain('Enter'), onButton)).toBeUndefined()
    expect(listCommand(plain('Enter'), { ...inList, onControl: true })).toEqual({ kind: 'primary' })
    expect(listCommand(plain('Enter'), onPage)).toEqual({ kind: 'primary' })
    expect(listCommand(plain('Home'), onPage)).toBeUndefined()
    expect(listCommand(plain('End'), onButton)).toBeUndefined()
    // Moving and acting still work from a button in the details.
    expect(listCommand(plain('j'), onButton)).toEqual({ kind: 'move', to: 'next' })
    expect(listCommand(plain('r'), onButton)).toEqual({ kind: 'refresh' })
  })

  it('removes with ⌫ only on a Mac, whose keyboards label it delete', () => {
    expect(listCommand(plain('Backspace'), { ...inList, mac: true })).toEqual({ kind: 'remove' })
    expect(listCommand(plain('Backspace'), inList)).toBeUndefined()
  })
})

describe('keyHints', () => {
  it('shows the key that opens quick copy on each platform, the one the palette answers to', () => {
    for (const mac of [true, false]) {
      const [modifier, key] = keyHints(mac).quickCopy.split(/(?=K)/)
      const press = {
        key: key?.toLowerCase() ?? '',
        ctrlKey: modifier === 'Ctrl+',
        metaKey: modifier === '⌘',
      }
      expect(isPaletteShortcut({ ...press, shiftKey: false, altKey: false }, mac)).toBe(true)
    }
  })
})
