import { findOnPath } from '../platform/find-on-path'
import { runChild, runProcess, timeoutForText, type RunOptions } from './run-process'
import { cleanSpeechText } from './speech-text'
import { TtsError, type PreparedSpeech, type SpeakOptions, type TtsEngine, type VoiceOptions } from './speech-types'
import { findWavPlayer, PLAYER_HINT, playWav, type PcmFormat, type WavPlayer } from './wav-player'
import { parseWavStart, type WavStart } from './wav-stream'
import { trimWavSilence } from './wav-trim'
import { warmPlayerFor, type WarmPlayer } from './warm-player'
import { WarmProcess } from './warm-process'

/** A synthesiser that reads text on stdin and writes a WAV to stdout. */
export interface WavSynth {
  readonly name: string
  /** the binary check() looks for */
  readonly binary: string
  readonly missingHint: string
  /** argv for these options; throws TtsError('failed') for an invalid voice or rate */
  args(opts: VoiceOptions): string[]
  /** false for cleaned text the synthesiser must not be given */
  canSpeak(text: string): boolean
  voices?(): Promise<string[]>
  /**
   * keep one process started ahead of the text, so its start-up overlaps the
   * wait for the answer (festival's takes 170–220 ms and about 320 MB)
   */
  readonly warmStart?: boolean
  /** the format it usually writes, for a player warmed before the first WAV shows the real one */
  readonly format: PcmFormat
}

export interface WavEngineOptions {
  /** which program plays the WAV (default: paplay, else aplay) */
  findPlayer?: () => WavPlayer | null
  /** cut the synthesiser's leading and trailing silence (default true) */
  trimSilence?: boolean
  /** keep a synthesiser started ahead of the text (default: the synthesiser's own choice) */
  warmStart?: boolean
  /** with warmStart, keep a player connected ahead of the audio too (default true) */
  warmPlayer?: boolean
}

const nothingToSay: PreparedSpeech = { ready: Promise.resolve(), play: async () => {}, cancel: () => {} }

function rejected(err: unknown): PreparedSpeech {
  return { ready: Promise.resolve(), play: () => Promise.reject(err), cancel: () => {} }
}

/**
 * Synthesise to memory, then play. Splitting the two lets the queue prepare
 * utterance n+1 while n is still sounding, and makes stop cheap: at most one
 * player and one synthesiser of ours are alive, each in its own process group.
 */
export class WavTtsEngine implements TtsEngine {
  readonly name: string
  private player: WavPlayer | null | undefined
  private readonly findPlayer: () => WavPlayer | null
  private readonly trimSilence: boolean
  private readonly warmer: WarmProcess | null
  private warmPlayer: WarmPlayer | null | undefined
  private readonly keepPlayerWarm: boolean
  /** the format of the last WAV played: the next is almost always the same */
  private format: PcmFormat

  constructor(
    private readonly synth: WavSynth,
    opts: WavEngineOptions = {}
  ) {
    this.name = synth.name
    this.findPlayer = opts.findPlayer ?? findWavPlayer
    this.trimSilence = opts.trimSilence ?? true
    this.warmer = (opts.warmStart ?? synth.warmStart) ? new WarmProcess(synth.binary) : null
    this.keepPlayerWarm = opts.warmPlayer ?? true
    this.format = synth.format
  }

  warm(opts: VoiceOptions): void {
    if (!this.warmer) return
    this.getWarmPlayer()?.warm(this.format)
    try {
      this.warmer.warm(this.synth.args(opts))
    } catch {
      // a bad voice or rate is reported when there is something to say
    }
  }

  release(): void {
    this.warmer?.discard()
    this.warmPlayer?.release()
  }

  async voices(): Promise<string[]> {
    return (await this.synth.voices?.()) ?? []
  }

  async check(): Promise<string | null> {
    if (!findOnPath(this.synth.binary)) return `${this.synth.binary} is not installed. ${this.synth.missingHint}`
    if (!this.getPlayer()) return `No audio player found. ${PLAYER_HINT}`
    return null
  }

  speak(text: string, opts: SpeakOptions): Promise<void> {
    const prepared = this.prepare(text, opts)
    return prepared.play(opts.signal, opts.onSound).finally(() => prepared.cancel())
  }

  prepare(text: string, opts: VoiceOptions): PreparedSpeech {
    const clean = cleanSpeechText(text)
    if (!this.synth.canSpeak(clean)) return nothingToSay
    let args: string[]
    try {
      args = this.synth.args(opts)
    } catch (err) {
      return rejected(err)
    }
    const synthesis = new AbortController()
    const run: RunOptions = {
      input: clean,
      signal: synthesis.signal,
      timeoutMs: timeoutForText(clean, opts.rate),
      missingHint: this.synth.missingHint
    }
    // No replacement is started here: it would load while the player starts, delaying the sound. The
    // next turn warms one, and within a turn the next sentence is synthesised while this one plays.
    const warm = this.warmer?.take(args)
    const synthesised = warm ? runChild(warm, this.synth.binary, run) : runProcess(this.synth.binary, args, run)
    const wav = synthesised.then((r) => (this.trimSilence ? trimWavSilence(r.stdout) : r.stdout))
    // play() observes failures; a cancelled prefetch must not surface as an unhandled rejection
    const ready = wav.then(
      () => {},
      () => {}
    )
    return {
      ready,
      play: (signal, onSound) => this.play(wav, synthesis, signal, onSound),
      cancel: () => synthesis.abort()
    }
  }

  private async play(
    wav: Promise<Buffer>,
    synthesis: AbortController,
    signal: AbortSignal,
    onSound?: () => void
  ): Promise<void> {
    const stopSynthesis = (): void => synthesis.abort()
    signal.addEventListener('abort', stopSynthesis, { once: true })
    try {
      if (signal.aborted) throw new TtsError(`${this.name} was stopped`, 'aborted')
      const audio = await wav
      const player = this.getPlayer()
      if (!player) throw new TtsError(`No audio player found. ${PLAYER_HINT}`, 'missing')
      const warmPlayer = this.getWarmPlayer()
      const start = warmPlayer ? rawStart(audio) : null
      if (warmPlayer && start) await this.playRaw(warmPlayer, audio, start, signal, onSound)
      else await playWav(player, audio, signal, onSound)
    } finally {
      signal.removeEventListener('abort', stopSynthesis)
    }
  }

  /** The samples through a player started ahead of them (or now, if the format changed). */
  private async playRaw(
    warmPlayer: WarmPlayer,
    wav: Buffer,
    start: WavStart,
    signal: AbortSignal,
    onSound?: () => void
  ): Promise<void> {
    this.format = start.format
    const samples = wav.subarray(start.dataStart)
    await warmPlayer.play(start.format, piecesOf(samples), signal, onSound)
  }

  /** Only engines that start a synthesiser ahead keep a player waiting too. */
  private getWarmPlayer(): WarmPlayer | null {
    if (this.warmPlayer === undefined) {
      this.warmPlayer = warmPlayerFor(this.warmer && this.keepPlayerWarm ? this.getPlayer() : null)
    }
    return this.warmPlayer
  }

  private getPlayer(): WavPlayer | null {
    if (this.player === undefined) this.player = this.findPlayer()
    return this.player
  }
}

/**
 * Where the samples start, for a WAV the raw player can take (16-bit, one or
 * two channels, a short header); null for any other, which plays whole.
 */
function rawStart(wav: Buffer): WavStart | null {
  try {
    return parseWavStart(wav)
  } catch {
    return null
  }
}

/** Small pieces, so the first is in the player (and 'started' said) at once, not after the pipe drains the whole. */
const PLAY_PIECE_BYTES = 8192

async function* piecesOf(samples: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < samples.length; at += PLAY_PIECE_BYTES) yield samples.subarray(at, at + PLAY_PIECE_BYTES)
}
