import { mkdirSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

/** Write-then-rename, fsynced: a crash or a full disk leaves either the old file or the new one, never half. */
export function writeFileAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, data, { mode: 0o600 })
    const fd = openSync(tmp, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
  } catch (err) {
    // a full disk leaves a half temp file behind: it must not take what little space is left
    rmSync(tmp, { force: true })
    throw err
  }
}
