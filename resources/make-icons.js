// Draws the app icon and the tray's three state icons as PNG files, with nothing but Node's zlib:
// `node resources/make-icons.js`. The output is committed; run this again only to change the drawings.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

const here = import.meta.dirname

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An RGBA image as a PNG file (colour type 6, no filtering). */
function png(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Distance from point p to the segment a–b, all in unit coordinates. */
function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)))
  return Math.hypot(px - ax - t * dx, py - ay - t * dy)
}

/**
 * Renders a shape (`inside(x, y)` → 'glyph' | 'base' | null over the unit square) at `size` pixels, with
 * 4×4 supersampling so edges are smooth even at 16 pixels.
 */
function render(size, base, inside) {
  const out = Buffer.alloc(size * size * 4)
  const n = 4
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let baseHits = 0
      let glyphHits = 0
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const hit = inside((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size)
          if (hit !== null) baseHits += 1
          if (hit === 'glyph') glyphHits += 1
        }
      }
      const alpha = baseHits / (n * n)
      const white = baseHits === 0 ? 0 : glyphHits / baseHits
      const i = (y * size + x) * 4
      for (let c = 0; c < 3; c += 1) out[i + c] = Math.round(base[c] * (1 - white) + 255 * white)
      out[i + 3] = Math.round(alpha * 255)
    }
  }
  return out
}

const stroke = (segments, width) => (p) => segments.some(([a, b]) => segmentDistance(p, a, b) <= width)

/** The tray states: a coloured disc with a white sign (check · clock hands · exclamation mark). */
const TRAY = {
  ok: {
    colour: [0x1e, 0x9e, 0x5a],
    glyph: stroke(
      [
        [
          [0.27, 0.52],
          [0.44, 0.69],
        ],
        [
          [0.44, 0.69],
          [0.73, 0.35],
        ],
      ],
      0.08,
    ),
  },
  warning: {
    colour: [0xd9, 0x8e, 0x04],
    glyph: stroke(
      [
        [
          [0.5, 0.5],
          [0.5, 0.24],
        ],
        [
          [0.5, 0.5],
          [0.7, 0.5],
        ],
      ],
      0.075,
    ),
  },
  attention: {
    colour: [0xd0, 0x2b, 0x2b],
    glyph: (p) =>
      segmentDistance(p, [0.5, 0.24], [0.5, 0.55]) <= 0.08 || Math.hypot(p[0] - 0.5, p[1] - 0.75) <= 0.085,
  },
}

function trayIcon(size, { colour, glyph }) {
  return render(size, colour, (x, y) => {
    if (Math.hypot(x - 0.5, y - 0.5) > 0.47) return null
    return glyph([x, y]) ? 'glyph' : 'base'
  })
}

/** The app icon: a rounded square in api.video's orange with a white key. */
function appIcon(size) {
  const key = (p) =>
    Math.abs(Math.hypot(p[0] - 0.36, p[1] - 0.5) - 0.13) <= 0.045 ||
    segmentDistance(p, [0.49, 0.5], [0.8, 0.5]) <= 0.045 ||
    segmentDistance(p, [0.7, 0.5], [0.7, 0.62]) <= 0.04 ||
    segmentDistance(p, [0.79, 0.5], [0.79, 0.6]) <= 0.04
  const radius = 0.2
  return render(size, [0xfa, 0x5b, 0x30], (x, y) => {
    const cx = Math.min(Math.max(x, 0.06 + radius), 0.94 - radius)
    const cy = Math.min(Math.max(y, 0.06 + radius), 0.94 - radius)
    if (Math.hypot(x - cx, y - cy) > radius) return null
    return key([x, y]) ? 'glyph' : 'base'
  })
}

for (const [state, drawing] of Object.entries(TRAY)) {
  writeFileSync(join(here, 'tray', `${state}.png`), png(16, trayIcon(16, drawing)))
  writeFileSync(join(here, 'tray', `${state}@2x.png`), png(32, trayIcon(32, drawing)))
}
writeFileSync(join(here, 'icon.png'), png(512, appIcon(512)))
