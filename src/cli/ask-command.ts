import { randomUUID } from 'node:crypto'
import type { Writable } from 'node:stream'
import type { TurnEvent } from '../shared/turn-events'
import type { ChatMessage, ChatStreamer } from '../main/engine/llm/chat-types'
import type { Segmenter, SegmenterOptions } from '../main/engine/segmenter/utterance'
import type { SpeechSink } from '../main/engine/speech/speech-types'
import { runTurn } from '../main/engine/turn'
import { batchTurnEvents } from '../main/engine/turn-event-batcher'
import type { AskArgs } from './args'
import { SpeechWaiter } from './speech-waiter'

export interface AskDeps {
  streamChat: ChatStreamer
  createSegmenter: (opts: SegmenterOptions) => Segmenter
  /** null for --speak none */
  speech: SpeechSink | null
  stdout: Writable
  stderr: NodeJS.WritableStream
}

/**
 * `hark ask`: one turn, printed as it streams (or as JSON turn events, the
 * same objects the app sends over IPC) and spoken. Returns the exit code.
 */
export async function runAsk(args: AskArgs, deps: AskDeps, signal: AbortSignal): Promise<number> {
  const turnId = randomUUID()
  const { speech, stdout, stderr } = deps
  const waiter = speech ? new SpeechWaiter(speech, () => turnId) : null
  const print = args.json ? jsonPrinter(stdout) : humanPrinter(stdout, stderr)
  speech?.onEvent((e) => e.turnId === turnId && print.emit({ type: 'speech', ...e }))
  speech?.onError((message) => print.emit({ type: 'notice', turnId, code: 'tts-unavailable', message }))
  signal.addEventListener('abort', () => speech?.stop(turnId), { once: true })

  const outcome = await runTurn(
    {
      streamChat: deps.streamChat,
      createSegmenter: deps.createSegmenter,
      speech,
      ready: () => drained(stdout, signal)
    },
    {
      turnId,
      provider: {
        baseUrl: args.baseUrl,
        apiKey: args.apiKey,
        model: args.model,
        idleTimeoutMs: args.idleTimeoutMs,
        turnTimeoutMs: args.turnTimeoutMs
      },
      messages: messagesFor(args),
      stream: args.stream,
      signal
    },
    (e) => {
      if (e.type === 'utterance') waiter?.noteQueued()
      print.emit(e)
    }
  )
  if (waiter && !signal.aborted) await waiter.idle()
  waiter?.dispose()
  print.flush()
  if (outcome.type === 'error') {
    stderr.write(`hark: ${outcome.message}\n`)
    return outcome.kind === 'aborted' ? 130 : 1
  }
  return 0
}

/**
 * Waits while stdout's buffer is full: a reader slower than the model (a pipe,
 * a pager) then slows the stream, instead of the answer's output piling up in
 * memory. The LLM layer's idle watchdog runs only while it reads, so waiting
 * here is never a stall; Stop ends the wait at once.
 */
function drained(out: Writable, signal: AbortSignal): Promise<void> | void {
  if (!out.writableNeedDrain || signal.aborted) return
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done)
      out.off('close', done)
      signal.removeEventListener('abort', done)
      resolve()
    }
    out.on('drain', done)
    out.on('close', done)
    signal.addEventListener('abort', done)
  })
}

function messagesFor(args: AskArgs): ChatMessage[] {
  const messages: ChatMessage[] = []
  if (args.system) messages.push({ role: 'system', content: args.system })
  messages.push({ role: 'user', content: args.prompt })
  return messages
}

interface Printer {
  emit: (e: TurnEvent) => void
  flush: () => void
}

function jsonPrinter(out: NodeJS.WritableStream): Printer {
  return batchTurnEvents((batch) => out.write(batch.map((e) => `${JSON.stringify(e)}\n`).join('')))
}

function humanPrinter(out: NodeJS.WritableStream, err: NodeJS.WritableStream): Printer {
  let endsWithNewline = true
  return {
    emit: (e) => {
      if (e.type === 'delta') {
        out.write(e.text)
        endsWithNewline = e.text.endsWith('\n')
      } else if ((e.type === 'done' || e.type === 'error') && !endsWithNewline) {
        out.write('\n')
        endsWithNewline = true
      } else if (e.type === 'notice') {
        err.write(`hark: ${e.message}\n`)
      }
    },
    flush: () => {}
  }
}
