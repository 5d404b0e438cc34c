/** What the quick copy palette searches in a profile. */
export interface Searchable {
  readonly id: string
  readonly name: string
  /** "production", "sandbox" or the custom host. */
  readonly environmentLabel: string
  readonly demo: boolean
}

/** How well one typed word fits a profile, best first; 0 is no fit, which drops the profile. */
const FIT = {
  namePrefix: 8,
  nameWordPrefix: 6,
  nameContains: 4,
  environmentWordPrefix: 3,
  environmentContains: 2,
  nameInOrder: 1,
} as const

/** The bonus for typing a whole name, so "Acme" ranks Acme above "Acme staging". */
const WHOLE_NAME = 10

/** Lower case without accents, so "acme" finds "Äcme" and "ACME". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of a text, split at anything that is not a letter or a digit. */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '')
}

/** Whether the letters of `word` appear in `text` in order, with gaps allowed ("acst" in "acme staging"). */
function inOrder(word: string, text: string): boolean {
  let at = 0
  for (const letter of word) {
    at = text.indexOf(letter, at) + 1
    if (at === 0) return false
  }
  return true
}

/** The fit of one typed word (already folded) to a folded name and environment. */
function fitOf(word: string, name: string, environment: string): number {
  if (name.startsWith(word)) return FIT.namePrefix
  if (wordsOf(name).some((part) => part.startsWith(word))) return FIT.nameWordPrefix
  if (name.includes(word)) return FIT.nameContains
  if (wordsOf(environment).some((part) => part.startsWith(word))) return FIT.environmentWordPrefix
  if (environment.includes(word)) return FIT.environmentContains
  return word.length > 1 && inOrder(word, name) ? FIT.nameInOrder : 0
}

/** How well a query fits a profile: 0 when some typed word fits neither its name nor its environment. */
export function matchScore(profile: Searchable, query: string): number {
  const name = fold(profile.name)
  const environment = fold(profile.demo ? `${profile.environmentLabel} demo` : profile.environmentLabel)
  const words = wordsOf(fold(query))
  let score = 0
  for (const word of words) {
    const fit = fitOf(word, name, environment)
    if (fit === 0) return 0
    score += fit
  }
  return words.join(' ') === wordsOf(name).join(' ') ? score + WHOLE_NAME : score
}

/**
 * The profiles a query finds, best first: every profile for an empty query, else those whose name or
 * environment fits every typed word. Equal fits put the default profile first (the one the global shortcut
 * used to copy, so the shortcut then Enter still copies it), then the shorter name, then the list's order.
 */
export function rankProfiles<P extends Searchable>(
  profiles: readonly P[],
  query: string,
  defaultProfileId?: string,
): P[] {
  const empty = wordsOf(query).length === 0
  return profiles
    .map((profile, index) => ({ profile, index, score: empty ? 1 : matchScore(profile, query) }))
    .filter((entry) => entry.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.profile.id === defaultProfileId) - Number(a.profile.id === defaultProfileId) ||
        (empty ? 0 : a.profile.name.length - b.profile.name.length) ||
        a.index - b.index,
    )
    .map((entry) => entry.profile)
}

/** The key that opens the palette: ⌘K on a Mac, Ctrl+K elsewhere (no other modifier). */
export function isPaletteShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  mac: boolean,
): boolean {
  const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  return modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k'
}
