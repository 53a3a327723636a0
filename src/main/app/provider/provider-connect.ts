import type { ProviderConnectResult } from '@shared/ipc/provider'
import type { AppContext } from '../app-context'
import { chosenProvider, providerFor, type ProviderTarget } from './provider-target'
import { probeProvider } from './provider-probe'
import type { ChatStreamer } from '../../engine/llm/chat-types'

export interface ConnectInput extends ProviderTarget {
  preset: NonNullable<ProviderTarget['preset']>
  /** pasted in onboarding, held only in memory until the test passes */
  key?: string
  allowPlainText: boolean
}

/**
 * Onboarding's one step that saves: the chosen provider (and a pasted key)
 * are tested with one tiny request, and only a passing test writes them, so
 * a refused key never reaches the key store or settings.json. The pasted key
 * goes to the one URL tested (redirects to other origins are refused by the
 * chat stream) and is saved bound to that URL's origin.
 */
export async function connectProvider(
  deps: Pick<AppContext, 'settings' | 'keys'>,
  chat: ChatStreamer,
  input: ConnectInput
): Promise<ProviderConnectResult> {
  await deps.keys.unlock()
  if (input.key) await deps.keys.assertStorable(input.allowPlainText) // ask for consent before a request is made
  const config = providerFor(deps, input)
  const tested = input.key ? { ...config, apiKey: input.key } : config
  const result = await probeProvider(chat, tested)
  if (!result.ok) return result
  const key = input.key ? await deps.keys.set(input.preset, input.key, input.allowPlainText, tested.baseUrl) : undefined
  const { preset, baseUrl, model } = chosenProvider(deps.settings.get().provider, input)
  deps.settings.update({ provider: { preset, baseUrl, model } })
  return { ...result, ...(key ? { key } : {}) }
}
