import type { Locator, Page } from '@playwright/test'
import type { ProfileView } from '../../main/core/service/types'
import type { Api } from '../../main/ipc/contract'
import type { AppRun } from '../harness/desktop'
import { expect, type Machine } from '../harness/fixtures'

/** "59:58" → 3598 */
export const seconds = (text: string): number =>
  text.split(':').reduce((total, part) => total * 60 + Number(part), 0)

/** The profiles as the window's `window.api` lists them (what the renderer is told), in the page. */
export async function listedProfiles(page: Page): Promise<readonly ProfileView[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { api: Api }).api
    const listed = await api.profiles.list()
    if (!listed.ok) throw new Error(`profiles.list failed: ${listed.error.message}`)
    return listed.value
  })
}

/** Where a profile added through the dialog lives: api.video's production or sandbox, or a base URL. */
export type DialogEnvironment = 'production' | 'sandbox' | { readonly baseUrl: string }

/** What a person types into the add dialog. */
export interface DialogEntry {
  readonly name: string
  readonly environment: DialogEnvironment
  readonly apiKey: string
}

/** Opens the add dialog (from the empty state or the header) and fills it in, without submitting. */
export async function fillAddDialog(page: Page, entry: DialogEntry): Promise<void> {
  await page.getByRole('button', { name: 'Add profile' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add a profile' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Name').fill(entry.name)
  if (entry.environment === 'production') await dialog.getByLabel('Production').check()
  else if (entry.environment === 'sandbox') await dialog.getByLabel('Sandbox').check()
  else {
    await dialog.getByLabel('Custom base URL').check()
    await dialog.getByRole('textbox', { name: 'Base URL' }).fill(entry.environment.baseUrl)
  }
  await dialog.getByRole('textbox', { name: 'API key' }).fill(entry.apiKey)
}

/** A person adding a profile with the add dialog; resolves once the dialog has closed on success. */
export async function addThroughDialog(page: Page, entry: DialogEntry): Promise<void> {
  await fillAddDialog(page, entry)
  const dialog = page.getByRole('dialog', { name: 'Add a profile' })
  await dialog.getByRole('button', { name: 'Add profile' }).click()
  await expect(dialog).toBeHidden()
  await expect(profileRow(page, entry.name)).toBeVisible()
}

/** The rows of the window's profile list, as shown (a search or a filter hides some). */
export function profileRows(page: Page): Locator {
  return page.getByRole('grid', { name: 'Profiles' }).getByRole('row')
}

/** A profile's row in the window's list. */
export function profileRow(page: Page, name: string): Locator {
  return page.getByRole('grid', { name: 'Profiles' }).getByRole('row', { name, exact: true })
}

/**
 * Selects a profile in the list, as a person clicking its row, and returns its details: everything shown
 * about it and every action on it.
 */
export async function openProfile(page: Page, name: string): Promise<Locator> {
  await profileRow(page, name).getByRole('rowheader').click()
  const details = page.getByRole('article', { name, exact: true })
  await expect(details).toBeVisible()
  return details
}

/**
 * The usual start of a scenario: a profile added before the launch (as `avcm add` would), the app started,
 * and the profile selected in its window. Resolves to the app, its window's page and the profile's details.
 */
export async function launchWithProfile(
  machine: Machine,
  name: string,
): Promise<{ readonly app: AppRun; readonly page: Page; readonly details: Locator }> {
  await machine.addProfile(name)
  const app = await machine.launch()
  const page = await app.window()
  return { app, page, details: await openProfile(page, name) }
}
