import { record } from './recorder'

/**
 * Electron does not die of an uncaught exception in main: with no handler of
 * the app's own it shows "A JavaScript error occurred in the main process"
 * and keeps running. Node would exit, so the fake installs the same default.
 */
export function installElectronErrorDefault(): void {
  const onError = (err: unknown): void => {
    if (process.listenerCount('uncaughtException') > 1) return // the app handles its own
    const text = err instanceof Error ? (err.stack ?? err.message) : String(err)
    console.error(`A JavaScript error occurred in the main process\nUncaught Exception:\n${text}`)
    record('dialog.showErrorBox', 'A JavaScript error occurred in the main process', text)
  }
  process.on('uncaughtException', onError)
}
