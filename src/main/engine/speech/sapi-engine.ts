import { findOnPath } from '../platform/find-on-path'
import { timeoutForText } from './run-process'
import { SapiVoice } from './sapi-voice'
import { checkedSayVoice } from './say-engine'
import { checkedRate } from './speech-rate'
import { cleanSpeechText, hasWord } from './speech-text'
import type { SpeakOptions, TtsEngine } from './speech-types'

/** One for the app: engines are rebuilt when settings change, the PowerShell behind them is kept. */
let shared: SapiVoice | null = null

/** System.Speech rates run from -10 to 10, 0 being normal; map the ratio logarithmically. */
export function sapiRate(rate: number | undefined): number {
  if (rate === undefined) return 0
  return Math.max(-10, Math.min(10, Math.round(9.0686 * Math.log(checkedRate(rate)))))
}

/**
 * The system voice on Windows: SAPI in one long-lived PowerShell (sapi-voice.ts),
 * named 'say' like macOS's, as the setting that picks them both is.
 */
export class SapiEngine implements TtsEngine {
  readonly name = 'say'

  constructor(private readonly voice: SapiVoice = (shared ??= new SapiVoice())) {}

  async check(): Promise<string | null> {
    return findOnPath('powershell') ? null : 'powershell was not found on PATH'
  }

  warm(): void {
    this.voice.warm()
  }

  async speak(text: string, opts: SpeakOptions): Promise<void> {
    const clean = cleanSpeechText(text)
    if (!hasWord(clean)) return
    await this.voice.speak({
      text: clean,
      voice: checkedSayVoice(opts.voice) ?? '',
      rate: sapiRate(opts.rate),
      signal: opts.signal,
      timeoutMs: timeoutForText(clean, opts.rate),
      ...(opts.onSound ? { onSound: opts.onSound } : {})
    })
  }
}
