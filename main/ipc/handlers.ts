import { formatForCopy } from '../core/copy-formats'
import type { Handlers } from './dispatch'
import type { HandlerPorts } from './ports'

/** The handler of every channel: thin calls into the engine and the ports. */
export function createHandlers(ports: HandlerPorts): Handlers {
  const { service } = ports
  return {
    'app:state': () => Promise.resolve(ports.appState()),
    'profiles:list': () => service.list(),
    'profiles:add': (request) => service.add(request),
    'profiles:sign-in': (request) => service.signIn(request.id, request.apiKey, request.rememberApiKey),
    'profiles:refresh': (request) => service.refresh(request.id),
    'profiles:copy': async (request) => {
      const profile = service.find(request.id)
      const token = await service.getToken(request.id, { purpose: `copy-${request.format}` })
      const clearsAt = await ports.clipboard.copy(
        formatForCopy(request.format, token.accessToken, profile.baseUrl),
      )
      return { expiresAt: token.expiresAt, clearsAt }
    },
    'profiles:reveal': async (request) => {
      const token = await service.getToken(request.id, { purpose: 'reveal' })
      return { accessToken: token.accessToken, expiresAt: token.expiresAt }
    },
    'profiles:verify': (request) => service.verify(request.id),
    'profiles:rename': (request) => service.rename(request.id, request.name),
    'profiles:remove': async (request) => {
      await service.remove(request.id)
      return null
    },
    'settings:get': () => Promise.resolve(service.settings()),
    // The one place an update is applied (theme, shortcut, launch at login), so its failure is the answer.
    'settings:update': async (patch) => {
      const settings = await service.updateSettings(patch)
      await ports.applySettings(settings)
      return settings
    },
    'activity:list': () => Promise.resolve(service.activity()),
    'demo:start': () => ports.startDemo(),
    'endpoints:start': async (request) => ({ url: await ports.endpoints.start(request.id) }),
    'endpoints:stop': async (request) => {
      await ports.endpoints.stop(request.id)
      return null
    },
    // The URL is a capability while the endpoint runs: it goes through the clipboard guard, like a token.
    'endpoints:copy': async (request) => ({
      clearsAt: await ports.clipboard.copy(ports.endpoints.urlOf(request.id)),
    }),
  }
}
