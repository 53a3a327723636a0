import { findOnPath } from '../platform/find-on-path'
import { runProcess, timeoutForText, type RunOptions, type RunResult } from './run-process'
import { checkedRate } from './speech-rate'
import { cleanSpeechText, hasWord } from './speech-text'
import { TtsError, type SpeakOptions, type TtsEngine, type VoiceOptions } from './speech-types'

/**
 * The system voice on macOS (`say`), run through our own runProcess: a
 * missing binary or a broken pipe becomes a rejected promise, never an
 * unhandled 'error' event, and the process is killed on stop and on timeout.
 * Model text goes through stdin and the voice and rate through argv, so none
 * of it is ever read as an option. (Windows' system voice is sapi-engine.ts.)
 */

/** Voice names are checked anyway: a name that looks like an option or code is a mistake. */
const SAFE_VOICE = /^[A-Za-z0-9 ._-]+$/
/** macOS `say` speaks at about 175 words per minute at rate 1. */
const MAC_WORDS_PER_MINUTE = 175

export interface SayCommand {
  cmd: string
  args: string[]
  input: string
}

export type RunCommand = (cmd: string, args: string[], opts: RunOptions) => Promise<RunResult>

export function checkedSayVoice(voice: string | undefined): string | undefined {
  const v = voice?.trim()
  if (!v) return undefined
  if (!SAFE_VOICE.test(v) || v.startsWith('-')) throw new TtsError(`invalid voice name "${v}"`, 'failed')
  return v
}

/** Kept although the text travels on stdin: a leading "-" must never look like an option. */
export function guardLeadingDash(text: string): string {
  return text.startsWith('-') ? ` ${text}` : text
}

/** What to run to say `text`; throws a TtsError for a bad voice or rate. */
export function sayCommand(text: string, opts: VoiceOptions): SayCommand {
  const voice = checkedSayVoice(opts.voice)
  const args = ['-f', '-']
  if (voice) args.push('-v', voice)
  if (opts.rate !== undefined) args.push('-r', String(Math.round(checkedRate(opts.rate) * MAC_WORDS_PER_MINUTE)))
  return { cmd: 'say', args, input: guardLeadingDash(text) }
}

export class SayEngine implements TtsEngine {
  readonly name = 'say'

  constructor(private readonly run: RunCommand = runProcess) {}

  async check(): Promise<string | null> {
    return findOnPath('say', process.env, 'darwin') ? null : 'say was not found on PATH'
  }

  async speak(text: string, opts: SpeakOptions): Promise<void> {
    const clean = cleanSpeechText(text)
    if (!hasWord(clean)) return
    const { cmd, args, input } = sayCommand(clean, opts)
    await this.run(cmd, args, {
      input,
      signal: opts.signal,
      timeoutMs: timeoutForText(clean, opts.rate),
      missingHint: 'say comes with the system; check that it is on PATH.',
      // it plays the sound itself: running is as close to sounding as we can tell
      ...(opts.onSound ? { onStarted: opts.onSound } : {})
    })
  }
}
