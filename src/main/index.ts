import { app } from 'electron'
import { installProcessGuards } from './app/process-guards'
import { startHark } from './app/hark-app'
import { applyCommandLineSwitches } from './app/command-line-switches'

installProcessGuards()
applyCommandLineSwitches(app.commandLine)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.whenReady().then(startHark, (err: unknown) => {
    console.error('[hark] failed to start:', err)
    app.quit()
  })
}
