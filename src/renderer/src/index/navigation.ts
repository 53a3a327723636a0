import { createContext, useContext } from 'react'

/** Where a section of Settings starts: `id="settings-<section>"` on its element. */
export type SettingsSection = 'provider' | 'conversations'

/** Moving between the main window's views from deep inside one (an error's "Open Settings", the shortcuts button). */
export interface Navigation {
  openSettings: (section?: SettingsSection) => void
  openShortcuts: () => void
}

export const NavigationContext = createContext<Navigation>({ openSettings: () => {}, openShortcuts: () => {} })

export function useNavigation(): Navigation {
  return useContext(NavigationContext)
}
