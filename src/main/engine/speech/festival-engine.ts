import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { checkedRate } from './speech-rate'
import { hasAsciiWord } from './speech-text'
import { TtsError, type VoiceOptions } from './speech-types'
import { WavTtsEngine, type WavEngineOptions, type WavSynth } from './wav-tts-engine'

export const FESTIVAL_HINT = 'Install it with: sudo apt-get install festival festvox-kallpc16k'
const VOICES_DIR = '/usr/share/festival/voices'
const VOICE_NAME = /^[a-z0-9_]+$/i

/** Installed voices, named as festival's (voice_<name>) functions expect. */
export function festivalVoices(dir = VOICES_DIR): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((lang) => lang.isDirectory())
      .flatMap((lang) => readdirSync(join(dir, lang.name)))
      .filter((name) => VOICE_NAME.test(name))
      .sort()
  } catch {
    return []
  }
}

/**
 * text2wave's argv. The text never appears here: it goes to stdin, which
 * text2wave reads in plain-text mode, so nothing in it is ever evaluated as
 * Scheme (say's `(SayText "…")` route ran shell commands from model output).
 * The only Scheme we pass is built from a whitelisted voice name and a
 * number we formatted ourselves.
 */
export function festivalArgs(opts: VoiceOptions, installed: () => string[] = festivalVoices): string[] {
  const args = ['-o', '-']
  const voice = opts.voice?.trim().replace(/^voice_/, '')
  if (voice) {
    if (!VOICE_NAME.test(voice) || !installed().includes(voice)) {
      throw new TtsError(`unknown festival voice "${voice}"; installed: ${installed().join(', ') || 'none'}`, 'failed')
    }
    args.push('-eval', `(voice_${voice})`)
  }
  if (opts.rate !== undefined && opts.rate !== 1) {
    const stretch = (1 / checkedRate(opts.rate)).toFixed(3)
    args.push('-eval', `(Parameter.set 'Duration_Stretch ${stretch})`)
  }
  return args
}

export const festivalSynth: WavSynth = {
  name: 'festival',
  binary: 'text2wave',
  missingHint: FESTIVAL_HINT,
  args: (opts) => festivalArgs(opts),
  canSpeak: hasAsciiWord,
  voices: async () => festivalVoices(),
  warmStart: true,
  // kal, the voice Debian ships (festvox-kallpc16k), is 16 kHz mono; another voice gets a fresh player
  format: { rate: 16_000, channels: 1 }
}

export function createFestivalEngine(opts?: WavEngineOptions): WavTtsEngine {
  return new WavTtsEngine(festivalSynth, opts)
}
