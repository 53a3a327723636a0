import { findOnPath } from '../platform/find-on-path'
import { runProcess, timeoutForText } from './run-process'
import { checkedRate } from './speech-rate'
import { cleanSpeechText, hasWord } from './speech-text'
import { TtsError, type SpeakOptions, type TtsEngine, type VoiceOptions } from './speech-types'

export const SPD_HINT = 'Install it with: sudo apt-get install speech-dispatcher'
const LANGUAGE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/

/** `--` ends the options, so text starting with "-" is spoken, not parsed. */
export function spdSayArgs(text: string, opts: VoiceOptions): string[] {
  const args = ['--wait']
  const voice = opts.voice?.trim()
  if (voice) {
    if (!LANGUAGE.test(voice))
      throw new TtsError(`spd-say voice must be a language code like "en", got "${voice}"`, 'failed')
    args.push('--language', voice)
  }
  if (opts.rate !== undefined && opts.rate !== 1) {
    // spd-say's rate runs from -100 to 100; map 0.5x..2x onto it logarithmically
    const scaled = Math.round(100 * Math.log2(checkedRate(opts.rate)))
    args.push('--rate', String(Math.max(-100, Math.min(100, scaled))))
  }
  return [...args, '--', text]
}

/**
 * speech-dispatcher speaks in its own daemon, so killing our client is not
 * enough: on stop we also ask the daemon to stop the message it is speaking.
 */
export class SpdSayEngine implements TtsEngine {
  readonly name = 'spd-say'

  async check(): Promise<string | null> {
    return findOnPath('spd-say') ? null : `spd-say is not installed. ${SPD_HINT}`
  }

  async speak(text: string, opts: SpeakOptions): Promise<void> {
    const clean = cleanSpeechText(text)
    if (!hasWord(clean)) return
    const onAbort = (): void => {
      runProcess('spd-say', ['--stop'], { timeoutMs: 2000, missingHint: SPD_HINT }).catch(() => {})
    }
    opts.signal.addEventListener('abort', onAbort, { once: true })
    try {
      await runProcess('spd-say', spdSayArgs(clean, opts), {
        signal: opts.signal,
        timeoutMs: timeoutForText(clean, opts.rate),
        missingHint: SPD_HINT,
        // speech-dispatcher plays the sound itself: running is as close to sounding as we can tell
        ...(opts.onSound ? { onStarted: opts.onSound } : {})
      })
    } finally {
      opts.signal.removeEventListener('abort', onAbort)
    }
  }
}
