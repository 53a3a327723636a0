import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'
import { conversationToMarkdown, exportFileName } from '../../stores/conversation-markdown'
import { pieceAt, progressFirstPiece, textPiece, withFirstPieces } from '../../conversations/message-pieces'

export function conversationHandlers({
  history,
  turns
}: Pick<AppContext, 'history' | 'turns'>): SubjectHandlers<'conversations'> {
  return {
    'conversations.list': () => ({
      conversations: history.list(),
      notices: [...history.notices],
      activeTurn: turns.activeTurn
    }),
    'conversations.get': ({ id }) => {
      const active = turns.activeProgress
      const mine = active?.conversationId === id ? active : null
      const { conversation, cut } = withFirstPieces(history.get(id))
      return { ...conversation, activeTurnId: mine?.turnId ?? null, activeTurn: mine && progressFirstPiece(mine), cut }
    },
    'conversations.turnText': ({ turnId, from }) => {
      const active = turns.activeProgress
      return active?.turnId === turnId ? pieceAt(active.text, from) : ''
    },
    'conversations.text': ({ id, messageId, from }) => textPiece(history.get(id), messageId, from),
    'conversations.rename': ({ id, title }) => history.rename(id, title),
    'conversations.delete': ({ id }) => {
      if (turns.activeTurn?.conversationId === id) turns.stop()
      history.delete(id)
    },
    'conversations.setModel': ({ id, model }) => history.setModel(id, model),
    'conversations.showVersion': ({ id, messageId, index }) => history.showVersion(id, messageId, index),
    'conversations.search': ({ query }) => history.search(query),
    'conversations.export': ({ id }) => {
      const c = history.get(id)
      return { markdown: conversationToMarkdown(c), fileName: exportFileName(c) }
    }
  }
}
