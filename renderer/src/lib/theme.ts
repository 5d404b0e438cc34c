import type { Settings } from '../../../main/core/profiles/schema'

/**
 * Applies the theme setting to the document (`data-theme="light" | "dark"`), following the system when
 * the setting says so; returns the function that stops following it.
 */
export function applyTheme(
  theme: Settings['theme'],
  root: HTMLElement = document.documentElement,
): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)')
  const set = () => {
    root.dataset['theme'] = theme === 'system' ? (query.matches ? 'dark' : 'light') : theme
  }
  set()
  if (theme !== 'system') return () => undefined
  query.addEventListener('change', set)
  return () => query.removeEventListener('change', set)
}
