import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'

/** Composition root. The issue "Electron shell" replaces this minimal window with the real wiring. */
function createWindow(): void {
  const window = new BrowserWindow({
    width: 900,
    height: 640,
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
}

app.enableSandbox()
void app.whenReady().then(createWindow)
app.on('window-all-closed', () => app.quit())
