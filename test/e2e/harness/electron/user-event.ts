/**
 * Runs an app callback as Electron runs it for a user's key press or click:
 * an exception is the app's uncaught exception (its process guards see it),
 * not an error handed back to the test that pressed the key.
 */
export function asUserEvent(callback: () => void): void {
  try {
    callback()
  } catch (err) {
    setImmediate(() => {
      throw err
    })
  }
}
