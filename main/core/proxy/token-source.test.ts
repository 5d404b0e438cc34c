import { describe, expect, it } from 'vitest'
import { TokenSource } from './token-source'

/** A token function that hands out t1, t2… and counts how often it was asked to refresh. */
function counter() {
  let issued = 1
  const calls: boolean[] = []
  const pending: (() => void)[] = []
  const fn = (fresh: boolean) => {
    calls.push(fresh)
    if (fresh) {
      return new Promise<string>((resolve) => {
        pending.push(() => {
          issued += 1
          resolve(`t${issued}`)
        })
      })
    }
    return Promise.resolve(`t${issued}`)
  }
  return { fn, calls, release: () => pending.splice(0).forEach((go) => go()) }
}

describe('TokenSource', () => {
  it('renews once for any number of requests refused with the same token', async () => {
    const tokens = counter()
    const source = new TokenSource(tokens.fn)
    const t1 = await source.current()
    const renewals = Array.from({ length: 50 }, () => source.renew(t1))
    const waiting = source.current()
    tokens.release()
    expect(new Set(await Promise.all(renewals))).toEqual(new Set(['t2']))
    expect(await waiting).toBe('t2')
    expect(tokens.calls.filter((fresh) => fresh)).toHaveLength(1)
  })

  it('does not renew again for a token already replaced', async () => {
    const tokens = counter()
    const source = new TokenSource(tokens.fn)
    const t1 = await source.current()
    const renewal = source.renew(t1)
    tokens.release()
    await renewal
    expect(await source.renew(t1)).toBe('t2')
    expect(tokens.calls.filter((fresh) => fresh)).toHaveLength(1)
    const again = source.renew('t2')
    tokens.release()
    expect(await again).toBe('t3')
  })

  it('passes a failed renewal to every waiter, and tries again next time', async () => {
    let fail = true
    const source = new TokenSource((fresh) =>
      fresh && fail ? Promise.reject(new Error('needs sign-in')) : Promise.resolve(fresh ? 'new' : 'old'),
    )
    const old = await source.current()
    await expect(Promise.all([source.renew(old), source.renew(old)])).rejects.toThrow('needs sign-in')
    fail = false
    expect(await source.renew(old)).toBe('new')
  })
})
