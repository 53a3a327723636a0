import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** What the fake PowerShell (fake-powershell.mjs) logged, one entry per event. */
export interface FakeSapiLogEntry {
  pid: number
  /** its argv, when it started */
  start?: string[]
  line?: string
  speak?: { id: string; rate: string; voice: string; text: string }
  cancel?: string
  exit?: string
}

/**
 * Puts an executable `fileName` into `dir` that runs the fake PowerShell, for
 * the engine to find on PATH; it logs to `dir/log.jsonl`.
 */
export function installFakePowershell(dir: string, fileName = 'powershell') {
  const program = join(dir, fileName)
  const script = resolve(__dirname, 'fake-powershell.mjs')
  writeFileSync(program, `#!/bin/sh\nexec "${process.execPath}" "${script}" "$@"\n`)
  chmodSync(program, 0o755)
  const logFile = join(dir, 'log.jsonl')
  const log = (): FakeSapiLogEntry[] => {
    try {
      return readFileSync(logFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as FakeSapiLogEntry)
    } catch {
      return []
    }
  }
  return {
    env: { HARK_FAKE_SAPI_LOG: logFile },
    log,
    starts: () => log().filter((e) => e.start),
    spoken: () => log().flatMap((e) => (e.speak ? [e.speak.text] : []))
  }
}
