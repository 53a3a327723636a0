import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What one stand-in player was started with and given. */
export interface PlayerRun {
  argv: string[]
  audio: Buffer
}

/**
 * A stand-in `paplay` first on PATH: each run records its argv and whatever
 * reaches its stdin, so a test sees exactly what would have been played.
 * Other stand-ins (a synthesiser) can be added to the same folder.
 */
export class FakePlayer {
  readonly dir = mkdtempSync(join(tmpdir(), 'hark-fake-player-'))
  private readonly path = process.env.PATH

  constructor() {
    this.script(
      'paplay',
      `echo $$ >> "${this.dir}/pids"\nprintf '%s\\n' "$@" > "${this.dir}/argv-$$"\nexec cat > "${this.dir}/audio-$$"`
    )
    process.env.PATH = `${this.dir}:${this.path}`
  }

  /** an executable `name` in the folder on PATH running this shell body */
  script(name: string, body: string): string {
    const file = join(this.dir, name)
    writeFileSync(file, `#!/bin/sh\n${body}\n`)
    chmodSync(file, 0o755)
    return file
  }

  /** the runs that were given audio (a player started ahead and still waiting was given none) */
  played(): PlayerRun[] {
    return readdirSync(this.dir)
      .filter((f) => f.startsWith('audio-') && statSync(join(this.dir, f)).size > 0)
      .map((f) => ({
        argv: readFileSync(join(this.dir, `argv-${f.slice(6)}`), 'utf8')
          .split('\n')
          .filter(Boolean),
        audio: readFileSync(join(this.dir, f))
      }))
  }

  /** how many players were started, waiting ones included */
  started(): number {
    return readdirSync(this.dir).filter((f) => f.startsWith('argv-')).length
  }

  restore(): void {
    process.env.PATH = this.path
    for (const pid of this.pids()) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    rmSync(this.dir, { recursive: true, force: true })
  }

  private pids(): number[] {
    try {
      return readFileSync(join(this.dir, 'pids'), 'utf8').split('\n').filter(Boolean).map(Number)
    } catch {
      return []
    }
  }
}
