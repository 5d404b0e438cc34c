/** A desktop notification to show; clicking it opens the window, at the profile when there is one. */
export interface Notice {
  readonly title: string
  readonly body: string
  readonly profileId?: string
  /** A quiet confirmation rather than something that needs a person. */
  readonly silent?: boolean
}

/** Shows a notice. */
export type Notify = (notice: Notice) => void
