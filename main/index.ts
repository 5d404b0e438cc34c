import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
} from 'electron'
import { composeApp } from './app/compose'
import { processEnvironment } from './app/process-environment'

// The whole app is one function of Electron's API and the environment (main/app/compose.ts); here it gets
// the real ones. The desktop harness (e2e/harness/) starts the same function with stand-ins.
void composeApp(
  {
    app,
    BrowserWindow,
    Tray,
    Menu,
    clipboard,
    Notification,
    ipcMain,
    powerMonitor,
    globalShortcut,
    nativeTheme,
    protocol,
    session,
    screen,
    shell,
    dialog,
    nativeImage,
  },
  processEnvironment(import.meta.dirname),
)
