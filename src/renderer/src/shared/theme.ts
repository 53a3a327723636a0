import type { Settings } from '../../../shared/settings'

/** Light, dark or the system's choice: CSS reads `data-theme` on <html>. */
export function applyTheme(theme: Settings['theme']): void {
  document.documentElement.dataset['theme'] = theme
}
