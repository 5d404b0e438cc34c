import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { loadTrayIcons } from './icons'

const dir = join(import.meta.dirname, '../../../resources/tray')

/** The width and height in a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('the tray icons', () => {
  it.each(['ok', 'warning', 'attention'])('%s exists at 16×16 and 32×32', (state) => {
    expect(pngSize(readFileSync(join(dir, `${state}.png`)))).toEqual([16, 16])
    expect(pngSize(readFileSync(join(dir, `${state}@2x.png`)))).toEqual([32, 32])
  })

  it('are loaded from buffers with both densities, one image per state', async () => {
    /** A NativeImage reduced to the buffers it was made from. */
    class FakeImage {
      readonly extra: { scaleFactor: number; buffer: Buffer }[] = []
      constructor(readonly buffer: Buffer) {}
      addRepresentation(options: { scaleFactor: number; buffer: Buffer }): void {
        this.extra.push(options)
      }
    }
    const nativeImage = { createFromBuffer: vi.fn((buffer: Buffer) => new FakeImage(buffer)) }
    const icons = await loadTrayIcons(nativeImage, dir, (path) => Promise.resolve(readFileSync(path)))
    expect(Object.keys(icons).sort()).toEqual(['attention', 'ok', 'warning'])
    expect(nativeImage.createFromBuffer).toHaveBeenCalledTimes(3)
    for (const state of ['ok', 'warning', 'attention'] as const) {
      const image = icons[state]
      expect(image.buffer).toEqual(readFileSync(join(dir, `${state}.png`)))
      expect(image.extra.map(({ scaleFactor, buffer }) => [scaleFactor, pngSize(buffer)])).toEqual([
        [2, [32, 32]],
      ])
    }
  })
})
