import { describe, expect, it } from 'vitest'
import * as shared from '../../../main/core/common/session-status'
import { needsSignIn } from './status'

describe('the window’s status rules', () => {
  it('block a profile exactly when the engine cannot issue it a token', () => {
    expect(needsSignIn).toBe(shared.needsSignIn)
  })
})
