import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { spawnSupervised } from './child-supervisor'
import { findOnPath } from './find-on-path'

/**
 * The one way Hark starts a program. It spawns the absolute path findOnPath
 * resolved, because the PATH a macOS GUI launch inherits lacks Homebrew's
 * folders (find-on-path.ts), so a program found there must be run from there.
 * The child is supervised (child-supervisor.ts: it dies with the app, however
 * the app ends), never goes through a shell and never opens a console window
 * on Windows (each push-to-talk and sentence flashed one), whatever the caller
 * passed.
 */

export class ProgramMissingError extends Error {
  constructor(readonly program: string) {
    super(`${program} is not installed`)
    this.name = 'ProgramMissingError'
  }
}

export interface ProgramOptions extends Omit<SpawnOptions, 'windowsHide' | 'shell'> {
  platform?: NodeJS.Platform
}

export type SpawnProgram = (name: string, args: string[], options?: ProgramOptions) => ChildProcess

/** Throws ProgramMissingError when `name` is on no search path; spawn's own errors still arrive as 'error' events. */
export const spawnProgram: SpawnProgram = (name, args, options = {}) => {
  const { platform = process.platform, ...spawnOptions } = options
  const path = findOnPath(name, spawnOptions.env ?? process.env, platform)
  if (!path) throw new ProgramMissingError(name)
  return spawnSupervised(path, args, spawnOptions)
}
