/** The refresh token a profile's keychain session entry holds (the entry's JSON), if any. */
export function refreshTokenIn(entry: string | null | undefined): string | undefined {
  if (entry === null || entry === undefined) return undefined
  return (JSON.parse(entry) as { refreshToken?: string }).refreshToken
}
