import type { FinishReason, TurnEvent, TurnEventOf, Usage } from '../../shared/turn-events'
import { LlmError, type ChatMessage, type ChatStreamer, type ProviderConfig } from './llm/chat-types'
import type { Segmenter, SegmenterOptions, Utterance } from './segmenter/utterance'
import type { SpeechSink } from './speech/speech-types'

/**
 * One question, one answer: streams the model, cuts speakable utterances as the
 * text grows, hands each to the voice the moment it is complete, and reports
 * everything as TurnEvents. It owns no window and no process state.
 */

export interface TurnDeps {
  streamChat: ChatStreamer
  createSegmenter: (opts: SegmenterOptions) => Segmenter
  /** null: do not speak (utterances are still emitted) */
  speech: SpeechSink | null
  now?: () => number
  /**
   * Resolves when whoever reads the events can take more (the CLI: stdout has
   * drained). Awaited before each piece of text, so a slow reader slows the
   * stream instead of buffering the answer's events in memory.
   */
  ready?: () => Promise<void> | void
}

export interface TurnRequest {
  turnId: string
  provider: ProviderConfig
  messages: ChatMessage[]
  stream: boolean
  segmenter?: SegmenterOptions
  signal?: AbortSignal
  /** ms without new text before the unterminated tail is spoken anyway */
  stallFlushMs?: number
  /** told to the user right after the start, e.g. that old turns were left out */
  notices?: TurnNotice[]
}

export type TurnOutcome = TurnEventOf<'done'> | TurnEventOf<'error'>

export type TurnNotice = Pick<TurnEventOf<'notice'>, 'code' | 'message'>

const TICK_MS = 50
/**
 * Text is segmented and reported at most this many characters at a time, with
 * a turn of the event loop between pieces: a batch answer (one chunk of
 * megabytes) then costs the same per character as a stream, its events leave
 * in bounded batches and the reader can push back.
 */
export const TEXT_PIECE_CHARS = 16 * 1024

export async function runTurn(deps: TurnDeps, req: TurnRequest, emit: (e: TurnEvent) => void): Promise<TurnOutcome> {
  const turn = new TurnRun(deps, req, emit)
  return turn.run()
}

/** Where the piece of `text` starting at `from` ends: never between the halves of a surrogate pair. */
function pieceEnd(text: string, from: number): number {
  const to = from + TEXT_PIECE_CHARS
  if (to >= text.length) return text.length
  const high = text.charCodeAt(to - 1)
  return high >= 0xd800 && high <= 0xdbff ? to - 1 : to
}

class TurnRun {
  private readonly now: () => number
  private readonly segmenter: Segmenter
  private readonly startedAt: number
  private text = ''
  private reasoning = ''
  private usage: Usage | null = null
  private finishReason: FinishReason = 'unknown'
  private firstTokenAt: number | null = null
  private firstUtteranceAt: number | null = null
  private lastTextAt = 0
  private stallFlushed = false
  private timer: ReturnType<typeof setInterval> | undefined

  constructor(
    private readonly deps: TurnDeps,
    private readonly req: TurnRequest,
    private readonly emit: (e: TurnEvent) => void
  ) {
    this.now = deps.now ?? (() => performance.now())
    this.segmenter = deps.createSegmenter(req.segmenter ?? {})
    this.startedAt = this.now()
  }

  async run(): Promise<TurnOutcome> {
    const { turnId, provider } = this.req
    this.emit({ type: 'start', turnId, model: provider.model, at: Date.now() })
    // the voice gets ready while the model thinks: its start-up overlaps the wait for the first sentence
    this.deps.speech?.warm?.()
    this.req.notices?.forEach((n) => this.emit({ type: 'notice', turnId, ...n }))
    this.timer = setInterval(() => this.onTick(), TICK_MS)
    try {
      await this.consume()
      this.speak(this.segmenter.flush())
      return this.finish(this.doneEvent())
    } catch (err) {
      return this.finish(this.errorEvent(err))
    } finally {
      clearInterval(this.timer)
    }
  }

  private async consume(): Promise<void> {
    const { provider, messages, stream, signal } = this.req
    for await (const chunk of this.deps.streamChat(provider, { messages, stream, signal })) {
      switch (chunk.type) {
        case 'text':
          await this.onTextPieces(chunk.text)
          break
        case 'reasoning':
          this.reasoning += chunk.text
          this.emit({ type: 'reasoning', turnId: this.req.turnId, text: chunk.text })
          break
        case 'usage':
          this.usage = chunk.usage
          break
        case 'retrying':
          this.emit({
            type: 'notice',
            turnId: this.req.turnId,
            code: 'retrying',
            message: `${chunk.reason} Retrying in ${Math.ceil(chunk.delayMs / 1000)} s (attempt ${chunk.attempt}).`
          })
          break
        case 'finish':
          this.finishReason = chunk.reason
          break
      }
    }
    // An aborted signal can end a stream quietly; that is still a stop, not an answer.
    this.throwIfStopped()
  }

  private throwIfStopped(): void {
    if (this.req.signal?.aborted) throw new LlmError('aborted', 'Stopped.', true)
  }

  private async onTextPieces(text: string): Promise<void> {
    for (let from = 0; from < text.length;) {
      if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve))
      await this.deps.ready?.()
      this.throwIfStopped()
      const to = pieceEnd(text, from)
      this.onText(text.slice(from, to))
      from = to
    }
  }

  private onText(text: string): void {
    if (!text) return
    const t = this.now()
    this.firstTokenAt ??= t
    this.lastTextAt = t
    this.stallFlushed = false
    const at = this.text.length
    this.text += text
    this.emit({ type: 'delta', turnId: this.req.turnId, text, at })
    this.speak(this.segmenter.push(text, t))
  }

  private onTick(): void {
    if (this.firstTokenAt === null) return
    const t = this.now()
    const stalled = !this.stallFlushed && t - this.lastTextAt >= (this.req.stallFlushMs ?? 1500)
    if (stalled) this.stallFlushed = true
    this.speak(this.segmenter.tick(t, { stalled }))
  }

  private speak(utterances: Utterance[]): void {
    const { turnId } = this.req
    for (const u of utterances) {
      this.firstUtteranceAt ??= this.now()
      this.emit({ type: 'utterance', turnId, index: u.index, text: u.text, range: u.range })
      this.deps.speech?.enqueue({ turnId, index: u.index, text: u.text })
    }
  }

  private elapsed(at: number | null): number | null {
    return at === null ? null : Math.round(at - this.startedAt)
  }

  private doneEvent(): TurnEventOf<'done'> {
    const finishReason = this.finishReason === 'unknown' && this.text ? 'stop' : this.finishReason
    return {
      type: 'done',
      turnId: this.req.turnId,
      text: this.text,
      reasoning: this.reasoning,
      finishReason,
      usage: this.usage,
      timings: {
        firstTokenMs: this.elapsed(this.firstTokenAt),
        firstUtteranceMs: this.elapsed(this.firstUtteranceAt),
        totalMs: Math.round(this.now() - this.startedAt)
      }
    }
  }

  private errorEvent(err: unknown): TurnEventOf<'error'> {
    const e =
      err instanceof LlmError
        ? err
        : new LlmError('unknown', `Unexpected failure: ${err instanceof Error ? err.message : String(err)}`, true)
    return {
      type: 'error',
      turnId: this.req.turnId,
      kind: e.kind,
      message: e.message,
      retryable: e.retryable,
      partialText: this.text,
      ...(e.status !== undefined ? { status: e.status } : {}),
      ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {})
    }
  }

  private finish(outcome: TurnOutcome): TurnOutcome {
    this.emit(outcome)
    return outcome
  }
}
