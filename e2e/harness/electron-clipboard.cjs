/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS main script for a throwaway Electron */
// Reads or writes the system clipboard in a throwaway Electron process, for the Electron driver of the
// desktop harness when the app itself is not running (after it quit, say): `read`, or `write <text>`.
'use strict'
const { app, clipboard } = require('electron')

app.whenReady().then(async () => {
  const [command, text] = process.argv.slice(process.argv.indexOf(__filename) + 1)
  if (command === 'read') process.stdout.write(await clipboard.readText())
  else if (command === 'write') await clipboard.writeText(text ?? '')
  app.quit()
})
