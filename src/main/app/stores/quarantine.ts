import { mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Moves an unreadable file into `dir/quarantine/` so it is neither loaded nor
 * overwritten, and returns the notice to show. Never throws: if even the move
 * fails, the file is left where it is and simply skipped.
 */
export function quarantineFile(dir: string, name: string, reason: unknown, now: () => number = Date.now): string {
  const why = reason instanceof Error ? reason.message : String(reason)
  const aside = join(dir, 'quarantine', `${name}.${now()}.corrupt`)
  try {
    mkdirSync(join(dir, 'quarantine'), { recursive: true })
    renameSync(join(dir, name), aside)
    return `A saved conversation could not be read (${why}). It was moved to ${aside}; your other conversations are fine.`
  } catch (err) {
    const moveError = err instanceof Error ? err.message : String(err)
    return `A saved conversation (${name}) could not be read (${why}) and could not be moved aside (${moveError}). It was skipped.`
  }
}
