import { empty, event, route, type Contract } from './route'

/** The app as a whole: its version, notices for the user, and where the main window should go. */

export interface AppInfo {
  version: string
  platform: string
  userData: string
  /** what "start at login" does on this system, or why it does nothing, as the login code decides: shown next to its control */
  startAtLogin: string
}

export interface AppNotice {
  level: 'info' | 'warning' | 'error'
  message: string
}

/** Where the main window should go: sent by the tray's Settings and the popup's "Open in Hark". */
export type AppNavigation = { view: 'settings' } | { view: 'conversation'; conversationId: string }

export const app = {
  routes: {
    'app.info': route<AppInfo>()(empty),
    /** a freshly loaded main window asks where it was sent before it could listen */
    'app.takeNavigation': route<AppNavigation | null>()(empty)
  },
  events: {
    'app.notice': event<AppNotice>(),
    'app.navigate': event<AppNavigation>()
  }
} satisfies Contract
