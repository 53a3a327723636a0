import type { ErrorKind, TurnEvent, TurnTimings, Usage } from '@shared/turn-events'

/**
 * A turn as the main window follows it, built from turn events alone. The
 * answer on screen is `base + text`: base is what the message already held
 * (Continue appends to a partial answer), text what this turn streamed.
 */
export interface LiveTurn {
  turnId: string
  conversationId: string
  base: string
  text: string
  /**
   * `text` starts at the answer's first character: the window saw the turn
   * start, or was given the text so far. Only then can a delta's `at` offset
   * tell a repeat from new text; a window that joined mid-turn appends blindly
   * until it is given the text so far.
   */
  aligned: boolean
  reasoning: string
  /**
   * Utterance ranges in the turn's own text, by index. Append-only and shared
   * by every snapshot of the turn: an index's range never changes once known,
   * and copying them all per utterance made a long answer quadratic.
   */
  ranges: Array<[number, number]>
  speaking: number | null
  /** renderer clock (ms) */
  startedAt: number
  firstSpeechMs: number | null
  deltas: number
  status: 'streaming' | 'done' | 'stopped' | 'error'
  error: { kind: ErrorKind; message: string } | null
  notice: string | null
  /** the model answering, from the turn's start */
  model: string | null
  usage: Usage | null
  timings: TurnTimings | null
}

export function newLiveTurn(
  turnId: string,
  conversationId: string,
  base: string,
  now: number,
  aligned = true
): LiveTurn {
  return {
    turnId,
    conversationId,
    base,
    text: '',
    aligned,
    reasoning: '',
    ranges: [],
    speaking: null,
    startedAt: now,
    firstSpeechMs: null,
    deltas: 0,
    status: 'streaming',
    error: null,
    notice: null,
    model: null,
    usage: null,
    timings: null
  }
}

export function applyTurnEvent(turn: LiveTurn, e: TurnEvent, now: number): LiveTurn {
  switch (e.type) {
    case 'start':
      return { ...turn, startedAt: now, model: e.model }
    case 'delta':
      return appendDelta(turn, e.text, e.at)
    case 'reasoning':
      return { ...turn, reasoning: turn.reasoning + e.text }
    case 'utterance':
      turn.ranges[e.index] = e.range
      return turn
    case 'speech':
      return onSpeech(turn, e.index, e.state, now)
    case 'notice':
      return { ...turn, notice: e.message }
    case 'done':
      return { ...turn, text: e.text, status: 'done', usage: e.usage, timings: e.timings, speaking: turn.speaking }
    case 'error': {
      const stopped = e.kind === 'aborted'
      return {
        ...turn,
        text: e.partialText.length >= turn.text.length ? e.partialText : turn.text,
        status: stopped ? 'stopped' : 'error',
        error: stopped ? null : { kind: e.kind, message: e.message },
        speaking: null
      }
    }
  }
}

/**
 * The part of a delta that is new: `at` is where it starts in the turn's text, so text it places
 * inside what is already `shown` is not added again. Without `at`, all of it. The main window and
 * the popup both append through this.
 */
export function newPartOf(shown: string, text: string, at: number | undefined): string {
  return at === undefined ? text : text.slice(Math.max(0, shown.length - at))
}

function appendDelta(turn: LiveTurn, text: string, at: number | undefined): LiveTurn {
  const fresh = newPartOf(turn.text, text, turn.aligned ? at : undefined)
  if (!fresh) return turn
  return { ...turn, text: turn.text + fresh, deltas: turn.deltas + 1 }
}

/**
 * Takes main's text so far for a running turn (a window opened or reloaded
 * mid-turn). Every delta this window received before the answer is already
 * in it, and later ones carry offsets, so nothing shows twice.
 */
export function seedLiveTurn(turn: LiveTurn, soFar: { base: string; text: string }): LiveTurn {
  if (!isRunning(turn)) return turn
  if (turn.aligned && turn.text.length >= soFar.text.length) return turn
  return { ...turn, base: soFar.base, text: soFar.text, aligned: true }
}

function onSpeech(turn: LiveTurn, index: number, state: 'started' | 'finished' | 'cancelled', now: number): LiveTurn {
  if (state === 'started') {
    return { ...turn, speaking: index, firstSpeechMs: turn.firstSpeechMs ?? Math.round(now - turn.startedAt) }
  }
  return turn.speaking === index ? { ...turn, speaking: null } : turn
}

export function isRunning(turn: LiveTurn | undefined): boolean {
  return turn?.status === 'streaming'
}

/** The spoken range in the whole answer (base included), or null. */
export function speakingRange(turn: LiveTurn): [number, number] | null {
  if (turn.speaking === null) return null
  const r = turn.ranges[turn.speaking]
  return r ? [r[0] + turn.base.length, r[1] + turn.base.length] : null
}
