import type { ChatChunk, ChatStreamer } from '../../src/main/engine/llm/chat-types'
import { LlmError } from '../../src/main/engine/llm/chat-types'
import type { Segmenter, Utterance } from '../../src/main/engine/segmenter/utterance'
import type { SpeechEvent, SpeechItem, SpeechSink } from '../../src/main/engine/speech/speech-types'

/** A scripted model: yields chunks with optional pauses, then throws `fail` if given. */
export function scriptedStream(
  script: Array<ChatChunk | { pauseMs: number }>,
  fail?: LlmError
): ChatStreamer & { calls: number } {
  const fn = async function* (_provider: unknown, request: { signal?: AbortSignal }): AsyncGenerator<ChatChunk> {
    fn.calls++
    for (const step of script) {
      if (request.signal?.aborted) throw new LlmError('aborted', 'Stopped.', true)
      if ('pauseMs' in step) await abortableSleep(step.pauseMs, request.signal)
      else yield step
    }
    if (fail) throw fail
  } as unknown as ChatStreamer & { calls: number }
  fn.calls = 0
  return fn
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(t)
      reject(new LlmError('aborted', 'Stopped.', true))
    })
  })
}

/** Cuts after `. ` / `! ` / `? ` only: enough to test the orchestration, not segmentation. */
export function naiveSegmenter(): Segmenter {
  let buffer = ''
  let offset = 0
  let index = 0
  const cut = (final: boolean): Utterance[] => {
    const out: Utterance[] = []
    for (;;) {
      const m = /[.!?]\s/.exec(buffer)
      const end = m ? m.index + 1 : final && buffer.trim() ? buffer.length : -1
      if (end < 0) return out
      const raw = buffer.slice(0, end)
      const consumed = m ? end + 1 : end
      out.push({ index: index++, text: raw.trim(), range: [offset, offset + end] })
      buffer = buffer.slice(consumed)
      offset += consumed
      if (!m) return out
    }
  }
  return {
    push: (chunk) => {
      buffer += chunk
      return cut(false)
    },
    tick: (_now, opts) => (opts?.stalled ? cut(true) : []),
    flush: () => cut(true)
  }
}

export class RecordingSpeech implements SpeechSink {
  readonly items: SpeechItem[] = []
  readonly stops: Array<string | undefined> = []
  private readonly listeners = new Set<(e: SpeechEvent) => void>()

  enqueue(item: SpeechItem): void {
    this.items.push(item)
  }
  stop(turnId?: string): void {
    this.stops.push(turnId)
  }
  onEvent(listener: (e: SpeechEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  onError(): () => void {
    return () => {}
  }
  /** nothing ever sounds here */
  idle(): Promise<void> {
    return Promise.resolve()
  }
  /** lets a test play the voice's part */
  report(e: SpeechEvent): void {
    this.listeners.forEach((l) => l(e))
  }
}
