import { describe, expect, it } from 'vitest'
import { statusWord } from '../core/common/session-status'
import type { CredentialService } from '../core/service/service'
import type { ProfileView } from '../core/service/types'
import type { SessionStatus } from '../core/sessions/session-state'
import type { Command, CommandContext } from './command'
import { list } from './commands/list'
import { status as statusCommand } from './commands/status'
import { ALL_STATUSES, profileView } from '../testing/profile-fixtures'
import { validityLeft } from './format'

const NOW = Date.UTC(2026, 0, 1, 9)
const MIN = 60_000
const STATUSES = ALL_STATUSES

function profile(status: SessionStatus): ProfileView {
  return profileView({ id: `id-${status}`, name: `p-${status}`, sandbox: true }, { status })
}

/** Runs a command over a service that knows one profile per status; answers what it printed. */
async function printed(command: Command, positionals: string[] = []): Promise<string> {
  const profiles = STATUSES.map(profile)
  const service = {
    list: () => Promise.resolve(profiles),
    status: (name: string) => Promise.resolve(profiles.find((p) => p.name === name)),
  } as unknown as CredentialService
  const lines: string[] = []
  const context = {
    service: () => Promise.resolve(service),
    print: (text: string) => lines.push(text),
  } as unknown as CommandContext
  await command.run(context, { positionals, values: {} })
  return lines.join('\n')
}

describe('validityLeft', () => {
  it('says how long the token stays valid, in the shared duration words', () => {
    expect(validityLeft(NOW + 59 * MIN + 59_000, NOW)).toBe('59 min')
    expect(validityLeft(NOW + 65 * MIN, NOW)).toBe('1 h 5 min')
    expect(validityLeft(NOW + 20_000, NOW)).toBe('under a minute')
    expect(validityLeft(NOW - 3 * MIN, NOW)).toBe('expired 3 min ago')
    expect(validityLeft(NOW, NOW)).toBe('expired just now')
    expect(validityLeft(undefined, NOW)).toBe('—')
  })
})

describe('avcm list and avcm status', () => {
  it('word every status from the shared vocabulary', async () => {
    const rows = (await printed(list)).split('\n').slice(1)
    expect(rows).toHaveLength(STATUSES.length)
    STATUSES.forEach((status, i) => {
      expect(rows[i]).toMatch(new RegExp(`^p-${status}\\s+sandbox\\s+${statusWord(status)}\\s+—$`))
    })
    for (const status of STATUSES) {
      expect(await printed(statusCommand, [`p-${status}`])).toContain(
        `  status          ${statusWord(status)}\n`,
      )
    }
  })
})
