import type { Command } from './command'

/** Every command, with its one-line summary; each module is loaded only when its command runs. */
export const COMMANDS: Readonly<
  Record<string, { readonly summary: string; readonly load: () => Promise<Command> }>
> = {
  add: {
    summary: 'add a profile (the API key is read from stdin or a prompt)',
    load: async () => (await import('./commands/add')).add,
  },
  list: {
    summary: 'list profiles and how long their tokens stay valid',
    load: async () => (await import('./commands/list')).list,
  },
  status: {
    summary: 'show the status of one profile, or all',
    load: async () => (await import('./commands/status')).status,
  },
  token: {
    summary: 'print an access token valid for at least N seconds',
    load: async () => (await import('./commands/token')).token,
  },
  refresh: {
    summary: 'refresh a profile’s token now',
    load: async () => (await import('./commands/refresh')).refresh,
  },
  verify: {
    summary: 'check a profile’s token against api.video',
    load: async () => (await import('./commands/verify')).verify,
  },
  'sign-in': {
    summary: 'sign a profile in again with its API key',
    load: async () => (await import('./commands/sign-in')).signIn,
  },
  proxy: {
    summary: 'serve a local endpoint that adds the profile’s token to every request',
    load: async () => (await import('./commands/proxy')).proxy,
  },
  exec: {
    summary: 'run a command with a token (or a local endpoint) in its environment',
    load: async () => (await import('./commands/exec')).exec,
  },
  rename: { summary: 'rename a profile', load: async () => (await import('./commands/rename')).rename },
  remove: {
    summary: 'remove a profile and its keychain entries',
    load: async () => (await import('./commands/remove')).remove,
  },
}
