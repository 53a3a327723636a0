import { findOnPath } from '../platform/find-on-path'
import { runProcess } from './run-process'

export interface WavPlayer {
  cmd: string
  args: string[]
}

export const PLAYER_HINT =
  'Install pulseaudio-utils (paplay) or alsa-utils (aplay): sudo apt-get install pulseaudio-utils'

/**
 * paplay talks to PulseAudio or PipeWire directly; aplay goes through ALSA,
 * which desktops route to the same server. Both read the WAV from stdin.
 */
export function findWavPlayer(): WavPlayer | null {
  if (findOnPath('paplay')) return { cmd: 'paplay', args: ['--client-name=hark', '--stream-name=speech'] }
  if (findOnPath('aplay')) return { cmd: 'aplay', args: ['-q', '-'] }
  return null
}

function isWav(wav: Buffer): boolean {
  return wav.length >= 44 && wav.toString('ascii', 0, 4) === 'RIFF' && wav.toString('ascii', 8, 12) === 'WAVE'
}

/** Seconds of audio in a canonical RIFF/WAVE buffer, or null if it is not one. */
export function wavSeconds(wav: Buffer): number | null {
  if (!isWav(wav)) return null
  const byteRate = wav.readUInt32LE(28)
  return byteRate > 0 ? (wav.length - 44) / byteRate : null
}

/**
 * A synthesiser writing to a pipe cannot seek back to fill in the sizes:
 * text2wave leaves the data size 0 (paplay then plays nothing) and espeak-ng
 * writes a huge placeholder. Set them from the bytes we actually have.
 */
export function fixWavSizes(wav: Buffer): Buffer {
  if (!isWav(wav)) return wav
  wav.writeUInt32LE(wav.length - 8, 4)
  for (let at = 12; at + 8 <= wav.length;) {
    const id = wav.toString('ascii', at, at + 4)
    if (id === 'data') {
      wav.writeUInt32LE(wav.length - at - 8, at + 4)
      break
    }
    at += 8 + wav.readUInt32LE(at + 4) + (wav.readUInt32LE(at + 4) % 2)
  }
  return wav
}

/** Play one WAV; the budget is twice its length plus a slow null sink's start-up. */
export async function playWav(
  player: WavPlayer,
  wav: Buffer,
  signal: AbortSignal,
  onSound?: () => void
): Promise<void> {
  const seconds = wavSeconds(wav) ?? 60
  await runProcess(player.cmd, player.args, {
    input: fixWavSizes(wav),
    signal,
    timeoutMs: Math.round(5000 + 2000 * seconds),
    missingHint: PLAYER_HINT,
    ...(onSound ? { onStarted: onSound } : {})
  })
}

/** 16-bit little-endian PCM, as speech endpoints send it. */
export interface PcmFormat {
  rate: number
  channels: number
}

/**
 * Argv to play raw PCM from stdin as it arrives. The short latency matters:
 * with its default buffer paplay waits for about half a second of audio
 * before it plays any of a stream that arrives in real time.
 */
export function rawPlayerArgs(player: WavPlayer, fmt: PcmFormat): string[] {
  const rate = String(fmt.rate)
  const channels = String(fmt.channels)
  if (player.cmd === 'paplay')
    return [...player.args, '--raw', '--format=s16le', `--rate=${rate}`, `--channels=${channels}`, '--latency-msec=60']
  return ['-q', '-t', 'raw', '-f', 'S16_LE', '-r', rate, '-c', channels, '--buffer-time=100000', '-']
}
