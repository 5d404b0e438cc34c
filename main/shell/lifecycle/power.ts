/** After sleep or a screen unlock, timers may have slept too: `onWake` makes every session check at once. */
export function watchPower(
  powerMonitor: { on(event: 'resume' | 'unlock-screen', listener: () => void): unknown },
  onWake: () => void,
): void {
  powerMonitor.on('resume', onWake)
  powerMonitor.on('unlock-screen', onWake)
}
