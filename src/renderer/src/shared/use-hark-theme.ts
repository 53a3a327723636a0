import { useEffect } from 'react'
import { applyTheme } from './theme'

/** Follows Hark's theme setting (light, dark or the system's), not only the OS, and its changes. */
export function useHarkTheme(): void {
  useEffect(() => {
    void window.hark.invoke('settings.get', {}).then(
      ({ settings }) => applyTheme(settings.theme),
      () => applyTheme('system')
    )
    return window.hark.on('settings.changed', (s) => applyTheme(s.theme))
  }, [])
}
