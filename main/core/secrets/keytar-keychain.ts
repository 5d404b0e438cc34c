import keytar from 'keytar'
import type { Keychain } from './keychain'

/** The OS keychain through keytar, for one service name. The only file that imports keytar. */
export function createKeytarKeychain(service: string): Keychain {
  return {
    get: (account) => keytar.getPassword(service, account),
    set: (account, value) => keytar.setPassword(service, account, value),
    delete: (account) => keytar.deletePassword(service, account),
    findAll: () => keytar.findCredentials(service),
  }
}
