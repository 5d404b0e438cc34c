/** A short message that goes away by itself. */
export interface Toast {
  readonly id: number
  readonly text: string
  readonly tone: 'info' | 'error'
}

/** The toasts on screen, each removed after its time. */
export class Toasts {
  items = $state<readonly Toast[]>([])
  private nextId = 1

  /** Shows `text` for `ms` milliseconds. */
  show(text: string, tone: Toast['tone'] = 'info', ms = 4000): void {
    const id = this.nextId
    this.nextId += 1
    this.items = [...this.items, { id, text, tone }]
    setTimeout(() => this.dismiss(id), ms)
  }

  /** Removes a toast now. */
  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id)
  }
}
