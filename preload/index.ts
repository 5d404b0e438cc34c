import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from './build-api'

// The sandboxed preload's whole job: expose window.api, built from the IPC contract; never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'api',
  buildApi({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    on: (channel, listener) => void ipcRenderer.on(channel, listener),
    off: (channel, listener) => void ipcRenderer.off(channel, listener),
  }),
)
