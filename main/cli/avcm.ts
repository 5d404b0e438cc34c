#!/usr/bin/env node
import { runAvcm } from './run'

void runAvcm(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code
})
