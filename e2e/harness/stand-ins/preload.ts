/**
 * The script that runs the built preload (out/preload/index.cjs) in a page before the page's own scripts, as
 * Electron runs a sandboxed preload registered on the session: in the main frame only (nodeIntegrationInSubFrames
 * is off) of documents at the origins its `matches` allow,
 * with a `require` that knows only `electron`, whose `contextBridge` and `ipcRenderer` go to the harness's
 * ipcMain through a Playwright binding. The stand-in cannot give the preload a world of its own, so unlike
 * Electron's context isolation the page could reach the binding; the IPC sender check is what refuses a
 * caller that is not the app's window, and the specs test exactly that.
 */
export function preloadScript(preloadSource: string, origins: readonly string[]): string {
  return `(() => {
  if (window.top !== window) return;
  if (!${JSON.stringify(origins)}.includes(location.origin)) return;
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => globalThis.__avcmHarnessInvoke(channel, args),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    off(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  ipcRenderer.removeListener = ipcRenderer.off;
  Object.defineProperty(globalThis, Symbol.for('avcm.harness.ipc'), {
    value: Object.freeze({
      deliver(channel, args) {
        for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer }, ...args);
      },
    }),
  });
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: api, enumerable: true });
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('module not found: ' + name + ' (a sandboxed preload can require only electron)');
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`
}
