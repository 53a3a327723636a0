import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'

export function turnHandlers({ history, turns }: Pick<AppContext, 'history' | 'turns'>): SubjectHandlers<'turns'> {
  const started = ({ turnId, conversationId }: { turnId: string; conversationId: string }) => ({
    turnId,
    conversationId
  })
  return {
    'turn.ask': ({ prompt, conversationId }) => started(turns.ask({ prompt, conversationId })),
    'turn.stop': ({ turnId }) => turns.stop(turnId),
    'turn.regenerate': ({ conversationId }) => started(turns.regenerate(conversationId)),
    'turn.continue': ({ conversationId }) => started(turns.continueAnswer(conversationId)),
    'turn.edit': ({ conversationId, messageId, prompt }) => {
      if (turns.activeTurn?.conversationId === conversationId) turns.stop()
      history.truncateFrom(conversationId, messageId)
      return started(turns.ask({ prompt, conversationId }))
    }
  }
}
