import { ChunkQueue } from './chunk-queue'
import { playPcmStream } from './pcm-stream-player'
import { trimPcmStream } from './pcm-stream-trim'
import {
  endpointKey,
  parseVoiceList,
  PCM_RATE,
  SPEECH_PRESETS,
  speechRequestBody,
  speechUrl,
  type SpeechEndpoint,
  type SpeechPresetId
} from './speech-endpoint'
import { readBody, requestAudio, SPEECH_LIMITS, type HttpLimits } from './speech-http'
import { refuseNonAudio, samplesOf } from './speech-response'
import { cleanSpeechText, hasWord } from './speech-text'
import { TtsError, type PreparedSpeech, type SpeakOptions, type TtsEngine, type VoiceOptions } from './speech-types'
import { findWavPlayer, PLAYER_HINT, type PcmFormat, type WavPlayer } from './wav-player'
import { warmPlayerFor, type WarmPlayer } from './warm-player'

export interface ProviderEngineOptions {
  /** whose known voices to offer when the server lists none */
  preset?: SpeechPresetId
  limits?: Partial<HttpLimits>
  findPlayer?: () => WavPlayer | null
  /** cut the leading and trailing silence neural voices pad each utterance with (default true) */
  trimSilence?: boolean
  /** keep a player connected ahead of the audio (default true) */
  warmPlayer?: boolean
}

const nothingToSay: PreparedSpeech = { ready: Promise.resolve(), play: async () => {}, cancel: () => {} }

/** What a download hands the player: the format once known, then the samples. */
interface Download {
  format: Promise<PcmFormat>
  samples: ChunkQueue
}

/**
 * A voice served over HTTP by any OpenAI-compatible `/audio/speech`. Each
 * utterance is one request; its audio plays while it downloads, and the
 * queue requests the next utterance as soon as this one has downloaded, so
 * it is ready when this one ends. The padding of silence around each
 * utterance is trimmed as it streams, so sound starts with the first
 * audible sample. Stop aborts the request (the server sees
 * the connection close) and kills the player. The key goes to the
 * endpoint's origin only; redirects elsewhere are refused.
 */
export class ProviderEngine implements TtsEngine {
  readonly name = 'provider'
  private readonly limits: HttpLimits
  private readonly findPlayer: () => WavPlayer | null
  private player: WavPlayer | null | undefined
  private warmPlayer: WarmPlayer | null | undefined
  /** the format of the last audio played (raw PCM's is known before any) */
  private format: PcmFormat = { rate: PCM_RATE, channels: 1 }

  constructor(
    private readonly endpoint: SpeechEndpoint,
    private readonly opts: ProviderEngineOptions = {}
  ) {
    this.limits = { ...SPEECH_LIMITS, ...opts.limits }
    this.findPlayer = opts.findPlayer ?? findWavPlayer
  }

  async check(): Promise<string | null> {
    if (!this.endpoint.baseUrl.trim()) return 'no speech endpoint is set (Settings → Speech)'
    try {
      speechUrl(this.endpoint.baseUrl, '/audio/speech')
    } catch (err) {
      return (err as Error).message
    }
    return this.getPlayer() ? null : `No audio player found. ${PLAYER_HINT}`
  }

  /** The server's own list (`GET /audio/voices`), else the preset's. */
  async voices(): Promise<string[]> {
    const known = SPEECH_PRESETS[this.opts.preset ?? 'custom'].voices
    try {
      const url = speechUrl(this.endpoint.baseUrl, '/audio/voices')
      const signal = AbortSignal.timeout(5000)
      const apiKey = await endpointKey(this.endpoint)
      const res = await requestAudio(url, { method: 'GET', apiKey }, signal, this.limits)
      const chunks: Buffer[] = []
      for await (const c of readBody(res, signal, { ...this.limits, maxBytes: 256 * 1024 })) chunks.push(c)
      const listed = parseVoiceList(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      return listed.length > 0 ? listed : known
    } catch {
      return known
    }
  }

  /** A player connected ahead of the first audio, so its start-up is not heard as delay. */
  warm(): void {
    this.getWarmPlayer()?.warm(this.format)
  }

  release(): void {
    this.warmPlayer?.release()
  }

  speak(text: string, opts: SpeakOptions): Promise<void> {
    const prepared = this.prepare(text, opts)
    return prepared.play(opts.signal, opts.onSound).finally(() => prepared.cancel())
  }

  prepare(text: string, opts: VoiceOptions): PreparedSpeech {
    const clean = cleanSpeechText(text)
    if (!hasWord(clean)) return nothingToSay
    const request = new AbortController()
    const download = this.download(clean, opts.rate, request.signal)
    const ready = download.done.then(
      () => {},
      () => {}
    )
    return {
      ready,
      play: (signal, onSound) => this.play(download, request, signal, onSound),
      cancel: () => request.abort()
    }
  }

  private download(text: string, rate: number | undefined, signal: AbortSignal): Download & { done: Promise<void> } {
    const samples = new ChunkQueue()
    let setFormat: (f: PcmFormat) => void = () => {}
    const format = new Promise<PcmFormat>((resolve) => (setFormat = resolve))
    const done = this.fetchInto(text, rate, signal, samples, setFormat)
    done.then(
      () => samples.end(),
      (err: unknown) => samples.end(err)
    )
    // a failure before the format is known must reach whoever waits for it
    const formatOrFailure = Promise.race([format, done.then(() => format)])
    formatOrFailure.catch(() => {})
    return { format: formatOrFailure, samples, done }
  }

  private async fetchInto(
    text: string,
    rate: number | undefined,
    signal: AbortSignal,
    samples: ChunkQueue,
    setFormat: (f: PcmFormat) => void
  ): Promise<void> {
    const url = speechUrl(this.endpoint.baseUrl, '/audio/speech')
    const body = speechRequestBody(this.endpoint, text, rate)
    const apiKey = await endpointKey(this.endpoint)
    const res = await requestAudio(url, { method: 'POST', body, apiKey }, signal, this.limits)
    await refuseNonAudio(res, url.origin, signal, this.limits)
    const pieces = readBody(res, signal, this.limits)
    for await (const piece of samplesOf(pieces, this.endpoint.format, url.origin, setFormat)) samples.push(piece)
  }

  private async play(
    download: Download,
    request: AbortController,
    signal: AbortSignal,
    onSound?: () => void
  ): Promise<void> {
    const stopRequest = (): void => request.abort()
    signal.addEventListener('abort', stopRequest, { once: true })
    try {
      if (signal.aborted) throw new TtsError('provider voice was stopped', 'aborted')
      const player = this.getPlayer()
      if (!player) throw new TtsError(`No audio player found. ${PLAYER_HINT}`, 'missing')
      const format = await download.format
      this.format = format
      const samples = download.samples.read()
      const heard = this.opts.trimSilence === false ? samples : trimPcmStream(samples, format)
      const warm = this.getWarmPlayer()
      await (warm ? warm.play(format, heard, signal, onSound) : playPcmStream(player, format, heard, signal, onSound))
    } catch (err) {
      throw signal.aborted ? new TtsError('provider voice was stopped', 'aborted') : err
    } finally {
      signal.removeEventListener('abort', stopRequest)
    }
  }

  private getWarmPlayer(): WarmPlayer | null {
    if (this.warmPlayer === undefined) {
      this.warmPlayer = warmPlayerFor(this.opts.warmPlayer === false ? null : this.getPlayer())
    }
    return this.warmPlayer
  }

  private getPlayer(): WavPlayer | null {
    if (this.player === undefined) this.player = this.findPlayer()
    return this.player
  }
}
