/** Names are unique regardless of case and Unicode normalisation; this is the form they are compared in. */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en')
}
