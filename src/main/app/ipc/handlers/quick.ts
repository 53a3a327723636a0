import type { AppContext } from '../../app-context'
import type { Caller, SubjectHandlers } from '../ipc-router'
import { navigateMainWindow } from '../../windows/main-window-navigation'
import { QuickConversation } from '../../quick-prompt/quick-conversation'

type QuickDeps = Pick<AppContext, 'turns' | 'settings' | 'userData' | 'history' | 'showMainWindow' | 'keys'>

/** The popup's routes; hiding acts only on the popup itself. */
export function quickHandlers(deps: QuickDeps): SubjectHandlers<'quick'> {
  const conversation = new QuickConversation(deps.userData, deps.history)
  const hidePopup = ({ window, page }: Caller): void => {
    if (page === 'quick') window.hide()
  }
  return {
    'quick.ask': async ({ prompt }) => {
      await deps.keys.unlock()
      const saveTo = deps.settings.get().quickPrompt.saveTo
      const { turnId, conversationId } = deps.turns.ask({ prompt, conversationId: conversation.target(saveTo) })
      conversation.remember(saveTo, conversationId)
      return { turnId, conversationId }
    },
    'quick.hide': (_input, caller) => hidePopup(caller),
    'quick.openInMain': ({ conversationId }, caller) => {
      hidePopup(caller)
      navigateMainWindow(deps.showMainWindow(), { view: 'conversation', conversationId })
    }
  }
}
