/**
 * Tokens for the requests of one endpoint. Renewal after a 401 is shared: however many requests were
 * refused with one token, it is renewed once, and a request refused with a token already replaced just
 * takes the current one, so a burst of 401s never becomes a burst of refreshes.
 */
export class TokenSource {
  private latest: string | undefined
  private renewing: Promise<string> | undefined

  constructor(private readonly fetchToken: (fresh: boolean) => Promise<string>) {}

  /** A token to send; waits for a renewal in progress rather than hand out the token it replaces. */
  async current(): Promise<string> {
    if (this.renewing !== undefined) return this.renewing
    const token = await this.fetchToken(false)
    this.latest = token
    return token
  }

  /** A token to replace `rejected`, which upstream just answered 401 to. */
  renew(rejected: string): Promise<string> {
    if (this.renewing !== undefined) return this.renewing
    if (this.latest !== undefined && this.latest !== rejected) return this.current()
    const renewal = this.fetchToken(true).then((token) => {
      this.latest = token
      return token
    })
    this.renewing = renewal.finally(() => {
      this.renewing = undefined
    })
    return this.renewing
  }
}
