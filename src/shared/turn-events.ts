/**
 * The one vocabulary of a turn. The engine emits these, the main process relays
 * them over IPC unchanged, the CLI prints them as JSON lines and the tests
 * assert on them. Keep every field JSON-serialisable.
 *
 * A read-aloud of a saved answer (`speech.readAloud`) is a turn of its own,
 * id `read-…`, with only `utterance` and `speech` events: its ranges point
 * into the saved answer's text.
 */

export type ErrorKind =
  | 'config' // nothing to call: no key, no base URL, bad settings
  | 'auth' // 401/403: the key is wrong or lacks access
  | 'not-found' // 404: unknown model or wrong base URL path
  | 'bad-request' // 400/422 other than context length
  | 'context-length' // the prompt does not fit the model
  | 'rate-limit' // 429
  | 'server' // 5xx, `event: error`, `data: {"error":…}`, JSON error body on 200
  | 'network' // unreachable, refused, DNS, connection dropped mid-body
  | 'redirect' // the server redirected to another origin: refused, the prompt and key stay where they were sent
  | 'timeout' // no response headers within the connect timeout
  | 'stalled' // headers arrived, then no progress: no data event within the idle timeout, or only keep-alive chatter
  | 'deadline' // still answering when the turn's overall time limit ran out (partial text kept)
  | 'too-large' // a line, event or body over its size limit, counted after decompression
  | 'interrupted' // the stream ended cleanly but unfinished: neither finish_reason nor [DONE] (partial text kept)
  | 'aborted' // the user stopped it
  | 'unknown'

export interface Usage {
  promptTokens: number
  completionTokens: number
  totalTokens: number
}

export interface TurnTimings {
  /** ms from the request to the first answer character, null when none came */
  firstTokenMs: number | null
  /** ms from the request to the first utterance handed to the voice */
  firstUtteranceMs: number | null
  totalMs: number
}

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'unknown'

/**
 * One utterance's voice. `started`: sound has started — the player has its
 * first audio (for voices that play by themselves, SAPI and speech-dispatcher,
 * when they say their audio began), not when the text is handed to a synthesiser;
 * an utterance with nothing to sound reports it just before `finished`.
 * Every utterance ends in exactly one `finished` or `cancelled`, after
 * `started` only if sound began.
 */
export type SpeechState = 'started' | 'finished' | 'cancelled'

export type TurnEvent =
  | { type: 'start'; turnId: string; model: string; at: number }
  | {
      type: 'delta'
      turnId: string
      text: string
      /** where `text` starts in the turn's answer (the engine always sets it), so a window that joined mid-turn appends idempotently */
      at?: number
    }
  | { type: 'reasoning'; turnId: string; text: string }
  | {
      type: 'utterance'
      turnId: string
      index: number
      /** exactly what is sent to the voice */
      text: string
      /** [start, end) character offsets in the answer text this came from */
      range: [number, number]
    }
  | { type: 'speech'; turnId: string; index: number; state: SpeechState }
  | {
      type: 'notice'
      turnId: string
      /** machine-readable: 'retrying' | 'tts-unavailable' | 'context-trimmed' | … */
      code: string
      message: string
    }
  | {
      type: 'done'
      turnId: string
      /** the whole answer; windows are sent '' instead when it is long (the deltas carried it) */
      text: string
      /** likewise */
      reasoning: string
      finishReason: FinishReason
      usage: Usage | null
      timings: TurnTimings
    }
  | {
      type: 'error'
      turnId: string
      kind: ErrorKind
      message: string
      retryable: boolean
      /** the answer so far; '' in windows when it is long, as for `done` */
      partialText: string
      status?: number
      retryAfterMs?: number
    }

export type TurnEventType = TurnEvent['type']
export type TurnEventOf<T extends TurnEventType> = Extract<TurnEvent, { type: T }>
