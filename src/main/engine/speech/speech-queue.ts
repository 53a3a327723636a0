import type { SpeechState } from '../../../shared/turn-events'
import { createTtsEngine, type TtsEngineName } from './create-tts-engine'
import {
  TtsError,
  type PreparedSpeech,
  type SpeechEvent,
  type SpeechItem,
  type SpeechSink,
  type TtsEngine
} from './speech-types'
import { Listeners } from '../listeners'

export interface SpeechQueueOptions {
  engine?: TtsEngineName | TtsEngine
  voice?: string
  rate?: number
  /** synthesise utterance n+1 while n plays, when the engine can (default true) */
  prefetch?: boolean
  createEngine?: (name: TtsEngineName) => TtsEngine
  /** speaks the rest of a turn whose engine failed (a provider voice's endpoint, say), so the answer is never silent */
  fallback?: TtsEngine
}

interface Current {
  item: SpeechItem
  controller: AbortController
  /** its audio is ready (or the engine cannot prepare) and sounding: time to prepare the next */
  ready: boolean
}

interface Prefetched {
  item: SpeechItem
  speech: PreparedSpeech
}

/** 'failed': the engine failed and the item goes to the fallback */
type SoundState = 'finished' | 'cancelled' | 'failed'

/** Stopped turn ids we remember, so a late utterance of a stopped turn never sounds. */
const STOPPED_MEMORY = 256

/**
 * The one voice of the app. Utterances play strictly in order, one at a time;
 * every enqueued item ends in exactly one 'finished' or 'cancelled' event
 * (after 'started' if it got that far), so waiters and the UI never hang.
 * 'started' is sent when the engine reports sound (or, for an engine that
 * cannot tell, just before 'finished').
 */
export class SpeechQueue implements SpeechSink {
  private engine: TtsEngine
  private fallback: TtsEngine | undefined
  /** the turn being spoken by the fallback after its engine failed */
  private fallbackTurn: string | null = null
  private voice: string | undefined
  private rate: number | undefined
  private readonly prefetch: boolean
  private readonly createEngine: (name: TtsEngineName) => TtsEngine
  private queue: SpeechItem[] = []
  private current: Current | null = null
  private prefetched: Prefetched | null = null
  private readonly stoppedTurns = new Set<string>()
  private muted = false
  private running = false
  /** each engine's check(), run once */
  private readonly checked = new WeakMap<TtsEngine, Promise<string | null>>()
  private reportedProblem = false
  private lastFailure: string | null = null
  private readonly eventListeners = new Listeners<SpeechEvent>()
  private readonly enqueueListeners = new Listeners<SpeechItem>()
  private readonly errorListeners = new Listeners<string>()
  private idleWaiters: Array<() => void> = []

  constructor(opts: SpeechQueueOptions = {}) {
    this.createEngine = opts.createEngine ?? ((name) => createTtsEngine(name))
    this.engine = this.resolveEngine(opts.engine ?? 'auto')
    this.voice = opts.voice
    this.rate = opts.rate
    this.prefetch = opts.prefetch ?? true
    this.fallback = opts.fallback
  }

  get engineName(): string {
    return this.engine.name
  }

  enqueue(item: SpeechItem): void {
    this.enqueueListeners.emit(item)
    try {
      if (this.stoppedTurns.has(item.turnId)) return this.emit(item, 'cancelled')
      this.queue.push(item)
      if (this.current?.ready) this.prefetchNext()
      this.kick()
    } catch (err) {
      this.report(`speech failed: ${(err as Error).message}`)
    }
  }

  stop(turnId?: string): void {
    const turns = new Set(turnId !== undefined ? [turnId] : this.liveTurns())
    turns.forEach((t) => this.rememberStopped(t))
    const dropped = this.queue.filter((i) => turns.has(i.turnId))
    this.queue = this.queue.filter((i) => !turns.has(i.turnId))
    if (this.prefetched && turns.has(this.prefetched.item.turnId)) this.dropPrefetched()
    if (this.current && turns.has(this.current.item.turnId)) this.current.controller.abort()
    dropped.forEach((i) => this.emit(i, 'cancelled'))
    this.settleIfIdle()
  }

  /** Muted: the voice stops now, and later utterances are skipped (reported cancelled) until unmuted. */
  setMuted(muted: boolean): void {
    this.muted = muted
    if (!muted) return
    this.dropPrefetched()
    this.current?.controller.abort()
  }

  /** New voice or rate apply from the next utterance; a new engine is checked again. */
  setOptions(opts: {
    voice?: string
    rate?: number
    engine?: TtsEngineName | TtsEngine
    fallback?: TtsEngine | undefined
  }): void {
    if ('voice' in opts) this.voice = opts.voice
    if ('rate' in opts) this.rate = opts.rate
    if ('fallback' in opts) this.fallback = opts.fallback
    if (opts.engine !== undefined) {
      this.engine = this.resolveEngine(opts.engine)
      this.reportedProblem = false
      this.lastFailure = null
      this.fallbackTurn = null
    }
    this.dropPrefetched() // it was synthesised with the old settings
  }

  onEvent(listener: (e: SpeechEvent) => void): () => void {
    return this.eventListeners.add(listener)
  }

  onEnqueue(listener: (item: SpeechItem) => void): () => void {
    return this.enqueueListeners.add(listener)
  }

  onError(listener: (message: string) => void): () => void {
    return this.errorListeners.add(listener)
  }

  warm(): void {
    if (this.muted) return
    try {
      this.engine.warm?.({ voice: this.voice, rate: this.rate })
    } catch {
      // warming is an optimisation; speaking reports real problems
    }
  }

  /** Resolves once nothing is queued or sounding. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve)
      this.settleIfIdle()
    })
  }

  private resolveEngine(engine: TtsEngineName | TtsEngine): TtsEngine {
    return typeof engine === 'string' ? this.createEngine(engine) : engine
  }

  private liveTurns(): string[] {
    const items = [...this.queue, this.current?.item, this.prefetched?.item]
    return items.filter((i): i is SpeechItem => !!i).map((i) => i.turnId)
  }

  private rememberStopped(turnId: string): void {
    this.stoppedTurns.delete(turnId)
    this.stoppedTurns.add(turnId)
    if (this.stoppedTurns.size > STOPPED_MEMORY) {
      const oldest = this.stoppedTurns.values().next().value
      if (oldest !== undefined) this.stoppedTurns.delete(oldest)
    }
  }

  private kick(): void {
    if (this.running) return
    this.running = true
    void this.drain().finally(() => {
      this.running = false
      if (this.queue.length > 0) this.kick()
      else this.settleIfIdle()
    })
  }

  private async drain(): Promise<void> {
    for (let item = this.queue.shift(); item; item = this.queue.shift()) {
      try {
        await this.speakOne(item)
      } catch (err) {
        // speakOne handles engine errors; this guards against a bug losing the loop
        this.report(`speech failed: ${(err as Error).message}`)
      }
    }
  }

  private async speakOne(item: SpeechItem): Promise<void> {
    const controller = new AbortController()
    const current: Current = { item, controller, ready: false }
    this.current = current
    try {
      const usable = !this.muted && (await this.engineUsable(item))
      if (!usable || controller.signal.aborted || this.muted) {
        this.takePrefetched(item)?.cancel()
        return this.emit(item, 'cancelled')
      }
      let started = false
      const onSound = (): void => {
        if (started || controller.signal.aborted) return
        started = true
        this.emit(item, 'started')
      }
      let state = await this.sound(current, this.engineFor(item), onSound)
      if (state === 'failed') state = await this.speakWithFallback(current, onSound)
      if (state === 'finished') onSound()
      this.emit(item, state === 'finished' ? 'finished' : 'cancelled')
    } finally {
      this.current = null
    }
  }

  /** Play one utterance; resolves with its final state and never rejects. */
  private async sound(current: Current, engine: TtsEngine, onSound: () => void): Promise<SoundState> {
    const { item, controller } = current
    const signal = controller.signal
    const opts = { voice: this.voice, rate: this.rate }
    const speech = this.takePrefetched(item) ?? engine.prepare?.(item.text, opts)
    // Prepare the next only once this one is synthesised and sounding: a
    // synthesiser starting while this one's player starts would delay the
    // sound the user is waiting for.
    let sounded: () => void = () => {}
    const sounding = new Promise<void>((resolve) => (sounded = resolve))
    const onThisSound = (): void => {
      sounded()
      onSound()
    }
    void Promise.all([speech?.ready, sounding]).then(() => {
      current.ready = true
      if (this.current === current && !signal.aborted) this.prefetchNext()
    })
    try {
      if (speech) await speech.play(signal, onThisSound)
      else await engine.speak(item.text, { ...opts, signal, onSound: onThisSound })
      this.lastFailure = null
      return signal.aborted ? 'cancelled' : 'finished'
    } catch (err) {
      if (signal.aborted) return 'cancelled'
      if (this.canFallBack(item, engine)) {
        this.fallBack(item, engine, err)
        return 'failed'
      }
      this.failed(engine, err)
      return 'cancelled'
    } finally {
      sounded() // over without sound: the next may be prepared now
      speech?.cancel()
    }
  }

  private prefetchNext(): void {
    const next = this.queue[0]
    const engine = next && this.engineFor(next)
    if (!this.prefetch || !engine?.prepare || this.muted || !next) return
    if (this.prefetched?.item === next) return
    this.dropPrefetched()
    this.prefetched = { item: next, speech: engine.prepare(next.text, { voice: this.voice, rate: this.rate }) }
  }

  private engineFor(item: SpeechItem): TtsEngine {
    return this.fallback && this.fallbackTurn === item.turnId ? this.fallback : this.engine
  }

  private canFallBack(item: SpeechItem, failed: TtsEngine): boolean {
    return this.fallback !== undefined && failed !== this.fallback && this.fallbackTurn !== item.turnId
  }

  /** One notice, then the fallback speaks this item again and the rest of its turn. */
  private fallBack(item: SpeechItem, failed: TtsEngine, reason: unknown): void {
    this.fallbackTurn = item.turnId
    this.dropPrefetched() // it was prepared by the engine that failed
    const why = reason instanceof Error ? reason.message : String(reason)
    this.report(`${failed.name} could not speak (${why}); the system voice speaks the rest of this answer.`)
  }

  private async speakWithFallback(current: Current, onSound: () => void): Promise<SoundState> {
    const engine = this.engineFor(current.item)
    if (current.controller.signal.aborted || !(await this.engineUsable(current.item))) return 'cancelled'
    return this.sound(current, engine, onSound)
  }

  private takePrefetched(item: SpeechItem): PreparedSpeech | null {
    const p = this.prefetched
    if (p?.item === item) {
      this.prefetched = null
      return p.speech
    }
    this.dropPrefetched()
    return null
  }

  private dropPrefetched(): void {
    this.prefetched?.speech.cancel()
    this.prefetched = null
  }

  /**
   * check() once per engine; a problem is reported once, then speech is
   * skipped quietly, or the turn goes to the fallback when there is one.
   */
  private async engineUsable(item: SpeechItem): Promise<boolean> {
    const engine = this.engineFor(item)
    const problem = await this.problemOf(engine)
    if (problem && this.canFallBack(item, engine)) {
      this.fallBack(item, engine, problem)
      return this.engineUsable(item)
    }
    if (problem) this.reportProblemOnce(`Speech is off: ${problem}`)
    return problem === null
  }

  private problemOf(engine: TtsEngine): Promise<string | null> {
    const known = this.checked.get(engine)
    if (known) return known
    const problem = engine.check().catch((err: Error) => `cannot use ${engine.name}: ${err.message}`)
    this.checked.set(engine, problem)
    return problem
  }

  private failed(engine: TtsEngine, err: unknown): void {
    if (err instanceof TtsError && err.code === 'missing') {
      this.checked.set(engine, Promise.resolve(err.message))
      return this.reportProblemOnce(`Speech is off: ${err.message}`)
    }
    // The same failure on every utterance (a dead sound server, say) is said once until speech works again.
    const message = `${engine.name} could not speak: ${(err as Error).message ?? String(err)}`
    if (message === this.lastFailure) return
    this.lastFailure = message
    this.report(message)
  }

  private reportProblemOnce(message: string): void {
    if (this.reportedProblem) return
    this.reportedProblem = true
    this.report(message)
  }

  private emit(item: SpeechItem, state: SpeechState): void {
    this.eventListeners.emit({ turnId: item.turnId, index: item.index, state })
  }

  private report(message: string): void {
    this.errorListeners.emit(message)
  }

  private settleIfIdle(): void {
    if (this.running || this.queue.length > 0 || this.current) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    waiters.forEach((w) => w())
  }
}
