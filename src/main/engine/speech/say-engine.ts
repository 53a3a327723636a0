import sayModule from 'say'
import { findOnPath } from '../voice/recorder-binary'
import { timeoutForText } from './run-process'
import { checkedRate } from './speech-rate'
import { cleanSpeechText, hasWord } from './speech-text'
import { TtsError, type SpeakOptions, type TtsEngine } from './speech-types'

/**
 * The `say` package on macOS and Windows (on Linux we never use it: it feeds
 * model text to festival's Scheme interpreter). Windows pastes the voice into
 * a PowerShell command run through a shell, so only plain names pass.
 */
const SAFE_VOICE = /^[A-Za-z0-9 ._-]+$/

type SayInstance = typeof sayModule
/** say's typings omit the per-platform constructor it exports. */
const SayFor = (sayModule as unknown as { Say: new (platform: string) => SayInstance }).Say

export function checkedSayVoice(voice: string | undefined): string | undefined {
  const v = voice?.trim()
  if (!v) return undefined
  if (!SAFE_VOICE.test(v) || v.startsWith('-')) throw new TtsError(`invalid voice name "${v}"`, 'failed')
  return v
}

/** macOS `say` takes the text as argv: a leading "-" would be read as an option. */
export function guardLeadingDash(text: string): string {
  return text.startsWith('-') ? ` ${text}` : text
}

export class SayEngine implements TtsEngine {
  readonly name = 'say'
  private readonly say: SayInstance

  constructor(private readonly platform: 'darwin' | 'win32') {
    this.say = new SayFor(platform)
  }

  async check(): Promise<string | null> {
    const binary = this.platform === 'darwin' ? 'say' : 'powershell'
    return findOnPath(binary, process.env, this.platform) ? null : `${binary} was not found on PATH`
  }

  speak(text: string, opts: SpeakOptions): Promise<void> {
    const clean = guardLeadingDash(cleanSpeechText(text))
    if (!hasWord(clean)) return Promise.resolve()
    return new Promise((resolve, reject) => {
      let voice: string | undefined
      try {
        voice = checkedSayVoice(opts.voice)
        if (opts.rate !== undefined) checkedRate(opts.rate)
      } catch (err) {
        return reject(err)
      }
      // say's own stop kills its child (macOS) or taskkill /T its tree (Windows).
      const stop = (): void => this.say.stop()
      const timer = setTimeout(() => {
        stop()
        settle(new TtsError(`say did not finish within the time limit`, 'failed'))
      }, timeoutForText(clean, opts.rate))
      const settle = (err: Error | null): void => {
        clearTimeout(timer)
        opts.signal.removeEventListener('abort', onAbort)
        if (err) reject(err)
        else resolve()
      }
      const onAbort = (): void => {
        stop()
        settle(new TtsError('say was stopped', 'aborted'))
      }
      if (opts.signal.aborted) return onAbort()
      opts.signal.addEventListener('abort', onAbort, { once: true })
      this.say.speak(clean, voice, opts.rate, (err) => settle(err ? new TtsError(`say failed: ${String(err)}`, 'failed') : null))
    })
  }
}
