import type { TurnEvent } from '@shared/turn-events'
import { applyTurnEvent, newLiveTurn, speakingRange, stopLiveTurn, type LiveTurn } from '@renderer/shared/live-turn'

/**
 * The popup's one exchange: its question, and once main accepts the ask, the
 * turn it follows, folded by the reducer the main window uses too
 * (`live-turn.ts`). Every window hears every turn: the popup follows only the
 * turn id its own ask returned. Events can outrun that reply, so until it
 * arrives they are held and replayed.
 */

export type QuickStatus = 'idle' | 'asking' | LiveTurn['status']

/** Where the exchange is: before main accepts the ask there is no turn to fold. */
export type QuickExchange =
  | { status: 'idle' | 'asking' | 'stopped' }
  | { status: 'refused'; message: string }
  | { status: 'accepted'; turn: LiveTurn }

export interface QuickTurn {
  prompt: string
  exchange: QuickExchange
  /** the turns main's speech queue is busy with (speech.busy): its one "this turn's voice is done" */
  busyTurns: string[]
  /** events heard while the ask's reply was on its way, with when they were heard */
  early: Array<{ event: TurnEvent; now: number }>
}

/** `now`: the renderer clock (ms) when the action happened, for the turn's metrics. */
export type QuickAction =
  | { type: 'ask'; prompt: string }
  | { type: 'accepted'; turnId: string; conversationId: string; now: number }
  | { type: 'failed'; message: string }
  | { type: 'stopped' }
  | { type: 'event'; event: TurnEvent; now: number }
  | { type: 'voice'; busyTurns: string[] }

/** What the popup shows, read off the exchange. */
export interface QuickView {
  status: QuickStatus
  turnId: string | null
  conversationId: string | null
  answer: string
  error: string | null
  ranges: LiveTurn['ranges']
  speaking: number | null
  /** the spoken utterance's range in `answer` */
  spoken: [number, number] | null
}

export const initialQuickTurn: QuickTurn = { prompt: '', exchange: { status: 'idle' }, busyTurns: [], early: [] }

const EARLY_LIMIT = 5000
const NO_RANGES: LiveTurn['ranges'] = []

export function quickView({ exchange }: QuickTurn): QuickView {
  if (exchange.status !== 'accepted') {
    const refused = exchange.status === 'refused'
    return {
      status: refused ? 'error' : exchange.status,
      turnId: null,
      conversationId: null,
      answer: '',
      error: refused ? exchange.message : null,
      ranges: NO_RANGES,
      speaking: null,
      spoken: null
    }
  }
  const { turn } = exchange
  return {
    status: turn.status,
    turnId: turn.turnId,
    conversationId: turn.conversationId,
    answer: turn.text,
    error: turn.error?.message ?? null,
    ranges: turn.ranges,
    speaking: turn.speaking,
    spoken: speakingRange(turn)
  }
}

/** Is main's voice still busy with this popup's turn? */
export function isVoiceBusy(quick: QuickTurn): boolean {
  return quick.exchange.status === 'accepted' && quick.busyTurns.includes(quick.exchange.turn.turnId)
}

/** Is something still going on that Esc should stop (rather than close the popup)? */
export function isBusy(quick: QuickTurn): boolean {
  const { status } = quickView(quick)
  return status === 'asking' || status === 'streaming' || isVoiceBusy(quick)
}

export function quickTurnReducer(quick: QuickTurn, action: QuickAction): QuickTurn {
  switch (action.type) {
    case 'ask':
      return { ...initialQuickTurn, exchange: { status: 'asking' }, prompt: action.prompt, busyTurns: quick.busyTurns }
    case 'accepted':
      return quick.exchange.status === 'asking' ? accept(quick, action) : quick
    case 'failed':
      return { ...quick, exchange: { status: 'refused', message: action.message }, early: [] }
    case 'stopped':
      return stop(quick)
    case 'voice':
      return { ...quick, busyTurns: action.busyTurns }
    case 'event':
      return onEvent(quick, action.event, action.now)
  }
}

function accept(
  quick: QuickTurn,
  { turnId, conversationId, now }: { turnId: string; conversationId: string; now: number }
): QuickTurn {
  let turn = newLiveTurn(turnId, conversationId, '', now)
  for (const held of quick.early) if (held.event.turnId === turnId) turn = applyTurnEvent(turn, held.event, held.now)
  return { ...quick, exchange: { status: 'accepted', turn }, early: [] }
}

function stop(quick: QuickTurn): QuickTurn {
  const { exchange } = quick
  if (exchange.status === 'asking') return { ...quick, exchange: { status: 'stopped' } }
  if (exchange.status !== 'accepted') return quick
  return {
    ...quick,
    exchange: { status: 'accepted', turn: stopLiveTurn(exchange.turn) },
    busyTurns: quick.busyTurns.filter((t) => t !== exchange.turn.turnId)
  }
}

function onEvent(quick: QuickTurn, event: TurnEvent, now: number): QuickTurn {
  const { exchange } = quick
  if (exchange.status === 'asking') return { ...quick, early: [...quick.early, { event, now }].slice(-EARLY_LIMIT) }
  if (exchange.status !== 'accepted' || event.turnId !== exchange.turn.turnId) return quick
  const turn = applyTurnEvent(exchange.turn, event, now)
  return turn === exchange.turn ? quick : { ...quick, exchange: { status: 'accepted', turn } }
}
