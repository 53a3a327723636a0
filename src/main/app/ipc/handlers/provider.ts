import type { Settings } from '@shared/settings'
import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'
import { UserFacingError } from '../user-facing-error'
import { providerConfig } from '../../provider/provider-config'
import { probeProvider } from '../../provider/provider-probe'
import { streamChat } from '../../../engine/llm/chat-stream'
import { detectLocalServers, listModels, PROVIDER_PRESETS } from '../../../engine/llm/providers'
import { LlmError, type ChatStreamer } from '../../../engine/llm/chat-types'

type ProviderDeps = Pick<AppContext, 'settings' | 'keys' | 'warmEndpoints'>

/** The saved provider with the user's unsaved choices on top (onboarding tests before it saves). */
function providerFor(
  deps: ProviderDeps,
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

export function providerHandlers(deps: ProviderDeps, chat: ChatStreamer = streamChat): SubjectHandlers<'provider'> {
  return {
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
      // An OPENAI_BASE_URL alone still needs a key; OPENAI_API_KEY is one where it is used.
      const configured =
        Boolean(providerFor(deps, {}).apiKey) ||
        !PROVIDER_PRESETS[preset].needsKey ||
        (await deps.keys.status(preset)).stored
      return { needsSetup: !configured, servers: configured ? [] : await detectLocalServers() }
    },
    'models.list': async (target) => {
      await deps.keys.unlock()
      try {
        return { models: await listModels(providerFor(deps, target)) }
      } catch (err) {
        throw new UserFacingError(
          err instanceof LlmError ? err.message : 'The model list could not be fetched.',
          'models-unavailable'
        )
      }
    },
    'provider.test': async (target) => {
      await deps.keys.unlock()
      return probeProvider(chat, providerFor(deps, target))
    },
    'provider.warm': async () => {
      await deps.keys.unlock()
      return deps.warmEndpoints()
    }
  }
}
