import type { ErrorKind, SpeechState, TurnEvent, TurnTimings, Usage } from '@shared/turn-events'
import { placeDelta, replaceText, streamedText, type StreamedText } from './streamed-text'

/**
 * One turn as a window follows it, folded from the turn events of
 * `@shared/turn-events` alone: the one reducer the main window (one per turn
 * it hears of) and the popup (its one accepted turn) both use. The answer on
 * screen is `base + text`: base is what the message already held (Continue
 * appends to a partial answer), text what this turn streamed.
 *
 * Folding is linear in the events: no event copies more than the turn's few
 * fields, and the utterance ranges are shared by every snapshot.
 */
export interface LiveTurn extends StreamedText {
  turnId: string
  conversationId: string
  base: string
  reasoning: string
  /**
   * Utterance ranges in the turn's own text, by index. Append-only and shared
   * by every snapshot of the turn: an index's range never changes once known,
   * and copying them all per utterance made a long answer quadratic.
   */
  ranges: Array<[number, number]>
  /** the utterance being spoken now */
  speaking: number | null
  /** renderer clock (ms) */
  startedAt: number
  firstSpeechMs: number | null
  /** 'stopped': the user stopped it (the partial text stays); 'error': it failed (the partial text stays) */
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
    ...streamedText(aligned),
    reasoning: '',
    ranges: [],
    speaking: null,
    startedAt: now,
    firstSpeechMs: null,
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
      return onUtterance(turn, e.index, e.range)
    case 'speech':
      return onSpeech(turn, e.index, e.state, now)
    case 'notice':
      return { ...turn, notice: e.message }
    case 'done':
      // A turn the user stopped stays stopped, with the text main kept.
      return {
        ...turn,
        text: e.text,
        ahead: [],
        status: turn.status === 'stopped' ? 'stopped' : 'done',
        usage: e.usage,
        timings: e.timings
      }
    case 'error': {
      const stopped = e.kind === 'aborted'
      return {
        ...turn,
        text: e.partialText.length >= turn.text.length ? e.partialText : turn.text,
        ahead: [],
        status: stopped ? 'stopped' : 'error',
        error: stopped ? null : { kind: e.kind, message: e.message },
        speaking: null
      }
    }
  }
}

/**
 * The user stopped the turn before its end was heard (the popup's Esc): it stops streaming and
 * speaking at once, and the voice events still on their way do not revive it.
 */
export function stopLiveTurn(turn: LiveTurn): LiveTurn {
  return { ...turn, status: isRunning(turn) ? 'stopped' : turn.status, speaking: null }
}

function appendDelta(turn: LiveTurn, text: string, at: number | undefined): LiveTurn {
  const placed = placeDelta(turn, text, at)
  return placed === turn ? turn : { ...turn, ...placed }
}

/**
 * Takes main's text so far for a running turn (a window opened or reloaded
 * mid-turn). Every delta this window received before the answer is already
 * in it, and later ones carry offsets, so nothing shows twice.
 */
export function seedLiveTurn(turn: LiveTurn, soFar: { base: string; text: string }): LiveTurn {
  if (!isRunning(turn)) return turn
  if (turn.aligned && turn.text.length >= soFar.text.length) return turn
  return { ...turn, ...replaceText(turn, soFar.text), base: soFar.base }
}

/** A new turn object (so a window re-renders for the sentence) around the same, appended-to ranges. */
function onUtterance(turn: LiveTurn, index: number, range: [number, number]): LiveTurn {
  if (turn.status === 'stopped') return turn
  turn.ranges[index] = range
  return { ...turn }
}

function onSpeech(turn: LiveTurn, index: number, state: SpeechState, now: number): LiveTurn {
  if (state === 'started') {
    if (turn.status === 'stopped') return turn
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
