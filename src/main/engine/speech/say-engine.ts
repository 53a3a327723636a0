import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
 *
 * `say` playing by itself cannot tell us when sound starts, so it writes a
 * WAV that afplay plays, and `started` is afplay starting on it, as for the
 * other players. Untested on a Mac (none runs here): the unit tests check the
 * argv; the `--data-format` spelling is the one `say`'s manual gives.
 */

/** Voice names are checked anyway: a name that looks like an option or code is a mistake. */
const SAFE_VOICE = /^[A-Za-z0-9 ._-]+$/
/** macOS `say` speaks at about 175 words per minute at rate 1. */
const MAC_WORDS_PER_MINUTE = 175
const MISSING_HINT = 'say and afplay come with the system; check that they are on PATH.'

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

/** What to run to write `text`, spoken, to the WAV at `file`; throws a TtsError for a bad voice or rate. */
export function sayCommand(text: string, opts: VoiceOptions, file: string): SayCommand {
  const voice = checkedSayVoice(opts.voice)
  const args = ['-o', file, '--file-format=WAVE', '--data-format=LEI16@22050', '-f', '-']
  if (voice) args.push('-v', voice)
  if (opts.rate !== undefined) args.push('-r', String(Math.round(checkedRate(opts.rate) * MAC_WORDS_PER_MINUTE)))
  return { cmd: 'say', args, input: guardLeadingDash(text) }
}

export class SayEngine implements TtsEngine {
  readonly name = 'say'

  constructor(private readonly run: RunCommand = runProcess) {}

  async check(): Promise<string | null> {
    if (!findOnPath('say', process.env, 'darwin')) return 'say was not found on PATH'
    return findOnPath('afplay', process.env, 'darwin') ? null : 'afplay was not found on PATH'
  }

  async speak(text: string, opts: SpeakOptions): Promise<void> {
    const clean = cleanSpeechText(text)
    if (!hasWord(clean)) return
    const dir = await mkdtemp(join(tmpdir(), 'hark-say-'))
    const file = join(dir, 'utterance.wav')
    try {
      const { cmd, args, input } = sayCommand(clean, opts, file)
      const timeoutMs = timeoutForText(clean, opts.rate)
      await this.run(cmd, args, { input, signal: opts.signal, timeoutMs, missingHint: MISSING_HINT })
      await this.run('afplay', [file], {
        signal: opts.signal,
        timeoutMs,
        missingHint: MISSING_HINT,
        ...(opts.onSound ? { onStarted: opts.onSound } : {})
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}
