/** The preload bridge. Issue "Electron shell" builds `window.api` from the IPC contract here. */
export {}
