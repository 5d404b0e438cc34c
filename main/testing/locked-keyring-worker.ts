import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createKeytarKeychain } from '../core/secrets/keytar-keychain'
import { CredentialService } from '../core/service/service'
import { refreshTokenIn } from './stored-session'

/**
 * Runs inside its own private D-Bus session and gnome-keyring (the test starts it so), because it locks and
 * unlocks the keyring: a profile is refreshed while the keyring is locked, a second process starts while
 * it is locked, then the keyring is unlocked. Prints one JSON object with what happened.
 * Arguments: the fake api.video URL, its API key, and scripts/unlock-test-keyring.py.
 */
const [fakeUrl = '', apiKey = '', unlockScript = ''] = process.argv.slice(2)
const service = `avcm-locked-${process.pid}`
const dataDir = mkdtempSync(join(tmpdir(), 'avcm-locked-'))
const keychain = createKeytarKeychain(service)
const report: Record<string, unknown> = {}

const lock = () =>
  execFileSync('dbus-send', [
    '--session',
    '--dest=org.freedesktop.secrets',
    '--type=method_call',
    '--print-reply',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    'array:objpath:/org/freedesktop/secrets/collection/login',
  ])
const unlock = () => execFileSync('/usr/bin/python3', [unlockScript])

const app = new CredentialService({ dataDir, keychain, random: () => 0 })
await app.start()
const profile = await app.add({ name: 'Acme', environment: fakeUrl, apiKey })
const before = await app.getToken(profile.id, { minValiditySeconds: 0 })

lock()
await app.refresh(profile.id)
const during = app.find(profile.id).session
report['statusWhileLocked'] = during.status
report['keychainErrorWhileLocked'] = during.keychainError?.message
const served = await app.getToken(profile.id, { minValiditySeconds: 60 })
report['servedNewToken'] = served.accessToken !== before.accessToken

// Another process starting while the keyring is locked must not crash or sign anything out.
const second = new CredentialService({ dataDir, keychain: createKeytarKeychain(service), autoRefresh: false })
await second.start()
report['secondStartProblems'] = second.problems()
report['secondStartStatus'] = second.find(profile.id).session.status
second.stop()

unlock()
const deadline = Date.now() + 20_000
while (app.find(profile.id).session.keychainError !== undefined && Date.now() < deadline) {
  app.resume()
  await new Promise((resolve) => setTimeout(resolve, 200))
}
report['recovered'] = app.find(profile.id).session.keychainError === undefined
report['storedRefreshToken'] = refreshTokenIn(await keychain.get(`${profile.id}/session`))
report['activity'] = app.activity().map((entry) => entry.kind)
app.stop()
for (const { account } of await keychain.findAll()) await keychain.delete(account)
console.log(JSON.stringify(report))
