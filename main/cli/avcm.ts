#!/usr/bin/env node
import { runAvcm } from './run'

// Ctrl+C or a polite kill lets the command finish first: stopping between api.video rotating a refresh
// token and the keychain saving the new one would sign the profile out. A second signal, or 10 s, ends it.
let interrupted = false
const interrupt = (): void => {
  if (interrupted) process.exit(130)
  interrupted = true
  setTimeout(() => process.exit(130), 10_000).unref()
}
process.on('SIGINT', interrupt)
process.on('SIGTERM', interrupt)

void runAvcm(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = interrupted ? 130 : code
})
