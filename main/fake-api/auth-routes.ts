import { invalidAttributeBody, invalidCredentialsBody } from './bodies'
import { keyValid, sendJson, type Exchange, type FakeState, type Outcome } from './context'
import type { IssuedTokens } from './tokens'

/** `POST /auth/api-key` and `POST /auth/refresh`, given the request's JSON body. */
export function serveAuth(
  state: FakeState,
  exchange: Exchange,
  route: 'auth/api-key' | 'auth/refresh',
  body: Record<string, unknown> | undefined,
): Outcome {
  const { res } = exchange
  const valid = (key: string) => keyValid(state, key)
  if (route === 'auth/api-key') {
    const apiKey = body?.['apiKey']
    if (typeof apiKey !== 'string') {
      sendJson(state, res, 400, invalidAttributeBody('apiKey'))
      return { result: 400 }
    }
    if (!valid(apiKey)) {
      sendJson(state, res, state.rejectStatus, invalidCredentialsBody(state.rejectStatus, route))
      return { apiKey, result: state.rejectStatus }
    }
    const issued = state.tokens.issue(apiKey, state.lifetime)
    sendTokens(state, exchange, issued)
    return { apiKey, result: 200, issued }
  }
  const refreshToken = body?.['refreshToken']
  if (typeof refreshToken !== 'string') {
    sendJson(state, res, 400, invalidAttributeBody('refreshToken'))
    return { result: 400 }
  }
  const outcome = state.tokens.redeem(refreshToken, valid)
  const apiKey = state.tokens.apiKeyOf(refreshToken)
  if (outcome !== 'rotated' || apiKey === undefined) {
    sendJson(state, res, state.rejectStatus, invalidCredentialsBody(state.rejectStatus, route))
    return { refreshToken, refreshOutcome: outcome, result: state.rejectStatus }
  }
  const issued = state.tokens.issue(apiKey, state.lifetime)
  sendTokens(state, exchange, issued)
  return { refreshToken, refreshOutcome: outcome, result: 200, issued }
}

function sendTokens(state: FakeState, exchange: Exchange, issued: IssuedTokens): void {
  sendJson(state, exchange.res, 200, {
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    access_token: issued.accessToken,
    refresh_token: issued.refreshToken,
  })
}
