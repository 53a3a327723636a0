import type { ChildProcess } from 'node:child_process'
import { SPEECH_PCM } from './pcm-format'
import { classifyRecorderFailure, MicrophoneError } from './microphone-error'
import { killTree } from '../platform/child-supervisor'
import { ProgramMissingError, spawnProgram } from '../platform/spawn-program'
import { installHint, recorderCommand, type RecorderName } from './recorder-binary'
import { isPlainDeviceName } from './recorder-devices'

/**
 * The microphone: arecord, sox or rec, spawned through spawnProgram (resolved
 * on PATH before spawning, supervised so it dies with the app), with 'error'
 * listeners (a missing binary would otherwise crash the process). It records
 * raw PCM (the WAV header is written by wav.ts), and a recorder that produces
 * nothing or will not die is dealt with by timers.
 */

export interface CaptureOptions {
  recorder: RecorderName
  /** '' or undefined: the system default input */
  device?: string
  /** fail when no audio arrives within this long */
  noAudioTimeoutMs?: number
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
}

export interface Capture {
  /** ends recording; audio already captured is still delivered before `ended` */
  stop(): void
  /** resolves when the recorder has exited after stop(); rejects with a MicrophoneError otherwise */
  readonly ended: Promise<void>
}

export type StartCapture = (opts: CaptureOptions, onChunk: (pcm: Buffer) => void) => Capture

const KILL_GRACE_MS = 1500
const STDERR_KEEP = 4000

/**
 * Throws a MicrophoneError at once when the recorder is not installed or the
 * device is not a plain name (settings.set checked it already: defence in depth).
 */
export const startCapture: StartCapture = (opts, onChunk) => {
  const { recorder, env = process.env, platform = process.platform } = opts
  if (opts.device && !isPlainDeviceName(opts.device)) {
    throw new MicrophoneError(
      'no-device',
      'The input device in Settings is not a name the recorder lists. Choose one in Settings → Voice input.'
    )
  }
  // sox through PulseAudio drops the first seconds with the default latency.
  if (recorder !== 'arecord' && platform === 'linux') process.env['PULSE_LATENCY_MSEC'] ??= '30'
  try {
    const { cmd, args, env: extra } = recorderCommand(recorder, SPEECH_PCM, opts.device ?? '')
    const child = spawnProgram(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, ...extra }, platform })
    return watch(child, opts, onChunk)
  } catch (err) {
    if (err instanceof ProgramMissingError) throw missingRecorder(opts)
    throw new MicrophoneError(
      'failed',
      `Could not start ${recorder}: ${err instanceof Error ? err.message : String(err)}`
    )
  }
}

function missingRecorder({ recorder, platform }: CaptureOptions): MicrophoneError {
  return new MicrophoneError(
    'missing-recorder',
    `Voice input needs the "${recorder}" program, which is not installed. ${installHint(recorder, platform)}`
  )
}

function watch(child: ChildProcess, opts: CaptureOptions, onChunk: (pcm: Buffer) => void): Capture {
  let stderr = ''
  let stopped = false
  let gotAudio = false
  let settle: (err?: MicrophoneError) => void = () => {}
  const ended = new Promise<void>((resolve, reject) => {
    settle = (err) => {
      settle = () => {}
      clearTimeout(noAudio)
      clearTimeout(killer)
      if (err) reject(err)
      else resolve()
    }
  })
  ended.catch(() => {}) // the caller may only look at it later
  let killer: NodeJS.Timeout | undefined
  const kill = (): void => {
    killTree(child, 'SIGTERM')
    killer = setTimeout(() => killTree(child, 'SIGKILL'), KILL_GRACE_MS)
    killer.unref()
  }
  const noAudio = setTimeout(() => {
    if (gotAudio || stopped) return
    settle(new MicrophoneError('no-audio', 'The microphone gave no sound at all. Check the input device in Settings.'))
    stopped = true
    kill()
  }, opts.noAudioTimeoutMs ?? 4000)

  // A read error ends in 'close' too, which says more.
  child.stdout?.on('error', () => {})
  child.stdout?.on('data', (chunk: Buffer) => {
    gotAudio = true
    onChunk(chunk)
  })
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-STDERR_KEEP)
  })
  child.on('error', (err: NodeJS.ErrnoException) => {
    settle(
      err.code === 'ENOENT'
        ? missingRecorder(opts)
        : new MicrophoneError('failed', `Could not start ${opts.recorder}: ${err.message}`)
    )
  })
  child.on('close', (code) => {
    if (stopped || code === 0) settle()
    else settle(classifyRecorderFailure(opts.recorder, stderr, code))
  })
  return {
    ended,
    stop() {
      if (stopped) return
      stopped = true
      if (child.exitCode === null && child.signalCode === null) kill()
    }
  }
}
