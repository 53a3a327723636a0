import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/**
 * Where a program is on PATH, or null: speech engines and recorders look
 * before they spawn, so a missing binary becomes a message naming what to
 * install instead of a spawn error.
 */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): string | null {
  const exts = platform === 'win32' ? (env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';') : ['']
  for (const dir of searchPath(env, platform)) {
    for (const ext of exts) {
      const candidate = join(dir, name + ext)
      if (isExecutable(candidate, platform)) return candidate
    }
  }
  return null
}

/**
 * Where Homebrew puts its programs (Apple silicon, then Intel). An app started
 * from Finder, the Dock or at login inherits launchd's PATH,
 * /usr/bin:/bin:/usr/sbin:/sbin, without them: Homebrew's sox would be "not
 * installed" although the same app started from a terminal finds it.
 */
export const MACOS_TOOL_DIRS = ['/opt/homebrew/bin', '/usr/local/bin']

/** The folders searched, in order: PATH, then on macOS the tool folders it lacks. */
export function searchPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  // Windows spells the variable Path; Node's process.env is case-insensitive there, a copy is not.
  const raw = env['PATH'] ?? (platform === 'win32' ? env['Path'] : undefined) ?? ''
  const dirs = raw.split(platform === 'win32' ? ';' : delimiter).filter(Boolean)
  if (platform !== 'darwin') return dirs
  return [...dirs, ...MACOS_TOOL_DIRS.filter((d) => !dirs.includes(d))]
}

function isExecutable(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false
    if (platform !== 'win32') accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
