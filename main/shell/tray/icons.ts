import { join } from 'node:path'
import type { TrayHealth } from './health'

/** Reads bytes; fs.readFile in the app, which also reads inside app.asar. */
export type ReadBytes = (path: string) => Promise<Buffer>

/** An image with a second density added: Electron's NativeImage fits. */
export interface MultiDensityImage {
  addRepresentation(options: { scaleFactor: number; buffer: Buffer }): void
}

/**
 * The tray's three icons from `dir` (resources/tray): `<state>.png` at 16×16 and `<state>@2x.png` at 32×32
 * for high-density screens. Built from buffers rather than paths so they load from inside app.asar too.
 */
export async function loadTrayIcons<Image extends MultiDensityImage>(
  nativeImage: { createFromBuffer(buffer: Buffer, options: { scaleFactor: number }): Image },
  dir: string,
  readFile: ReadBytes,
): Promise<Readonly<Record<TrayHealth, Image>>> {
  const load = async (state: TrayHealth): Promise<Image> => {
    const [normal, double] = await Promise.all([
      readFile(join(dir, `${state}.png`)),
      readFile(join(dir, `${state}@2x.png`)),
    ])
    const image = nativeImage.createFromBuffer(normal, { scaleFactor: 1 })
    image.addRepresentation({ scaleFactor: 2, buffer: double })
    return image
  }
  const [ok, warning, attention] = await Promise.all([load('ok'), load('warning'), load('attention')])
  return { ok, warning, attention }
}
