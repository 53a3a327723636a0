import { findOnPath } from '../platform/find-on-path'
import { runProcess, timeoutForText, type RunOptions, type RunResult } from './run-process'
import { checkedRate } from './speech-rate'
import { cleanSpeechText, hasWord } from './speech-text'
import { TtsError, type SpeakOptions, type TtsEngine, type VoiceOptions } from './speech-types'

/**
 * The system voice on macOS (`say`) and Windows (System.Speech through
 * PowerShell), run through our own runProcess: a missing binary or a broken
 * pipe becomes a rejected promise, never an unhandled 'error' event, and the
 * process is killed on stop and on timeout. Model text goes through stdin and
 * the voice and rate through argv (macOS) or the environment (Windows), so
 * none of it is ever parsed as a command.
 */

/** Voice names are checked anyway: a name that looks like an option or code is a mistake. */
const SAFE_VOICE = /^[A-Za-z0-9 ._-]+$/
/** macOS `say` speaks at about 175 words per minute at rate 1. */
const MAC_WORDS_PER_MINUTE = 175

/**
 * Constant: everything variable arrives in HARK_SAY_* variables and on stdin
 * (read as UTF-8, not the console's code page).
 */
export const WINDOWS_SAY_SCRIPT = [
  'Add-Type -AssemblyName System.Speech',
  '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
  'if ($env:HARK_SAY_VOICE) { $s.SelectVoice($env:HARK_SAY_VOICE) }',
  'if ($env:HARK_SAY_RATE) { $s.Rate = [int]$env:HARK_SAY_RATE }',
  '$in = New-Object System.IO.StreamReader([Console]::OpenStandardInput(), [System.Text.Encoding]::UTF8)',
  '$s.Speak($in.ReadToEnd())'
].join('; ')

export interface SayCommand {
  cmd: string
  args: string[]
  env?: Record<string, string>
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

/** System.Speech rates run from -10 to 10, 0 being normal; map the ratio logarithmically. */
function windowsRate(rate: number): number {
  return Math.max(-10, Math.min(10, Math.round(9.0686 * Math.log(rate))))
}

/** What to run to say `text`; throws a TtsError for a bad voice or rate. */
export function sayCommand(platform: 'darwin' | 'win32', text: string, opts: VoiceOptions): SayCommand {
  const voice = checkedSayVoice(opts.voice)
  const rate = opts.rate === undefined ? undefined : checkedRate(opts.rate)
  const input = guardLeadingDash(text)
  if (platform === 'darwin') {
    const args = ['-f', '-']
    if (voice) args.push('-v', voice)
    if (rate !== undefined) args.push('-r', String(Math.round(rate * MAC_WORDS_PER_MINUTE)))
    return { cmd: 'say', args, input }
  }
  const env: Record<string, string> = {}
  if (voice) env['HARK_SAY_VOICE'] = voice
  if (rate !== undefined) env['HARK_SAY_RATE'] = String(windowsRate(rate))
  return { cmd: 'powershell', args: ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_SAY_SCRIPT], env, input }
}

export class SayEngine implements TtsEngine {
  readonly name = 'say'

  constructor(
    private readonly platform: 'darwin' | 'win32',
    private readonly run: RunCommand = runProcess
  ) {}

  private get binary(): string {
    return this.platform === 'darwin' ? 'say' : 'powershell'
  }

  async check(): Promise<string | null> {
    return findOnPath(this.binary, process.env, this.platform) ? null : `${this.binary} was not found on PATH`
  }

  async speak(text: string, opts: SpeakOptions): Promise<void> {
    const clean = cleanSpeechText(text)
    if (!hasWord(clean)) return
    const { cmd, args, env, input } = sayCommand(this.platform, clean, opts)
    await this.run(cmd, args, {
      input,
      ...(env ? { env } : {}),
      signal: opts.signal,
      timeoutMs: timeoutForText(clean, opts.rate),
      missingHint: `${this.binary} comes with the system; check that it is on PATH.`,
      // it plays the sound itself: running is as close to sounding as we can tell
      ...(opts.onSound ? { onStarted: opts.onSound } : {})
    })
  }
}
