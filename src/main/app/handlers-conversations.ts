import { randomUUID } from 'node:crypto'
import type { Settings } from '../../shared/settings'
import type { HandlersOf } from './ipc-router'
import { UserFacingError } from './ipc-router'
import type { AppContext } from './app-context'
import type { ConversationStore } from './stores/conversation-store'
import { conversationToMarkdown, exportFileName } from './stores/conversation-markdown'
import { providerConfig } from './provider-config'
import { probeProvider } from './provider-probe'
import { hotkeyStatus } from './hotkey-status'
import { streamChat } from '../engine/llm/chat-stream'
import { detectLocalServers, listModels, PROVIDER_PRESETS } from '../engine/llm/providers'
import { LlmError, type ChatStreamer } from '../engine/llm/chat-types'
import { enginesFromSettings } from '../engine/speech/engine-from-settings'

export type ConversationHandlerDeps = Pick<AppContext, 'turns' | 'settings' | 'keys' | 'speech'> & {
  history: ConversationStore
}

type ConversationRoutes =
  | 'conversations.list'
  | 'conversations.get'
  | 'conversations.create'
  | 'conversations.rename'
  | 'conversations.delete'
  | 'conversations.search'
  | 'conversations.export'

type TurnActionRoutes = 'turn.regenerate' | 'turn.retry' | 'turn.continue' | 'turn.edit'
type SetupRoutes =
  | 'models.list'
  | 'provider.detect'
  | 'provider.test'
  | 'speech.voices'
  | 'speech.say'
  | 'hotkeys.status'
  | 'setup.status'
  | 'provider.presets'

function conversationHandlers({ history, turns }: ConversationHandlerDeps): HandlersOf<ConversationRoutes> {
  return {
    'conversations.list': () => ({
      conversations: history.list(),
      notices: [...history.notices],
      activeTurn: turns.activeTurn
    }),
    'conversations.get': ({ id }) => {
      const active = turns.activeProgress
      const mine = active?.conversationId === id ? active : null
      return { ...history.get(id), activeTurnId: mine?.turnId ?? null, activeTurn: mine }
    },
    'conversations.create': ({ title }) => history.create(title),
    'conversations.rename': ({ id, title }) => history.rename(id, title),
    'conversations.delete': ({ id }) => {
      if (turns.activeTurn?.conversationId === id) turns.stop()
      history.delete(id)
    },
    'conversations.search': ({ query }) => history.search(query),
    'conversations.export': ({ id }) => {
      const c = history.get(id)
      return { markdown: conversationToMarkdown(c), fileName: exportFileName(c) }
    }
  }
}

function turnActionHandlers({ history, turns }: ConversationHandlerDeps): HandlersOf<TurnActionRoutes> {
  const started = ({ turnId, conversationId }: { turnId: string; conversationId: string }) => ({
    turnId,
    conversationId
  })
  const regenerate = ({ conversationId }: { conversationId: string }) => started(turns.regenerate(conversationId))
  return {
    'turn.regenerate': regenerate,
    'turn.retry': regenerate,
    'turn.continue': ({ conversationId }) => started(turns.continueAnswer(conversationId)),
    'turn.edit': ({ conversationId, messageId, prompt }) => {
      if (turns.activeTurn?.conversationId === conversationId) turns.stop()
      history.truncateFrom(conversationId, messageId)
      return started(turns.ask({ prompt, conversationId }))
    }
  }
}

/** The saved provider with the user's unsaved choices on top (onboarding tests before it saves). */
function providerFor(
  deps: ConversationHandlerDeps,
  target: { preset?: Settings['provider']['preset']; baseUrl?: string; model?: string }
) {
  const saved = deps.settings.get()
  const preset = target.preset ?? saved.provider.preset
  const samePreset = preset === saved.provider.preset
  const provider: Settings['provider'] = {
    ...saved.provider,
    preset,
    baseUrl: target.baseUrl ?? (samePreset ? saved.provider.baseUrl : PROVIDER_PRESETS[preset].baseUrl),
    model: target.model || (samePreset ? saved.provider.model : PROVIDER_PRESETS[preset].defaultModel)
  }
  return providerConfig({ ...saved, provider }, (url) => deps.keys.get(preset, url))
}

function setupHandlers(deps: ConversationHandlerDeps, chat: ChatStreamer): HandlersOf<SetupRoutes> {
  return {
    'models.list': async (target) => {
      try {
        return { models: await listModels(providerFor(deps, target)) }
      } catch (err) {
        throw new UserFacingError(
          err instanceof LlmError ? err.message : 'The model list could not be fetched.',
          'models-unavailable'
        )
      }
    },
    'provider.detect': async () => ({ servers: await detectLocalServers() }),
    'provider.test': (target) => probeProvider(chat, providerFor(deps, target)),
    'speech.voices': async () => {
      // The engine the settings name; engines that cannot list voices give [] and the view offers a text field.
      try {
        return { voices: (await enginesFromSettings(deps.settings.get().speech).engine.voices?.()) ?? [] }
      } catch {
        return { voices: [] }
      }
    },
    'speech.say': ({ text }) => deps.speech.sink.enqueue({ turnId: `say-${randomUUID()}`, index: 0, text }),
    'hotkeys.status': () => hotkeyStatus.all(),
    'provider.presets': () =>
      Object.values(PROVIDER_PRESETS).map(({ id, label, baseUrl, defaultModel, needsKey, keyUrl }) => ({
        id,
        label,
        baseUrl,
        defaultModel,
        needsKey,
        ...(keyUrl ? { keyUrl } : {})
      })),
    'setup.status': async () => {
      const preset = deps.settings.get().provider.preset
      // An OPENAI_BASE_URL alone still needs a key; OPENAI_API_KEY is one.
      const configured =
        Boolean(process.env['OPENAI_API_KEY']) || !PROVIDER_PRESETS[preset].needsKey || deps.keys.status(preset).stored
      return { needsSetup: !configured, servers: configured ? [] : await detectLocalServers() }
    }
  }
}

export function mainWindowHandlers(
  deps: ConversationHandlerDeps,
  chat: ChatStreamer = streamChat
): HandlersOf<ConversationRoutes | TurnActionRoutes | SetupRoutes> {
  return { ...conversationHandlers(deps), ...turnActionHandlers(deps), ...setupHandlers(deps, chat) }
}
