import { describe, expect, it, vi } from 'vitest'
import { COPY_CHOICES, copyChoice } from '../../../renderer/src/lib/copy-labels'
import { COPY_FORMAT_WORDS, COPY_FORMATS } from '../../core/common/copy-format-words'
import { AppError } from '../../core/errors'
import { describeActivity } from '../../core/service/describe-activity'
import { contract } from '../../ipc/contract'
import { profileView } from '../../testing/profile-fixtures'
import { copyConfirmation, createQuickCopy } from './quick-copy'
import { trayMenu, type TrayItem } from '../tray/menu'

/**
 * Every front must take its copy formats and their words from the one table, and keep none of its own. To
 * prove it, this file replaces the table with the real one plus a format that exists nowhere else, in words
 * of its own: a front that lists its own formats, or its own words, fails to offer it.
 */
vi.mock('../../core/common/copy-format-words', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../core/common/copy-format-words')>()
  const json = {
    menuItem: 'Copy JSON (test)',
    option: 'JSON (test)',
    noun: 'JSON (test)',
    copied: 'Copied JSON (test)',
  }
  return {
    COPY_FORMATS: [...real.COPY_FORMATS, 'json'],
    COPY_FORMAT_WORDS: { ...real.COPY_FORMAT_WORDS, json },
  }
})

const NOW = Date.UTC(2026, 0, 1, 9, 0, 0)
const acme = profileView({ name: 'acme' }, { status: 'valid', expiresAt: NOW + 3_600_000 })

/** The copy items of acme's tray submenu. */
function trayCopyItems(): TrayItem[] {
  const more = trayMenu({ profiles: [acme], problems: [], now: NOW }).find(
    (item) => item.id === `profile:${acme.id}:more`,
  )
  const items = more?.type === 'submenu' ? more.items : []
  return items.filter((item) => item.id.startsWith(`profile:${acme.id}:copy-`))
}

describe('the table of copy formats', () => {
  it('has, for this test, a format that no front names by itself', () => {
    expect(COPY_FORMATS).toContain('json')
  })

  it('orders the tray’s copy items and the window’s choices', () => {
    expect(trayCopyItems().map((item) => item.id)).toEqual(
      COPY_FORMATS.map((format) => `profile:${acme.id}:copy-${format}`),
    )
    expect(COPY_CHOICES.map((choice) => choice.format)).toEqual(COPY_FORMATS)
  })

  it.each(COPY_FORMATS)('%s: every front offers it, in the table’s words', async (format) => {
    const words = COPY_FORMAT_WORDS[format]

    // The tray's menu item, and what clicking it does.
    expect(trayCopyItems().find((item) => item.id === `profile:${acme.id}:copy-${format}`)).toMatchObject({
      label: words.menuItem,
      enabled: true,
      action: { kind: 'copy', profileId: acme.id, format },
    })

    // The tray's and shortcut's notifications, when the copy works and when it fails.
    expect(copyConfirmation('acme', format, null, NOW)).toBe(`Copied acme’s ${words.noun}.`)
    const notify = vi.fn()
    const failed = createQuickCopy({
      service: {
        find: () => acme,
        getToken: () => Promise.reject(new AppError('network', 'api.video cannot be reached.')),
      },
      clipboard: { copy: () => Promise.resolve(null) },
      notify,
      now: () => NOW,
    })
    await failed(acme.id, format)
    expect(notify).toHaveBeenCalledWith(
      expect.objectContaining({ title: `Could not copy acme’s ${words.noun}` }),
    )

    // The window's choice and its confirmation.
    const choice = { format, option: words.option, done: words.copied }
    expect(COPY_CHOICES).toContainEqual(choice)
    expect(copyChoice(format)).toEqual(choice)

    // The activity log's line for a copy in this format.
    expect(describeActivity.purpose(`copy-${format}`)).toBe(words.copied)

    // The window may ask for it over IPC.
    expect(contract['profiles:copy'].request.safeParse({ id: acme.id, format }).success).toBe(true)
  })

  it('lets no other format through the IPC contract', () => {
    expect(contract['profiles:copy'].request.safeParse({ id: acme.id, format: 'html' }).success).toBe(false)
  })
})
