import type { PcmFormat } from './pcm-format'

/**
 * Which recorder program to run, how, and whether it is installed: Hark looks
 * it up on PATH first and names the package to install.
 */

export type RecorderName = 'arecord' | 'sox' | 'rec'
export type RecorderSetting = RecorderName | 'auto'

/** arecord captured PulseAudio from the first millisecond; sox lost seconds there. */
export function chooseRecorder(setting: RecorderSetting, platform: NodeJS.Platform = process.platform): RecorderName {
  if (setting !== 'auto') return setting
  return platform === 'linux' ? 'arecord' : 'sox'
}

export function installHint(name: RecorderName, platform: NodeJS.Platform = process.platform): string {
  if (name === 'arecord') return 'Install the "alsa-utils" package (e.g. sudo apt install alsa-utils).'
  if (platform === 'darwin') return 'Install SoX with Homebrew: brew install sox.'
  if (platform === 'win32') return 'Install SoX (https://sourceforge.net/projects/sox/) and add it to PATH.'
  return 'Install the "sox" package (e.g. sudo apt install sox), plus "libsox-fmt-pulse" for PulseAudio.'
}

export interface RecorderCommand {
  cmd: RecorderName
  args: string[]
  /** sox and rec take the device from AUDIODEV, never from argv */
  env: Record<string, string>
}

/** Raw PCM on stdout, in `pcm`; `device` must already be a checked, plain name ('' for the default). */
export function recorderCommand(recorder: RecorderName, pcm: PcmFormat, device: string): RecorderCommand {
  const rate = String(pcm.sampleRate)
  const channels = String(pcm.channels)
  const bits = String(pcm.bitsPerSample)
  if (recorder === 'arecord') {
    const format = ['-q', '-r', rate, '-c', channels, '-t', 'raw', '-f', `S${bits}_LE`, '-']
    return { cmd: recorder, args: device ? ['-D', device, ...format] : format, env: {} }
  }
  const env: Record<string, string> = device ? { AUDIODEV: device } : {}
  const raw = ['-e', 'signed-integer', '-b', bits, '-t', 'raw', '-']
  if (recorder === 'rec') return { cmd: recorder, args: ['-q', '-r', rate, '-c', channels, ...raw], env }
  return { cmd: recorder, args: ['--default-device', '--no-show-progress', '-r', rate, '-c', channels, ...raw], env }
}
