import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MultipartScanner, multipartBoundary } from './multipart'

const BOUNDARY = '--------------------------a1b2c3d4e5f6a1b2c3d4e5f6'
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

/** A form as the form-data package frames it: a text field, then a file. */
function form(
  file: Buffer,
  options: { preamble?: string; epilogue?: string; closed?: boolean } = {},
): Buffer {
  return Buffer.concat([
    Buffer.from(options.preamble ?? ''),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="clip.mp4"; filename="clip.mp4"\r\n` +
        'Content-Type: video/mp4\r\n\r\n',
    ),
    file,
    Buffer.from(options.closed === false ? '' : `\r\n--${BOUNDARY}--\r\n${options.epilogue ?? ''}`),
  ])
}

/** Feeds `body` cut at `cuts` (positions), as a socket might deliver it. */
function scan(body: Buffer, cuts: readonly number[] = [], sink?: ReturnType<typeof createHash>) {
  const scanner = new MultipartScanner(BOUNDARY, sink)
  const points = [...new Set(cuts.map((cut) => cut % (body.length + 1)))].sort((a, b) => a - b)
  let from = 0
  for (const point of [...points, body.length]) {
    scanner.write(body.subarray(from, point))
    from = point
  }
  return scanner
}

describe('MultipartScanner', () => {
  it('reads each part’s names and hashes its content, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (bytes, cuts) => {
          const file = Buffer.from(bytes)
          const scanner = scan(form(file), cuts)
          expect(scanner.complete).toBe(true)
          expect(scanner.parts).toEqual([
            { field: 'note', bytes: 5, sha256: sha256('hello') },
            {
              field: 'clip.mp4',
              filename: 'clip.mp4',
              contentType: 'video/mp4',
              bytes: file.length,
              sha256: sha256(file),
            },
          ])
        },
      ),
    )
  })

  it('is not fooled by content that looks like a delimiter without being one', () => {
    const tricky = Buffer.from(`a\r\n--${BOUNDARY.slice(0, -1)}x\r\n--${BOUNDARY.slice(0, 10)}\r\n\r\n--`)
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (cuts) => {
        const [, file] = scan(form(tricky), cuts).parts
        expect(file?.sha256).toBe(sha256(tricky))
      }),
    )
  })

  it('skips a preamble and an epilogue', () => {
    const scanner = scan(form(Buffer.from('data'), { preamble: 'ignored\r\n', epilogue: 'also ignored' }))
    expect(scanner.parts.map((part) => part.field)).toEqual(['note', 'clip.mp4'])
    expect(scanner.complete).toBe(true)
  })

  it('does not count a part cut off before its delimiter, and reports the body incomplete', () => {
    const scanner = scan(form(Buffer.from('half a file'), { closed: false }), [40, 200])
    expect(scanner.parts.map((part) => part.field)).toEqual(['note'])
    expect(scanner.complete).toBe(false)
  })

  it('feeds the first file part, and only it, into the sink', () => {
    const sink = createHash('sha256')
    scan(form(Buffer.from('the file')), [7, 99], sink)
    expect(sink.digest('hex')).toBe(sha256('the file'))
  })

  it('reads quoted and escaped parameters', () => {
    const body = Buffer.from(
      `--${BOUNDARY}\r\ncontent-disposition: form-data; name=file; filename="a \\"b\\".mp4"\r\n\r\nx\r\n--${BOUNDARY}--`,
    )
    expect(scan(body).parts[0]).toMatchObject({ field: 'file', filename: 'a "b".mp4' })
  })

  it('refuses a header block larger than 16 KiB', () => {
    const scanner = new MultipartScanner(BOUNDARY)
    expect(() => {
      scanner.write(Buffer.from(`--${BOUNDARY}\r\nX-Padding: ${'x'.repeat(17 * 1024)}`))
    }).toThrow(RangeError)
  })
})

describe('multipartBoundary', () => {
  it('reads the boundary of multipart/form-data only', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY)
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="with space"')).toBe('with space')
    expect(multipartBoundary('multipart/mixed; boundary=x')).toBeUndefined()
    expect(multipartBoundary('application/octet-stream')).toBeUndefined()
    expect(multipartBoundary(undefined)).toBeUndefined()
  })
})
