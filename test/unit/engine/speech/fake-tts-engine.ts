import {
  TtsError,
  type PreparedSpeech,
  type SpeakOptions,
  type TtsEngine,
  type VoiceOptions
} from '../../../../src/main/engine/speech/speech-types'

export interface FakeCall {
  text: string
  opts: VoiceOptions
  /** ends the utterance as if the audio finished */
  finish(): void
  /** reports that sound has started (done at once unless the engine holds sound) */
  sound(): void
  fail(err: Error): void
  aborted: boolean
}

/**
 * A voice you drive by hand: each speak() waits until the test finishes it
 * (or the queue aborts it). `sounding` lists what is playing right now, so a
 * test can catch two voices at once or a stopped turn still speaking.
 */
export class FakeTtsEngine implements TtsEngine {
  readonly name = 'fake'
  readonly calls: FakeCall[] = []
  readonly prepared: string[] = []
  sounding = new Set<string>()
  maxConcurrent = 0
  checks = 0
  /** warm() and release() calls, in order */
  readonly warmth: Array<'warm' | 'release'> = []
  problem: string | null = null
  missing = false
  prepare?: (text: string, opts: VoiceOptions) => PreparedSpeech

  /** when set, prepared speech is not ready until the test calls it */
  private readyGate: Promise<void> = Promise.resolve()
  releaseReady: () => void = () => {}

  private readonly holdSound: boolean

  constructor(opts: { canPrepare?: boolean; holdReady?: boolean; holdSound?: boolean } = {}) {
    this.holdSound = opts.holdSound ?? false
    if (opts.holdReady) this.readyGate = new Promise((resolve) => (this.releaseReady = resolve))
    if (opts.canPrepare) {
      this.prepare = (text, voiceOpts) => {
        this.prepared.push(text)
        return {
          ready: this.readyGate,
          play: (signal, onSound) => this.speak(text, { ...voiceOpts, signal, onSound }),
          cancel: () => {}
        }
      }
    }
  }

  warm(): void {
    this.warmth.push('warm')
  }

  release(): void {
    this.warmth.push('release')
  }

  async check(): Promise<string | null> {
    this.checks++
    return this.problem
  }

  speak(text: string, opts: SpeakOptions): Promise<void> {
    if (this.missing)
      return Promise.reject(new TtsError('fakevoice is not installed. apt-get install fakevoice', 'missing'))
    return new Promise((resolve, reject) => {
      const call: FakeCall = {
        text,
        opts: { voice: opts.voice, rate: opts.rate },
        aborted: false,
        finish: () => done(null),
        fail: (err) => done(err),
        sound: () => opts.onSound?.()
      }
      const done = (err: Error | null): void => {
        this.sounding.delete(text)
        opts.signal.removeEventListener('abort', onAbort)
        if (err) reject(err)
        else resolve()
      }
      const onAbort = (): void => {
        call.aborted = true
        done(new TtsError('stopped', 'aborted'))
      }
      this.calls.push(call)
      this.sounding.add(text)
      this.maxConcurrent = Math.max(this.maxConcurrent, this.sounding.size)
      opts.signal.addEventListener('abort', onAbort, { once: true })
      if (!this.holdSound) call.sound()
    })
  }

  /** waits until the n-th speak() call (0-based) has happened */
  async call(n: number): Promise<FakeCall> {
    for (let i = 0; i < 200 && !this.calls[n]; i++) await new Promise((r) => setTimeout(r, 5))
    const c = this.calls[n]
    if (!c) throw new Error(`speak() call ${n} never came; got ${this.calls.map((x) => x.text).join(', ')}`)
    return c
  }
}
