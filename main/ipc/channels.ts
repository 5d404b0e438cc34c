/**
 * The names of the IPC channels, and nothing else: the one list the contract gives a schema to each of
 * (main/ipc/contract.ts fails to compile if the two differ) and the only runtime code the preload takes from
 * main. It imports nothing, so the sandboxed preload stays a few kilobytes instead of carrying the schemas.
 */

/** Every channel between the renderer and main, named `domain:action`, in the order of the contract. */
export const CHANNELS = [
  'app:state',
  'profiles:list',
  'profiles:add',
  'profiles:sign-in',
  'profiles:refresh',
  'profiles:copy',
  'profiles:reveal',
  'profiles:verify',
  'profiles:rename',
  'profiles:remove',
  'settings:get',
  'settings:update',
  'activity:list',
  'demo:start',
  'endpoints:start',
  'endpoints:stop',
  'endpoints:copy',
  'palette:copied',
] as const

/** Every channel name. */
export type Channel = (typeof CHANNELS)[number]

/** The one event channel, main → renderer. */
export const EVENT_CHANNEL = 'events:push'

/** The `[domain, function name]` of a channel, as the preload lays out `window.api`. */
export function apiPath(channel: Channel): readonly [domain: string, name: string] {
  const [domain = '', action = ''] = channel.split(':')
  return [domain, action.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())]
}
