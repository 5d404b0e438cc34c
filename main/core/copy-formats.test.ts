import { describe, expect, it } from 'vitest'
import { COPY_FORMATS, formatForCopy } from './copy-formats'

describe('formatForCopy', () => {
  it.each([
    ['token', 'eyJ.a.b'],
    ['header', 'Authorization: Bearer eyJ.a.b'],
    [
      'curl',
      "curl -H 'Authorization: Bearer eyJ.a.b' 'https://sandbox.api.video/videos?currentPage=1&pageSize=10'",
    ],
    ['export', 'export APIVIDEO_ACCESS_TOKEN=eyJ.a.b'],
  ] as const)('%s', (format, expected) => {
    expect(formatForCopy(format, 'eyJ.a.b', 'https://sandbox.api.video')).toBe(expected)
  })

  it('lists every format once', () => {
    expect(new Set(COPY_FORMATS).size).toBe(4)
  })
})
