import { describe, expect, it } from 'vitest'
import { semaphore } from './semaphore'

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('semaphore', () => {
  it('runs at most `limit` tasks at once, in order', async () => {
    const limit = semaphore(2)
    let running = 0
    let peak = 0
    const order: number[] = []
    const gates: (() => void)[] = []
    const tasks = Array.from({ length: 5 }, (_, i) =>
      limit(async () => {
        running += 1
        peak = Math.max(peak, running)
        order.push(i)
        await new Promise<void>((resolve) => gates.push(resolve))
        running -= 1
        return i
      }),
    )
    for (let i = 0; i < 5; i += 1) {
      await tick()
      expect(running).toBeLessThanOrEqual(2)
      gates.shift()?.()
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4])
    expect(peak).toBe(2)
    expect(order).toEqual([0, 1, 2, 3, 4])
  })

  it('lets the next task run when one fails', async () => {
    const mutex = semaphore(1)
    await expect(mutex(() => Promise.reject(new Error('no')))).rejects.toThrow('no')
    await expect(mutex(() => Promise.resolve('yes'))).resolves.toBe('yes')
  })
})
