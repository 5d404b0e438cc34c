import type { Page } from '@playwright/test'
import type { Api } from '../../main/ipc/contract'
import { expect, GOOD_KEY, OTHER_KEY, type Machine } from '../harness/fixtures'
import { profileRow } from '../app/helpers'

/** Thirty projects, as someone working for many customers has them. */
export const THIRTY_PROJECTS = [
  'Acme',
  'Acme staging',
  'Bluth Company',
  'Cyberdyne',
  'Dunder Mifflin',
  'Globex',
  'Globex EU',
  'Gringotts',
  'Hooli',
  'Initech',
  'Krusty Krab',
  'Los Pollos',
  'Massive Dynamic',
  'Monsters Inc',
  'Nakatomi',
  'Oceanic',
  'Pied Piper',
  'Prestige',
  'Soylent',
  'Stark Industries',
  'Sterling Cooper',
  'Tyrell',
  'Umbrella',
  'Vandelay',
  'Wayne Enterprises',
  'Weyland',
  'Wonka',
  'Yoyodyne',
  'Zorg',
  'Zeta',
] as const

/**
 * The thirty projects before a launch, as `avcm add` would make them, in production, sandbox and on a
 * custom host by turns, with tokens of different lives; two of them (Initech and Umbrella) hold refresh
 * tokens api.video has since revoked, so their first refresh asks for a sign-in.
 */
export async function thirtyProjects(machine: Machine): Promise<void> {
  const places = ['production', 'sandbox', machine.fake.url] as const
  const lives = [3600, 2400, 1500, 900, 420] as const
  const revoked = new Set(['Initech', 'Umbrella'])
  await machine.withEngine(async (engine) => {
    const add = async (index: number) => {
      const name = THIRTY_PROJECTS[index] ?? ''
      machine.fake.setAccessTokenLifetime(lives[index % lives.length] ?? 3600)
      await engine.add({ name, environment: places[index % places.length] ?? 'production', apiKey: GOOD_KEY })
    }
    const indexes = THIRTY_PROJECTS.map((_, index) => index)
    for (const index of indexes.filter((i) => revoked.has(THIRTY_PROJECTS[i] ?? ''))) await add(index)
    machine.fake.revokeRefreshTokens()
    for (const index of indexes.filter((i) => !revoked.has(THIRTY_PROJECTS[i] ?? ''))) await add(index)
  })
  machine.fake.setAccessTokenLifetime(3600)
}

/** Where each of the three profiles lives: "production", "sandbox" or a base URL (the fake's, by default). */
type Places = readonly [string, string, string]

/**
 * Three profiles in different states, as a person might have them: one valid, one whose refresh keeps
 * failing (retrying, its old token still good), one whose refresh token api.video rejected. Made in the
 * running app through `window.api`, as the renderer's own calls would (no dialogs, so no toasts on screen).
 *
 * The rejected one is made by revoking every refresh token api.video (the fake) has issued so far, so the
 * other two hold revoked refresh tokens too; nothing in a scene refreshes them. The failing one meets an
 * HTTP 503 on every refresh from then on.
 */
export async function threeProfiles(
  machine: Machine,
  page: Page,
  places: Places = [machine.fake.url, machine.fake.url, machine.fake.url],
): Promise<void> {
  const profiles = [
    { name: 'Acme', environment: places[0], apiKey: GOOD_KEY },
    { name: 'Acme staging', environment: places[1], apiKey: OTHER_KEY },
    { name: 'Legacy app', environment: places[2], apiKey: GOOD_KEY },
  ]
  const ids = await page.evaluate(async (inputs) => {
    const api = (globalThis as unknown as { api: Api }).api
    const added: string[] = []
    for (const input of inputs) {
      const answer = await api.profiles.add({ ...input, rememberApiKey: false })
      if (!answer.ok) throw new Error(`could not add ${input.name}: ${answer.error.message}`)
      added.push(answer.value.id)
    }
    return added
  }, profiles)
  const refresh = (id: string | undefined) =>
    page.evaluate(async (profileId) => {
      const api = (globalThis as unknown as { api: Api }).api
      await api.profiles.refresh({ id: profileId })
    }, id ?? '')

  machine.fake.revokeRefreshTokens()
  await refresh(ids[2])
  await expect(profileRow(page, 'Legacy app').getByText('Needs sign-in')).toBeVisible()
  machine.fake.inject('auth/refresh', { kind: 'status', status: 503, body: '' }, 1000)
  await refresh(ids[1])
  await expect(profileRow(page, 'Acme staging').getByText('Retrying')).toBeVisible()
  await expect(profileRow(page, 'Acme').getByText('Valid', { exact: true })).toBeVisible()
}
