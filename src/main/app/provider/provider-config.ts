import type { ProviderPreset, Settings } from '@shared/settings'
import type { ProviderConfig } from '../../engine/llm/chat-types'
import { PROVIDER_PRESETS, providerConfig as fromPreset } from '../../engine/llm/providers'

/** The stored key for a URL, if one was saved for that URL's origin. */
export type StoredKeyFor = (baseUrl: string) => string | undefined

/**
 * The endpoint a turn talks to: the saved preset and overrides, with the
 * environment winning (OPENAI_BASE_URL, HARK_MODEL, OPENAI_API_KEY) so one
 * launch can point elsewhere without touching saved settings. A stored key is
 * only attached when it was saved for this base URL's origin.
 */
export function providerConfig(
  settings: Settings,
  storedKeyFor: StoredKeyFor,
  env: NodeJS.ProcessEnv = process.env
): ProviderConfig {
  const p = settings.provider
  const baseUrl = effectiveBaseUrl(settings, env)
  return fromPreset({
    preset: p.preset,
    baseUrl,
    model: env['HARK_MODEL'] || p.model,
    apiKey: env['OPENAI_API_KEY'] || storedKeyFor(baseUrl) || '',
    connectTimeoutMs: p.connectTimeoutSec * 1000,
    idleTimeoutMs: p.idleTimeoutSec * 1000,
    turnTimeoutMs: p.turnTimeoutSec * 1000
  })
}

function effectiveBaseUrl(settings: Settings, env: NodeJS.ProcessEnv): string {
  return env['OPENAI_BASE_URL'] || settings.provider.baseUrl
}

/** Where a key entered for `preset` will be used: where Hark talks for the chosen preset, else the preset's own URL. */
export function keyUrlFor(settings: Settings, preset: ProviderPreset, env: NodeJS.ProcessEnv = process.env): string {
  return settings.provider.preset === preset ? effectiveBaseUrl(settings, env) : PROVIDER_PRESETS[preset].baseUrl
}
