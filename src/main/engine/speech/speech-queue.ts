import type { SpeechState } from '../../../shared/turn-events'
import { createTtsEngine, type TtsEngineName } from './create-tts-engine'
import { FallbackVoice } from './fallback-voice'
import { PrefetchedSpeech } from './prefetched-speech'
import { ReleaseWhenIdle } from './release-when-idle'
import { SpeechProblems } from './speech-problems'
import { type SpeechEvent, type SpeechItem, type SpeechSink, type TtsEngine } from './speech-types'
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
  /** how long the engines keep their warm processes once the voice falls silent (default RELEASE_AFTER_IDLE_MS) */
  releaseAfterIdleMs?: number
}

interface Current {
  item: SpeechItem
  controller: AbortController
  /** its audio is ready (or the engine cannot prepare) and sounding: time to prepare the next */
  ready: boolean
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
 * cannot tell, just before 'finished'). Nothing of the voice outlives its
 * use: the engines' warm processes are released at Stop or Mute when nothing
 * is left to say, a short while after the last utterance, and when an engine
 * is replaced.
 */
export class SpeechQueue implements SpeechSink {
  private engine: TtsEngine
  private readonly fallback: FallbackVoice
  private voice: string | undefined
  private rate: number | undefined
  private readonly prefetch: boolean
  private readonly createEngine: (name: TtsEngineName) => TtsEngine
  private queue: SpeechItem[] = []
  private current: Current | null = null
  private readonly prefetched = new PrefetchedSpeech()
  private readonly release: ReleaseWhenIdle
  private readonly stoppedTurns = new Set<string>()
  private muted = false
  private running = false
  private readonly problems = new SpeechProblems((message) => this.report(message))
  private readonly eventListeners = new Listeners<SpeechEvent>()
  private readonly enqueueListeners = new Listeners<SpeechItem>()
  private readonly errorListeners = new Listeners<string>()
  private readonly busyListeners = new Listeners<string[]>()
  private idleWaiters: Array<{ turnId: string | undefined; wake: () => void }> = []
  private lastBusy: string[] = []

  constructor(opts: SpeechQueueOptions = {}) {
    this.createEngine = opts.createEngine ?? ((name) => createTtsEngine(name))
    this.engine = this.resolveEngine(opts.engine ?? 'auto')
    this.voice = opts.voice
    this.rate = opts.rate
    this.prefetch = opts.prefetch ?? true
    this.fallback = new FallbackVoice(opts.fallback)
    this.release = new ReleaseWhenIdle(() => this.releaseEngines(), opts.releaseAfterIdleMs)
  }

  get engineName(): string {
    return this.engine.name
  }

  enqueue(item: SpeechItem): void {
    this.enqueueListeners.emit(item)
    try {
      if (this.stoppedTurns.has(item.turnId)) return this.emit(item, 'cancelled')
      this.queue.push(item)
      this.release.cancel()
      this.tellBusy()
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
    const ahead = this.prefetched.item
    if (ahead && turns.has(ahead.turnId)) this.prefetched.drop()
    if (this.current && turns.has(this.current.item.turnId)) this.current.controller.abort()
    dropped.forEach((i) => this.emit(i, 'cancelled'))
    if (this.nothingToSay()) this.release.now()
    this.settleIfIdle()
  }

  /** Muted: the voice stops now, and later utterances are skipped (reported cancelled) until unmuted. */
  setMuted(muted: boolean): void {
    this.muted = muted
    if (!muted) return
    this.prefetched.drop()
    this.current?.controller.abort()
    this.release.now()
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
    const replaced = [this.engine, this.fallback.engine]
    if ('fallback' in opts) this.fallback.engine = opts.fallback
    if (opts.engine !== undefined) {
      this.engine = this.resolveEngine(opts.engine)
      this.problems.reset()
      this.fallback.reset()
    }
    this.prefetched.drop() // it was synthesised with the old settings
    // one still sounding keeps its player; sound() releases it again when that ends
    replaced.forEach((e) => e && !this.inUse(e) && letGo(e))
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
    this.release.cancel()
    try {
      this.engine.warm?.({ voice: this.voice, rate: this.rate })
    } catch {
      // warming is an optimisation; speaking reports real problems
    }
  }

  /**
   * "This turn's voice is done": resolves once nothing of `turnId` (without
   * one: of any turn) is queued or sounding, the fallback voice included.
   * Every follower of a voice (the CLI before it exits, push-to-talk and Talk
   * mode before they listen again) waits here once its turn has finished
   * streaming, when all of its utterances have been enqueued.
   */
  idle(turnId?: string): Promise<void> {
    return new Promise((wake) => {
      this.idleWaiters.push({ turnId, wake })
      this.settleIfIdle()
    })
  }

  /** The turns with an utterance queued or sounding, in first-queued order. */
  get busyTurns(): string[] {
    const items = [this.current?.item, ...this.queue].filter((i): i is SpeechItem => !!i)
    return [...new Set(items.map((i) => i.turnId))]
  }

  /** Told whenever `busyTurns` changes: what windows show as "speaking" (and offer Stop for). */
  onBusy(listener: (turns: string[]) => void): () => void {
    return this.busyListeners.add(listener)
  }

  private resolveEngine(engine: TtsEngineName | TtsEngine): TtsEngine {
    return typeof engine === 'string' ? this.createEngine(engine) : engine
  }

  private liveTurns(): string[] {
    const items = [...this.queue, this.current?.item, this.prefetched.item]
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
      if (this.queue.length > 0) return this.kick()
      this.release.idle() // the last utterance has ended
      this.settleIfIdle()
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
        this.prefetched.take(item)?.cancel()
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
      this.settleIfIdle()
    }
  }

  /** Play one utterance; resolves with its final state and never rejects. */
  private async sound(current: Current, engine: TtsEngine, onSound: () => void): Promise<SoundState> {
    const { item, controller } = current
    const signal = controller.signal
    const opts = { voice: this.voice, rate: this.rate }
    const speech = this.prefetched.take(item) ?? engine.prepare?.(item.text, opts)
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
      this.problems.spoke()
      return signal.aborted ? 'cancelled' : 'finished'
    } catch (err) {
      if (signal.aborted) return 'cancelled'
      if (this.fallback.canTake(item, engine)) {
        this.fallBack(item, engine, err)
        return 'failed'
      }
      this.problems.failed(engine, err)
      return 'cancelled'
    } finally {
      sounded() // over without sound: the next may be prepared now
      speech?.cancel()
      if (!this.inUse(engine)) letGo(engine) // replaced while it spoke
    }
  }

  private prefetchNext(): void {
    const next = this.queue[0]
    if (!this.prefetch || this.muted || !next) return
    this.prefetched.start(next, this.engineFor(next), { voice: this.voice, rate: this.rate })
  }

  private engineFor(item: SpeechItem): TtsEngine {
    return this.fallback.engineFor(item, this.engine)
  }

  /** One notice, then the fallback speaks this item again and the rest of its turn. */
  private fallBack(item: SpeechItem, failed: TtsEngine, reason: unknown): void {
    this.fallback.take(item)
    this.prefetched.drop() // it was prepared by the engine that failed
    const why = reason instanceof Error ? reason.message : String(reason)
    this.report(`${failed.name} could not speak (${why}); the system voice speaks the rest of this answer.`)
  }

  private async speakWithFallback(current: Current, onSound: () => void): Promise<SoundState> {
    const engine = this.engineFor(current.item)
    if (current.controller.signal.aborted || !(await this.engineUsable(current.item))) return 'cancelled'
    return this.sound(current, engine, onSound)
  }

  /** the current engine or the fallback: not yet replaced */
  private inUse(engine: TtsEngine): boolean {
    return engine === this.engine || engine === this.fallback.engine
  }

  /** nothing queued, and nothing sounding but what is already being stopped */
  private nothingToSay(): boolean {
    return this.queue.length === 0 && (!this.current || this.current.controller.signal.aborted)
  }

  private releaseEngines(): void {
    letGo(this.engine)
    if (this.fallback.engine) letGo(this.fallback.engine)
  }

  /**
   * check() once per engine; a problem is reported once, then speech is
   * skipped quietly, or the turn goes to the fallback when there is one.
   */
  private async engineUsable(item: SpeechItem): Promise<boolean> {
    const engine = this.engineFor(item)
    const problem = await this.problems.problemOf(engine)
    if (problem && this.fallback.canTake(item, engine)) {
      this.fallBack(item, engine, problem)
      return this.engineUsable(item)
    }
    if (problem) this.problems.speechIsOff(problem)
    return problem === null
  }

  private emit(item: SpeechItem, state: SpeechState): void {
    this.eventListeners.emit({ turnId: item.turnId, index: item.index, state })
  }

  private report(message: string): void {
    this.errorListeners.emit(message)
  }

  private settleIfIdle(): void {
    this.tellBusy()
    const allIdle = !this.running && this.queue.length === 0 && !this.current
    const busy = new Set(this.busyTurns)
    const done = (w: { turnId: string | undefined }): boolean =>
      w.turnId === undefined ? allIdle : !busy.has(w.turnId)
    const waking = this.idleWaiters.filter(done)
    if (waking.length === 0) return
    this.idleWaiters = this.idleWaiters.filter((w) => !done(w))
    waking.forEach((w) => w.wake())
  }

  private tellBusy(): void {
    const busy = this.busyTurns
    if (busy.length === this.lastBusy.length && busy.every((t, i) => t === this.lastBusy[i])) return
    this.lastBusy = busy
    this.busyListeners.emit(busy)
  }
}

/** An engine's warm processes go; best effort: one left over ends with its own idle limit or the app. */
function letGo(engine: TtsEngine): void {
  try {
    engine.release?.()
  } catch {
    // release() must not throw; a bug in one must not take the voice down with it
  }
}
