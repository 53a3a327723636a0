import type { Settings } from '@shared/settings'

const systemDark = window.matchMedia('(prefers-color-scheme: dark)')
let chosen: Settings['theme'] = 'system'

function render(): void {
  const dark = chosen === 'dark' || (chosen === 'system' && systemDark.matches)
  document.documentElement.dataset['theme'] = dark ? 'dark' : 'light'
}

// 'system' follows the OS live, so CSS only ever needs a light and a dark palette.
systemDark.addEventListener('change', render)

/** Light, dark or the system's choice: CSS reads `data-theme` (light|dark) on <html>. */
export function applyTheme(theme: Settings['theme']): void {
  chosen = theme
  render()
}
