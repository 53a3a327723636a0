import type { ChildProcess } from 'node:child_process'
import { findOnPath } from '../platform/find-on-path'
import { spawnProgram, type ProgramOptions } from '../platform/spawn-program'

/**
 * Plays a short sound file and forgets about it. Every player is killed after
 * a timeout (aplay once hung for minutes), and a missing player or a failure
 * is only logged: a chime must never get in the way of listening.
 */

interface Player {
  cmd: string
  args: (file: string) => string[]
  /** extra environment for the player: how a file reaches a script without becoming part of it */
  env?: (file: string) => Record<string, string>
}

/**
 * powershell.exe joins everything after -Command into the script, so a path
 * passed as an argument would be parsed as PowerShell. The script is a
 * constant and reads the path from the environment instead.
 */
export const WINDOWS_CHIME_SCRIPT = '(New-Object Media.SoundPlayer $env:HARK_CHIME).PlaySync()'

const PLAYERS: Record<string, Player[]> = {
  linux: [
    { cmd: 'paplay', args: (f) => [f] },
    { cmd: 'aplay', args: (f) => ['-q', f] }
  ],
  darwin: [{ cmd: 'afplay', args: (f) => [f] }],
  win32: [
    {
      cmd: 'powershell',
      args: () => ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_CHIME_SCRIPT],
      env: (f) => ({ HARK_CHIME: f })
    }
  ]
}

export interface ChimePlayer {
  play(file: string): void
}

export interface ChimeSystem {
  spawn: (cmd: string, args: string[], opts: ProgramOptions) => ChildProcess
  onPath: (cmd: string, platform: NodeJS.Platform) => boolean
}

const realSystem: ChimeSystem = {
  spawn: spawnProgram,
  onPath: (cmd, platform) => findOnPath(cmd, process.env, platform) !== null
}

export function createChimePlayer(
  log: (message: string) => void = console.warn,
  timeoutMs = 3000,
  platform: NodeJS.Platform = process.platform,
  system: ChimeSystem = realSystem
): ChimePlayer {
  const player = (PLAYERS[platform] ?? PLAYERS['linux']!).find((p) => system.onPath(p.cmd, platform))
  return {
    play(file) {
      if (!player) return
      try {
        const env = player.env ? { ...process.env, ...player.env(file) } : process.env
        const opts: ProgramOptions = { stdio: 'ignore', timeout: timeoutMs, killSignal: 'SIGKILL', env, platform }
        const child = system.spawn(player.cmd, player.args(file), opts)
        child.on('error', (err) => log(`[hark] chime: ${err.message}`))
      } catch (err) {
        log(`[hark] chime: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
  }
}
