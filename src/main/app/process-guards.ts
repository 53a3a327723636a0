/**
 * The main process must never die of a stray error: log it and carry on.
 * Tests read `unexpectedErrors` to assert nothing slipped through.
 */
export const unexpectedErrors: string[] = []

export function installProcessGuards(log: (message: string) => void = console.error): void {
  const record = (kind: string) => (err: unknown) => {
    const text = `${kind}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`
    unexpectedErrors.push(text)
    log(`[hark] ${text}`)
  }
  process.on('uncaughtException', record('uncaughtException'))
  process.on('unhandledRejection', record('unhandledRejection'))
}
