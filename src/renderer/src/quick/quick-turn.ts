import type { TurnEvent } from '@shared/turn-events'
import { newPartOf } from '@renderer/shared/live-turn'

/**
 * The popup's one exchange, as a pure reducer over the turn events it hears.
 * Every window hears every turn: the popup follows only the turn id its own
 * ask returned. Events can outrun that reply, so until it arrives they are
 * held and replayed.
 */

export type QuickStatus = 'idle' | 'asking' | 'streaming' | 'done' | 'stopped' | 'error'

export interface QuickTurn {
  status: QuickStatus
  turnId: string | null
  conversationId: string | null
  prompt: string
  answer: string
  error: string | null
  /**
   * utterance ranges in `answer`, by index: append-only and shared by every
   * state of one ask (as in live-turn.ts), so a long answer stays linear
   */
  ranges: Array<[number, number]>
  /** the turns main's speech queue is busy with (speech.busy): its one "this turn's voice is done" */
  busyTurns: string[]
  /** the utterance being spoken now */
  speaking: number | null
  /** events heard while the ask's reply was on its way */
  early: TurnEvent[]
}

export type QuickAction =
  | { type: 'ask'; prompt: string }
  | { type: 'accepted'; turnId: string; conversationId: string }
  | { type: 'failed'; message: string }
  | { type: 'stopped' }
  | { type: 'event'; event: TurnEvent }
  | { type: 'voice'; busyTurns: string[] }

export const initialQuickTurn: QuickTurn = {
  status: 'idle',
  turnId: null,
  conversationId: null,
  prompt: '',
  answer: '',
  error: null,
  ranges: [],
  busyTurns: [],
  speaking: null,
  early: []
}

const EARLY_LIMIT = 5000

/** Is something still going on that Esc should stop (rather than close the popup)? */
export function isBusy(turn: QuickTurn): boolean {
  const speaking = turn.turnId !== null && turn.busyTurns.includes(turn.turnId)
  return turn.status === 'asking' || turn.status === 'streaming' || speaking
}

export function quickTurnReducer(turn: QuickTurn, action: QuickAction): QuickTurn {
  switch (action.type) {
    case 'ask':
      return { ...initialQuickTurn, status: 'asking', prompt: action.prompt, busyTurns: turn.busyTurns, ranges: [] }
    case 'accepted': {
      if (turn.status !== 'asking') return turn
      const accepted: QuickTurn = {
        ...turn,
        status: 'streaming',
        turnId: action.turnId,
        conversationId: action.conversationId,
        early: []
      }
      return turn.early.filter((e) => e.turnId === action.turnId).reduce(applyEvent, accepted)
    }
    case 'failed':
      return { ...turn, status: 'error', error: action.message, early: [] }
    case 'stopped':
      return {
        ...turn,
        status: turn.status === 'asking' || turn.status === 'streaming' ? 'stopped' : turn.status,
        busyTurns: turn.busyTurns.filter((t) => t !== turn.turnId),
        speaking: null
      }
    case 'voice':
      return { ...turn, busyTurns: action.busyTurns }
    case 'event':
      if (turn.status === 'asking') return { ...turn, early: [...turn.early, action.event].slice(-EARLY_LIMIT) }
      return action.event.turnId === turn.turnId ? applyEvent(turn, action.event) : turn
  }
}

function applyEvent(turn: QuickTurn, e: TurnEvent): QuickTurn {
  switch (e.type) {
    case 'delta':
      return { ...turn, answer: turn.answer + newPartOf(turn.answer, e.text, e.at) }
    case 'utterance':
      if (turn.status === 'stopped') return turn
      turn.ranges[e.index] = e.range
      return { ...turn }
    case 'speech':
      if (e.state === 'started') return turn.status === 'stopped' ? turn : { ...turn, speaking: e.index }
      return turn.speaking === e.index ? { ...turn, speaking: null } : turn
    case 'done':
      return { ...turn, status: turn.status === 'stopped' ? 'stopped' : 'done', answer: e.text || turn.answer }
    case 'error':
      if (e.kind === 'aborted') return { ...turn, status: 'stopped', answer: turn.answer || e.partialText }
      return { ...turn, status: 'error', error: e.message, answer: turn.answer || e.partialText }
    default:
      return turn
  }
}
