import { z } from 'zod'
import { empty, event, id, route, type Contract } from './route'
import { AskInput, type StartedTurn } from './turns'

/** The quick-prompt popup: ask, put it away, or carry the answer to the main window. */

/** The quick-prompt popup was just shown; `at` is main's Date.now() when the show began. */
export interface QuickShown {
  at: number
}

export const quick = {
  routes: {
    'quick.ask': route<StartedTurn>()(AskInput.pick({ prompt: true })),
    'quick.hide': route<void>()(empty),
    'quick.openInMain': route<void>()(z.object({ conversationId: id }))
  },
  events: {
    'quick.shown': event<QuickShown>()
  }
} satisfies Contract
