import type { CopyFormat } from '../../core/copy-formats'
import { isAppError } from '../../core/errors'
import type { CredentialService } from '../../core/service/service'
import type { ClipboardPort, EndpointsPort } from '../../ipc/ports'
import { leftToAttention } from '../notifications/attention'
import type { Notify } from '../notifications/notice'
import type { TrayAction } from './menu'

/** What the tray's actions call. */
export interface TrayActionDeps {
  readonly service: Pick<CredentialService, 'find' | 'refresh' | 'verify'>
  readonly quickCopy: (profileId: string, format: CopyFormat) => Promise<void>
  readonly endpoints: Pick<EndpointsPort, 'start' | 'stop' | 'urlOf'>
  /** The clipboard guard: an endpoint's URL is copied, and cleared, like a token. */
  readonly clipboard: ClipboardPort
  readonly openWindow: (profileId?: string) => void
  readonly quit: () => void
  readonly notify: Notify
}

function reason(error: unknown): string {
  return isAppError(error) ? error.message : 'Something went wrong inside the app.'
}

/** Maps each tray action descriptor to its call. The returned promise never rejects: failures are notified. */
export function createTrayActions(deps: TrayActionDeps): (action: TrayAction) => Promise<void> {
  const { service, notify } = deps
  const nameOf = (profileId: string): string => {
    try {
      return service.find(profileId).name
    } catch {
      return 'The profile'
    }
  }
  /** Starting and copying confirm quietly (the menu only shows it once reopened); every failure says why. */
  const endpointAction = async (
    kind: 'start-endpoint' | 'stop-endpoint' | 'copy-endpoint',
    profileId: string,
  ): Promise<void> => {
    const name = nameOf(profileId)
    try {
      switch (kind) {
        case 'start-endpoint':
          await deps.endpoints.start(profileId)
          notify({
            title: 'Local endpoint started',
            body: `${name}’s local endpoint runs: copy its URL from the tray or the window.`,
            silent: true,
          })
          return
        case 'stop-endpoint':
          return await deps.endpoints.stop(profileId)
        case 'copy-endpoint':
          await deps.clipboard.copy(deps.endpoints.urlOf(profileId))
          notify({ title: 'Copied', body: `Copied ${name}’s local endpoint URL.`, silent: true })
          return
      }
    } catch (error) {
      const what = { 'start-endpoint': 'start', 'stop-endpoint': 'stop', 'copy-endpoint': 'copy the URL of' }
      notify({ title: `Could not ${what[kind]} ${name}’s local endpoint`, body: reason(error), profileId })
    }
  }
  return async (action) => {
    switch (action.kind) {
      case 'copy':
        return deps.quickCopy(action.profileId, action.format)
      case 'refresh':
        try {
          await service.refresh(action.profileId)
        } catch (error) {
          // A profile that now needs a new sign-in gets the attention watcher's one notification, not two.
          if (leftToAttention(service, action.profileId)) return
          notify({
            title: `Could not refresh ${nameOf(action.profileId)}`,
            body: reason(error),
            profileId: action.profileId,
          })
        }
        return
      case 'verify': {
        const name = nameOf(action.profileId)
        try {
          const outcome = await service.verify(action.profileId)
          notify(
            outcome.ok
              ? {
                  title: `${name}: the token works`,
                  body: `api.video answered in ${outcome.latencyMs} ms.`,
                  silent: true,
                }
              : {
                  title: `${name}: the token was refused`,
                  body: outcome.error.message,
                  profileId: action.profileId,
                },
          )
        } catch (error) {
          notify({ title: `Could not verify ${name}`, body: reason(error), profileId: action.profileId })
        }
        return
      }
      case 'start-endpoint':
      case 'stop-endpoint':
      case 'copy-endpoint':
        return endpointAction(action.kind, action.profileId)
      case 'open-window':
        return deps.openWindow(action.profileId)
      case 'quit':
        return deps.quit()
    }
  }
}
