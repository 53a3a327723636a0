import type { AppContext } from '../../app-context'
import type { SubjectHandlers } from '../ipc-router'
import { UserFacingError } from '../user-facing-error'
import { providerFor } from '../../provider/provider-target'
import { probeProvider } from '../../provider/provider-probe'
import { connectProvider } from '../../provider/provider-connect'
import { streamChat } from '../../../engine/llm/chat-stream'
import { detectLocalServers, listModels, PROVIDER_PRESETS } from '../../../engine/llm/providers'
import { LlmError, type ChatStreamer } from '../../../engine/llm/chat-types'

type ProviderDeps = Pick<AppContext, 'settings' | 'keys' | 'warmUp'>

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
    'provider.connect': (input) => connectProvider(deps, chat, input),
    'provider.warm': async () => {
      await deps.keys.unlock()
      return deps.warmUp()
    }
  }
}
