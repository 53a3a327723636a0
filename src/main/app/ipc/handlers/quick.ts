import { BrowserWindow } from 'electron'
import type { AppContext } from '../../app-context'
import type { HandlersOf } from '../ipc-router'
import { navigateMainWindow, takeNavigation } from '../../windows/main-window-navigation'
import { QuickConversation } from '../../quick-prompt/quick-conversation'
import { isQuickPromptWindow } from '../../quick-prompt/quick-prompt-window'

export type QuickHandlerDeps = Pick<AppContext, 'turns' | 'settings' | 'userData' | 'history' | 'showMainWindow'>

type QuickRoutes = 'quick.ask' | 'quick.hide' | 'quick.openInMain' | 'app.takeNavigation'

/** The popup's routes, plus the main window's side of "Open in Hark". */
export function quickHandlers(deps: QuickHandlerDeps): HandlersOf<QuickRoutes> {
  const conversation = new QuickConversation(deps.userData, deps.history)
  const senderPopup = (sender: Electron.WebContents): BrowserWindow | null => {
    const win = BrowserWindow.fromWebContents(sender)
    return isQuickPromptWindow(win) ? win : null
  }
  return {
    'quick.ask': ({ prompt }) => {
      const saveTo = deps.settings.get().quickPrompt.saveTo
      const { turnId, conversationId } = deps.turns.ask({ prompt, conversationId: conversation.target(saveTo) })
      conversation.remember(saveTo, conversationId)
      return { turnId, conversationId }
    },
    'quick.hide': (_input, event) => senderPopup(event.sender)?.hide(),
    'quick.openInMain': ({ conversationId }, event) => {
      senderPopup(event.sender)?.hide()
      navigateMainWindow(deps.showMainWindow(), { view: 'conversation', conversationId })
    },
    'app.takeNavigation': (_input, event) => takeNavigation(BrowserWindow.fromWebContents(event.sender))
  }
}
