/** Why recording failed, in words a user can act on. */
export type MicrophoneErrorCode = 'missing-recorder' | 'no-device' | 'permission' | 'busy' | 'no-audio' | 'failed'

export class MicrophoneError extends Error {
  constructor(
    readonly code: MicrophoneErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'MicrophoneError'
  }
}

/** Reads the recorder's stderr (arecord, sox) for the usual failures. */
export function classifyRecorderFailure(recorder: string, stderr: string, exitCode: number | null): MicrophoneError {
  const text = stderr.trim()
  const detail = text ? ` (${recorder}: ${text.split('\n').slice(-2).join(' ').slice(0, 300)})` : ''
  if (/permission denied|not permitted|access denied/i.test(text)) {
    return new MicrophoneError(
      'permission',
      `Hark may not use the microphone. Allow microphone access for Hark in your system's privacy settings.${detail}`
    )
  }
  if (/busy/i.test(text)) return new MicrophoneError('busy', `The microphone is busy in another program.${detail}`)
  if (
    /no such (file|device)|cannot find card|can't open|cannot open|audio open error|no default audio device|unknown pcm/i.test(
      text
    )
  ) {
    return new MicrophoneError(
      'no-device',
      `No microphone found. Plug one in or choose another input device in Settings.${detail}`
    )
  }
  return new MicrophoneError(
    'failed',
    `Recording failed: ${recorder} exited with code ${exitCode ?? 'unknown'}.${detail}`
  )
}
