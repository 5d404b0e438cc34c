import { render } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { SESSION_STATUS, statusLabel } from '../../../main/core/common/session-status'
import type { SessionStatus } from '../../../main/core/sessions/session-state'
import StatusBadge from './StatusBadge.svelte'

describe('StatusBadge', () => {
  it.each(Object.keys(SESSION_STATUS) as SessionStatus[])(
    'says %s in the shared status word, as avcm and the tray do',
    (status) => {
      const { container } = render(StatusBadge, { status })
      expect(container.querySelector(`[data-status="${status}"]`)).toHaveTextContent(statusLabel(status))
      expect(statusLabel(status).toLowerCase()).toBe(SESSION_STATUS[status].word)
    },
  )
})
