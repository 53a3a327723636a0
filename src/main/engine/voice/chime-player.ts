import { spawn } from 'node:child_process'
import { findOnPath } from './recorder-binary'

/**
 * Plays a short sound file and forgets about it. Every player is killed after
 * a timeout (aplay once hung for minutes), and a missing player or a failure
 * is only logged: a chime must never get in the way of listening.
 */

const PLAYERS: Record<string, Array<{ cmd: string; args: (file: string) => string[] }>> = {
  linux: [
    { cmd: 'paplay', args: (f) => [f] },
    { cmd: 'aplay', args: (f) => ['-q', f] }
  ],
  darwin: [{ cmd: 'afplay', args: (f) => [f] }],
  win32: [
    {
      cmd: 'powershell',
      // The path is passed as an argument, never interpolated into the script.
      args: (f) => ['-NoProfile', '-NonInteractive', '-Command', '(New-Object Media.SoundPlayer $args[0]).PlaySync()', f]
    }
  ]
}

export interface ChimePlayer {
  play(file: string): void
}

export function createChimePlayer(
  log: (message: string) => void = console.warn,
  timeoutMs = 3000,
  platform: NodeJS.Platform = process.platform
): ChimePlayer {
  const player = (PLAYERS[platform] ?? PLAYERS['linux']!).find((p) => findOnPath(p.cmd, process.env, platform))
  return {
    play(file) {
      if (!player) return
      try {
        const child = spawn(player.cmd, player.args(file), { stdio: 'ignore', timeout: timeoutMs, killSignal: 'SIGKILL' })
        child.on('error', (err) => log(`[hark] chime: ${err.message}`))
      } catch (err) {
        log(`[hark] chime: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
  }
}
