/** Names are unique regardless of case and Unicode normalisation; this is the form they are compared in. */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en')
}

/** The profile a reference names: the one with that id, or else the one with that name (see {@link nameKey}). */
export function findByReference<T extends { readonly id: string; readonly name: string }>(
  profiles: readonly T[],
  reference: string,
): T | undefined {
  const key = nameKey(reference)
  return profiles.find((p) => p.id === reference) ?? profiles.find((p) => nameKey(p.name) === key)
}
