/** The ways a token can be copied. */
export type CopyFormat = 'token' | 'header' | 'curl' | 'export'

/** Every copy format, in menu order. */
export const COPY_FORMATS: readonly CopyFormat[] = ['token', 'header', 'curl', 'export']

/** Labels for menus and buttons. */
export const COPY_FORMAT_LABELS: Readonly<Record<CopyFormat, string>> = {
  token: 'Copy token',
  header: 'Copy Authorization header',
  curl: 'Copy curl example',
  export: 'Copy export line',
}

/** The text put on the clipboard for a token in one of the formats. */
export function formatForCopy(format: CopyFormat, accessToken: string, baseUrl: string): string {
  switch (format) {
    case 'token':
      return accessToken
    case 'header':
      return `Authorization: Bearer ${accessToken}`
    case 'curl':
      return `curl -H 'Authorization: Bearer ${accessToken}' '${baseUrl}/videos?currentPage=1&pageSize=10'`
    case 'export':
      return `export APIVIDEO_ACCESS_TOKEN=${accessToken}`
  }
}
