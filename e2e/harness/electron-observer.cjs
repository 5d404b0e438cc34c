/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file that Electron loads with --require */
// Loaded into real Electron's main process before the app (`-r` on its command line), by the Electron driver
// of the desktop harness: it records what the app hands to the native surfaces a test cannot reach from
// outside (the tray's menu, notifications, global shortcuts), so the specs can read and click them.
'use strict'
const { Tray, Notification, globalShortcut } = require('electron')

const observed = { trayMenu: null, tray: null, tooltip: '', notifications: [], shortcuts: new Map() }
Object.defineProperty(globalThis, '__avcmObserved', { value: observed })

const setContextMenu = Tray.prototype.setContextMenu
Tray.prototype.setContextMenu = function (menu) {
  observed.tray = this
  observed.trayMenu = menu
  return setContextMenu.call(this, menu)
}
const setToolTip = Tray.prototype.setToolTip
Tray.prototype.setToolTip = function (toolTip) {
  observed.tooltip = toolTip
  return setToolTip.call(this, toolTip)
}
const show = Notification.prototype.show
Notification.prototype.show = function () {
  observed.notifications.push(this)
  return show.call(this)
}
const register = globalShortcut.register.bind(globalShortcut)
globalShortcut.register = (accelerator, callback) => {
  const ok = register(accelerator, callback)
  if (ok) observed.shortcuts.set(accelerator, callback)
  return ok
}
const unregister = globalShortcut.unregister.bind(globalShortcut)
globalShortcut.unregister = (accelerator) => {
  observed.shortcuts.delete(accelerator)
  return unregister(accelerator)
}
