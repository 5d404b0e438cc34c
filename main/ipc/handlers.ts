import { copyToken } from './copy-token'
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
    'profiles:copy': (request) => copyToken(ports, request.id, request.format),
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
    // The shell applies every change of settings (theme, shortcut, launch at login); an update answers with
    // how applying it went, so a failure reaches the settings screen.
    'settings:update': async (patch) => {
      const settings = await service.updateSettings(patch)
      await ports.settingsApplied()
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
    'palette:copied': () => {
      ports.paletteCopied()
      return Promise.resolve(null)
    },
    'endpoints:copy': async (request) => ({
      clearsAt: await ports.clipboard.copy(ports.endpoints.urlOf(request.id)),
    }),
  }
}
