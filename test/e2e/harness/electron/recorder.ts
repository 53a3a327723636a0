/** Calls the harness only records (shell.openExternal, dialog, Notification…), for tests to read. */

export interface RecordedCall {
  api: string
  args: unknown[]
  at: number
}

const calls: RecordedCall[] = []

export function record(api: string, ...args: unknown[]): void {
  calls.push({ api, args: toPlain(args) as unknown[], at: Date.now() })
}

export function recordedCalls(prefix = ''): RecordedCall[] {
  return calls.filter((c) => c.api.startsWith(prefix))
}

/** Drops functions and cycles so records can cross the IPC channel to the test. */
function toPlain(value: unknown): unknown {
  const seen = new WeakSet<object>()
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'function') return '[function]'
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[cycle]'
        seen.add(v)
      }
      return v
    }) ?? 'null'
  )
}
