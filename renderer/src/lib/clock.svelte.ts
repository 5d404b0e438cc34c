/**
 * The one clock every countdown reads: `now` ticks once a second, on the second, while anything listens
 * and the window is visible. Countdowns are derived from absolute expiry times, so a late tick (sleep,
 * a hidden window) corrects itself on the next one.
 */
export class SharedClock {
  now = $state(Date.now())
  private timer: ReturnType<typeof setTimeout> | undefined
  private users = 0

  /** Starts ticking (counted, so several users can share it); returns the function that stops it. */
  start(): () => void {
    this.users += 1
    if (this.users === 1) {
      document.addEventListener('visibilitychange', this.onVisibility)
      this.tick()
    }
    let stopped = false
    return () => {
      if (stopped) return
      stopped = true
      this.users -= 1
      if (this.users === 0) {
        clearTimeout(this.timer)
        document.removeEventListener('visibilitychange', this.onVisibility)
      }
    }
  }

  private readonly tick = (): void => {
    // Never read `this.now` here: start() runs inside components' effects, and reading the state would make
    // each of them depend on the clock and restart it on every tick.
    const now = Date.now()
    this.now = now
    clearTimeout(this.timer)
    if (document.visibilityState === 'hidden') return
    this.timer = setTimeout(this.tick, 1000 - (now % 1000))
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.tick()
  }
}

/** The app's clock. */
export const clock = new SharedClock()
