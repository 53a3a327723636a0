import { app } from 'electron'
import type { SubjectHandlers } from '../ipc-router'
import { startAtLoginExplanation } from '../../login/login-item'
import { takeNavigation } from '../../windows/main-window-navigation'

export function appHandlers(): SubjectHandlers<'app'> {
  return {
    'app.info': () => ({
      version: app.getVersion(),
      platform: process.platform,
      userData: app.getPath('userData'),
      startAtLogin: startAtLoginExplanation()
    }),
    'app.takeNavigation': (_input, caller) => takeNavigation(caller.window)
  }
}
