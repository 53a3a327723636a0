import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'

export function turnHandlers({ turns }: Pick<AppContext, 'turns'>): SubjectHandlers<'turns'> {
  const started = ({ turnId, conversationId }: { turnId: string; conversationId: string }) => ({
    turnId,
    conversationId
  })
  return {
    'turn.ask': ({ prompt, conversationId, model }) => started(turns.ask({ prompt, conversationId, model })),
    'turn.stop': ({ turnId }) => turns.stop(turnId),
    'turn.regenerate': ({ conversationId }) => started(turns.regenerate(conversationId)),
    'turn.continue': ({ conversationId }) => started(turns.continueAnswer(conversationId)),
    'turn.edit': ({ conversationId, messageId, prompt }) => started(turns.edit(conversationId, messageId, prompt))
  }
}
