import { app } from 'electron'
import type { HandlersOf, RouteHandlers } from './ipc/ipc-router'
import { UserFacingError } from './ipc/ipc-router'
import type { AppContext } from './app-context'
import { quickHandlers, type QuickHandlerDeps } from './ipc/handlers/quick'
import { voiceHandlers } from './ipc/handlers/voice'
import { mainWindowHandlers, type ConversationHandlerDeps } from './ipc/handlers/conversations'
import { keyUrlFor } from './provider/provider-config'

export type HandlerDeps = Pick<AppContext, 'turns' | 'settings' | 'keys' | 'speech'> &
  QuickHandlerDeps &
  ConversationHandlerDeps

function turnHandlers({ turns }: HandlerDeps): HandlersOf<'turn.ask' | 'turn.stop'> {
  return {
    'turn.ask': ({ prompt, conversationId }) => {
      const { turnId, conversationId: id } = turns.ask({ prompt, conversationId })
      return { turnId, conversationId: id }
    },
    'turn.stop': ({ turnId }) => turns.stop(turnId)
  }
}

function settingsHandlers({ settings }: HandlerDeps): HandlersOf<'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => ({ settings: settings.get(), notices: [...settings.notices] }),
    'settings.set': (patch) => {
      try {
        return settings.update(patch)
      } catch (err) {
        throw new UserFacingError(err instanceof Error ? err.message : String(err), 'invalid-settings')
      }
    }
  }
}

function keyHandlers({ keys, settings }: HandlerDeps): HandlersOf<'keys.status' | 'keys.set' | 'keys.clear'> {
  return {
    'keys.status': ({ provider }) => keys.status(provider),
    'keys.set': ({ provider, key, allowPlainText }) =>
      keys.set(provider, key, allowPlainText, keyUrlFor(settings.get(), provider)),
    'keys.clear': ({ provider }) => keys.clear(provider)
  }
}

function speechHandlers({ speech }: HandlerDeps): HandlersOf<'speech.stop' | 'speech.setMuted'> {
  return {
    'speech.stop': () => speech.stop(),
    'speech.setMuted': ({ muted }) => speech.setMuted(muted)
  }
}

export function createHandlers(deps: HandlerDeps): RouteHandlers {
  return {
    ...turnHandlers(deps),
    ...settingsHandlers(deps),
    ...keyHandlers(deps),
    ...speechHandlers(deps),
    ...quickHandlers(deps),
    ...mainWindowHandlers(deps),
    ...voiceHandlers(),
    'app.info': () => ({ version: app.getVersion(), platform: process.platform, userData: app.getPath('userData') })
  }
}
