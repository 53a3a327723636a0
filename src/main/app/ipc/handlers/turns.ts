import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'

/** A turn starts once the saved keys are decrypted (at launch the Keychain may still be asking the user). */
export function turnHandlers({ turns, keys }: Pick<AppContext, 'turns' | 'keys'>): SubjectHandlers<'turns'> {
  const started = ({ turnId, conversationId }: { turnId: string; conversationId: string }) => ({
    turnId,
    conversationId
  })
  return {
    'turn.ask': async ({ prompt, conversationId, model }) => {
      await keys.unlock()
      return started(turns.ask({ prompt, conversationId, model }))
    },
    'turn.stop': ({ turnId }) => turns.stop(turnId),
    'turn.regenerate': async ({ conversationId }) => {
      await keys.unlock()
      return started(turns.regenerate(conversationId))
    },
    'turn.continue': async ({ conversationId }) => {
      await keys.unlock()
      return started(turns.continueAnswer(conversationId))
    },
    'turn.edit': async ({ conversationId, messageId, prompt }) => {
      await keys.unlock()
      return started(turns.edit(conversationId, messageId, prompt))
    }
  }
}
