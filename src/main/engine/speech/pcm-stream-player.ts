import type { ChildProcess } from 'node:child_process'
import { killTree } from '../platform/child-supervisor'
import { ProgramMissingError } from '../platform/spawn-program'
import { startProcess } from './run-process'
import { TtsError } from './speech-types'
import { PLAYER_HINT, rawPlayerArgs, type PcmFormat, type WavPlayer } from './wav-player'

/** A player that has taken no audio for this long is hung. */
const WRITE_TIMEOUT_MS = 10_000
const KILL_GRACE_MS = 250

/**
 * Plays raw PCM as it arrives: every piece goes to the player's stdin as
 * soon as we have it, so sound starts with the first bytes rather than the
 * last. Resolves when the player has played everything; rejects with a
 * TtsError. `onSound` is called once the player has its first audio.
 * `started` is a player already started with rawPlayerArgs for this format
 * (a warm one); without it one is started here.
 */
export async function playPcmStream(
  player: WavPlayer,
  format: PcmFormat,
  pieces: AsyncIterable<Buffer>,
  signal: AbortSignal,
  onSound?: () => void,
  started?: ChildProcess | null
): Promise<void> {
  if (signal.aborted) {
    if (started) killTree(started, 'SIGKILL')
    throw new TtsError(`${player.cmd} was stopped`, 'aborted')
  }
  const child = started ?? startPlayer(player, format)
  const exit = exited(child, player.cmd)
  const stop = (): void => kill(child)
  signal.addEventListener('abort', stop, { once: true })
  let bytes = 0
  try {
    for await (const piece of pieces) {
      if (signal.aborted) break
      const first = bytes === 0
      bytes += piece.length
      await write(child, piece, exit, first ? onSound : undefined)
    }
    child.stdin?.end()
    const seconds = bytes / (2 * format.channels * format.rate)
    await withTimeout(exit, 5000 + 2000 * seconds, player.cmd)
    if (signal.aborted) throw new TtsError(`${player.cmd} was stopped`, 'aborted')
  } catch (err) {
    stop()
    throw signal.aborted ? new TtsError(`${player.cmd} was stopped`, 'aborted') : err
  } finally {
    signal.removeEventListener('abort', stop)
  }
}

function startPlayer(player: WavPlayer, format: PcmFormat): ChildProcess {
  try {
    return startProcess(player.cmd, rawPlayerArgs(player, format))
  } catch (err) {
    if (err instanceof ProgramMissingError)
      throw new TtsError(`${player.cmd} is not installed. ${PLAYER_HINT}`, 'missing')
    throw new TtsError(`cannot start ${player.cmd}: ${(err as Error).message}`, 'failed')
  }
}

function kill(child: ChildProcess): void {
  killTree(child, 'SIGTERM')
  setTimeout(() => killTree(child, 'SIGKILL'), KILL_GRACE_MS).unref()
}

/** Settles when the player exits: resolves on code 0, else rejects with what it said. */
function exited(child: ChildProcess, cmd: string): Promise<void> {
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-1000)))
  child.stdout?.resume()
  child.stdin?.on('error', () => {}) // EPIPE when it dies: its exit says more
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new TtsError(`${cmd} is not installed. ${PLAYER_HINT}`, 'missing')
          : new TtsError(`cannot run ${cmd}: ${err.message}`, 'failed')
      )
    )
    child.once('close', (code, sig) => {
      if (code === 0) return resolve()
      const how = sig ? `was killed by ${sig}` : `exited with code ${code}`
      reject(new TtsError(`${cmd} ${how}${stderr.trim() ? `: ${stderr.trim().slice(0, 300)}` : ''}`, 'failed'))
    })
  })
  done.catch(() => {}) // observed by whoever awaits it; an early exit must not be unhandled
  return done
}

/** One piece into the player, waiting for it to drain so memory stays bounded by the download. */
async function write(child: ChildProcess, piece: Buffer, exit: Promise<void>, onWritten?: () => void): Promise<void> {
  const stdin = child.stdin
  if (!stdin || stdin.destroyed)
    return exit.then(() => Promise.reject(new TtsError('the player exited early', 'failed')))
  const ok = stdin.write(piece, (err) => !err && onWritten?.())
  if (ok) return
  const drained = new Promise<void>((resolve) => stdin.once('drain', resolve))
  await withTimeout(Promise.race([drained, exit]), WRITE_TIMEOUT_MS, 'the player')
}

function withTimeout(p: Promise<void>, ms: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TtsError(`${what} did not finish within ${Math.round(ms / 1000)} s`, 'failed')),
      ms
    )
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}
