import { z } from 'zod'
import { event, id, route, type Contract } from './route'
import { modelName } from './model-name'
import type { TurnEvent } from '../turn-events'

/** Asking and answering: a new question, Stop, and the actions on a saved answer. */

export interface StartedTurn {
  turnId: string
  conversationId: string
}

const prompt = z.string().trim().min(1, 'Type a question first.').max(100_000)
const conversationRef = z.object({ conversationId: id })

export const AskInput = z.object({ prompt, conversationId: id.optional(), model: modelName.optional() })

export const turns = {
  routes: {
    'turn.ask': route<StartedTurn>()(AskInput),
    'turn.stop': route<void>()(z.object({ turnId: id.optional() }).default({})),
    /** also the Retry after an error: the last question answered again */
    'turn.regenerate': route<StartedTurn>()(conversationRef),
    'turn.continue': route<StartedTurn>()(conversationRef),
    'turn.edit': route<StartedTurn>()(conversationRef.extend({ messageId: id, prompt }))
  },
  events: {
    /** one batch per animation frame, in order (see turn-event-batcher.ts) */
    'turn.events': event<TurnEvent[]>()
  }
} satisfies Contract
