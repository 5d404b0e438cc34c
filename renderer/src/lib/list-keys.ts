import type { Move } from './profile-list'

/** What a key press asks of the profile list. */
export type ListCommand =
  | { readonly kind: 'search' }
  | { readonly kind: 'move'; readonly to: Move }
  /** Enter: copy the selected profile's token, or sign in when it has none and needs a sign-in. */
  | { readonly kind: 'primary' }
  | { readonly kind: 'refresh' }
  | { readonly kind: 'verify' }
  | { readonly kind: 'rename' }
  | { readonly kind: 'remove' }

/** The parts of a keyboard event the decision reads. */
export interface KeyPress {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly altKey: boolean
}

/** Where the key was pressed. */
export interface KeyContext {
  readonly mac: boolean
  /** A modal dialog is open: its keys are its own. */
  readonly dialogOpen: boolean
  /** Focus is in a form field (text, select, radio…), whose keys are its own. */
  readonly inField: boolean
  /** Focus is on the list, a row or something in a row. */
  readonly inList: boolean
  /** Focus is on a control outside the list (a button, a link), which Enter presses. */
  readonly onControl: boolean
}

const MOVES: Readonly<Record<string, Move>> = {
  ArrowDown: 'next',
  j: 'next',
  ArrowUp: 'previous',
  k: 'previous',
}

/** Keys that act on the list only while it has focus (elsewhere they scroll or press). */
const IN_LIST: Readonly<Record<string, ListCommand>> = {
  Home: { kind: 'move', to: 'first' },
  End: { kind: 'move', to: 'last' },
}

/**
 * The list's keyboard shortcuts: `/` and Ctrl+F (⌘F) search; ↑/↓ and j/k move the selection; Home/End in
 * the list; Enter copies; R refreshes; V verifies; F2 renames; Delete (and ⌫ on a Mac) removes. None fires in a dialog
 * or while typing, and other modified keys (Ctrl+K, Ctrl+N…) are left to others.
 */
export function listCommand(press: KeyPress, context: KeyContext): ListCommand | undefined {
  if (context.dialogOpen) return undefined
  const command = press.ctrlKey || press.metaKey
  if (command || press.altKey) {
    const find = (context.mac ? press.metaKey : press.ctrlKey) && !press.altKey
    return find && press.key.toLowerCase() === 'f' ? { kind: 'search' } : undefined
  }
  if (context.inField) return undefined
  const move = MOVES[press.key]
  if (move !== undefined) return { kind: 'move', to: move }
  if (context.inList && IN_LIST[press.key] !== undefined) return IN_LIST[press.key]
  switch (press.key) {
    case '/':
      return { kind: 'search' }
    case 'Enter':
      return context.onControl && !context.inList ? undefined : { kind: 'primary' }
    case 'r':
    case 'R':
      return { kind: 'refresh' }
    case 'v':
    case 'V':
      return { kind: 'verify' }
    case 'F2':
      return { kind: 'rename' }
    case 'Delete':
      return { kind: 'remove' }
    case 'Backspace':
      return context.mac ? { kind: 'remove' } : undefined
    default:
      return undefined
  }
}

/** The key each shortcut shows beside its action. */
export type KeyHints = Readonly<Record<Exclude<ListCommand['kind'], 'move'> | 'quickCopy', string>>

/** The keys each shortcut shows beside its action, on this platform. */
export function keyHints(mac: boolean): KeyHints {
  return {
    search: '/',
    primary: '↵',
    refresh: 'R',
    verify: 'V',
    rename: 'F2',
    remove: mac ? '⌫' : 'Del',
    quickCopy: mac ? '⌘K' : 'Ctrl+K',
  }
}
