import type { Settings } from '@shared/settings'
import type { AppContext } from '../app-context'
import { providerConfig } from './provider-config'
import { PROVIDER_PRESETS } from '../../engine/llm/providers'

export interface ProviderTarget {
  preset?: Settings['provider']['preset']
  baseUrl?: string
  model?: string
}

/** The saved provider with the user's unsaved choices on top (a page tests before it saves). */
export function chosenProvider(saved: Settings['provider'], target: ProviderTarget): Settings['provider'] {
  const preset = target.preset ?? saved.preset
  const samePreset = preset === saved.preset
  return {
    ...saved,
    preset,
    baseUrl: target.baseUrl ?? (samePreset ? saved.baseUrl : PROVIDER_PRESETS[preset].baseUrl),
    model: target.model || (samePreset ? saved.model : PROVIDER_PRESETS[preset].defaultModel)
  }
}

/** The endpoint a request for `target` uses, with only the key stored for its origin. */
export function providerFor(deps: Pick<AppContext, 'settings' | 'keys'>, target: ProviderTarget) {
  const saved = deps.settings.get()
  const provider = chosenProvider(saved.provider, target)
  return providerConfig({ ...saved, provider }, (url) => deps.keys.get(provider.preset, url))
}
