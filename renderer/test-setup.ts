import '@testing-library/jest-dom/vitest'
/**
 * jsdom has <dialog> but not its modal methods; these stand-ins keep the element's contract (open flag,
 * a `close` event) so components behave as in a browser. The real focus trap and inertness are tested in
 * Chromium by the end-to-end specs.
 */
if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.open) return
    this.open = false
    this.dispatchEvent(new Event('close'))
  }
}
