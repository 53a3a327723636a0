import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A virtual microphone for voice tests: speech rendered by festival at 16 kHz
 * (pocketsphinx recognises its voice well) and played into PulseAudio's null
 * sink, whose monitor is the default source the recorder captures.
 */

const dir = mkdtempSync(join(tmpdir(), 'hark-mic-'))
let counter = 0

/** Fails loudly when PulseAudio is not reachable: these tests need it. */
export function requirePulse(): void {
  try {
    const info = execFileSync('pactl', ['info'], { timeout: 10_000, encoding: 'utf8' })
    if (!/Default Source: \S*monitor/.test(info)) throw new Error(`default source is not a monitor:\n${info}`)
  } catch (err) {
    throw new Error(`PulseAudio with a null sink is required (test/support/global-pulse.ts): ${String(err)}`)
  }
}

/** Renders `text` (test-controlled, plain words) to a 16 kHz WAV; returns its path and length. */
export function renderSpeech(text: string): { path: string; durationMs: number } {
  const path = join(dir, `speech-${++counter}.wav`)
  execFileSync('text2wave', ['-F', '16000', '-o', path], { input: text, timeout: 30_000 })
  const wav = readFileSync(path)
  const dataAt = wav.indexOf('data') + 8
  const rate = wav.readUInt32LE(24)
  const frame = (wav.readUInt16LE(22) * wav.readUInt16LE(34)) / 8
  return { path, durationMs: ((wav.length - dataAt) / frame / rate) * 1000 }
}

/** Plays a file into the default sink (the virtual mic hears it); resolves when done. */
export function speakIntoMic(path: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('paplay', [path], { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err) => (err ? reject(err) : resolve()))
  })
}
