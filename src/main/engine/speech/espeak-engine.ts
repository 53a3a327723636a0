import { runProcess } from './run-process'
import { checkedRate } from './speech-rate'
import { hasWord } from './speech-text'
import { TtsError, type VoiceOptions } from './speech-types'
import { WavTtsEngine, type WavEngineOptions, type WavSynth } from './wav-tts-engine'

export const ESPEAK_HINT = 'Install it with: sudo apt-get install espeak-ng'
const VOICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_+.-]*$/
const NORMAL_WPM = 175

/** espeak-ng reads the whole of stdin (--stdin) and writes a WAV (--stdout). */
export function espeakArgs(opts: VoiceOptions): string[] {
  const args = ['--stdout', '--stdin']
  const voice = opts.voice?.trim()
  if (voice) {
    if (!VOICE_NAME.test(voice)) throw new TtsError(`invalid espeak-ng voice "${voice}"`, 'failed')
    args.push('-v', voice)
  }
  if (opts.rate !== undefined && opts.rate !== 1)
    args.push('-s', String(Math.round(NORMAL_WPM * checkedRate(opts.rate))))
  return args
}

/** The language codes `espeak-ng --voices` lists (its second column), usable with -v. */
export function parseEspeakVoices(listing: string): string[] {
  return listing
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[1])
    .filter((code): code is string => !!code && VOICE_NAME.test(code))
}

function listVoices(): Promise<string[]> {
  return runProcess('espeak-ng', ['--voices'], { timeoutMs: 5000, missingHint: ESPEAK_HINT }).then(
    ({ stdout }) => parseEspeakVoices(stdout.toString('utf8')),
    () => []
  )
}

export const espeakSynth: WavSynth = {
  name: 'espeak-ng',
  binary: 'espeak-ng',
  missingHint: ESPEAK_HINT,
  args: espeakArgs,
  canSpeak: hasWord,
  voices: listVoices,
  // small (a few MB), but its start is most of its time to first sound under load
  warmStart: true,
  // every espeak-ng voice writes 22,050 Hz mono
  format: { rate: 22_050, channels: 1 }
}

export function createEspeakEngine(opts?: WavEngineOptions): WavTtsEngine {
  return new WavTtsEngine(espeakSynth, opts)
}
