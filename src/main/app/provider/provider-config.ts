import type { ProviderPreset, Settings } from '@shared/settings'
import type { KeySlot } from '@shared/ipc/settings'
import type { ProviderConfig } from '../../engine/llm/chat-types'
import { PROVIDER_PRESETS, providerConfig as fromPreset } from '../../engine/llm/providers'
import { originOf } from '@shared/url-origin'

/** The stored key for a URL, if one was saved for that URL's origin. */
export type StoredKeyFor = (baseUrl: string) => string | undefined

/**
 * The endpoint a turn talks to: the saved preset and overrides, with the
 * environment winning (OPENAI_BASE_URL, HARK_MODEL, OPENAI_API_KEY) so one
 * launch can point elsewhere without touching saved settings. A key is only
 * attached where it belongs: a stored one for the origin it was saved for, the
 * environment's for OPENAI_BASE_URL's origin (see environmentKeyFor).
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
    apiKey: environmentKeyFor(baseUrl, env) || storedKeyFor(baseUrl) || '',
    connectTimeoutMs: p.connectTimeoutSec * 1000,
    idleTimeoutMs: p.idleTimeoutSec * 1000,
    turnTimeoutMs: p.turnTimeoutSec * 1000
  })
}

/** The provider a turn uses now, with the key stored for it. */
export function currentProvider(
  settings: Settings,
  keys: { get: (preset: ProviderPreset, url: string) => string | undefined }
) {
  return providerConfig(settings, (url) => keys.get(settings.provider.preset, url))
}

function effectiveBaseUrl(settings: Settings, env: NodeJS.ProcessEnv): string {
  return env['OPENAI_BASE_URL'] || settings.provider.baseUrl
}

/**
 * Where a key entered for `slot` will be used: the provider voice's endpoint for 'speech'; where Hark
 * talks for the chosen preset; else the preset's own URL.
 */
export function keyUrlFor(settings: Settings, slot: KeySlot, env: NodeJS.ProcessEnv = process.env): string {
  if (slot === 'speech') return settings.speech.provider.baseUrl
  return settings.provider.preset === slot ? effectiveBaseUrl(settings, env) : PROVIDER_PRESETS[slot].baseUrl
}

/**
 * OPENAI_API_KEY, but only for a request to the origin it was given for:
 * OPENAI_BASE_URL's, or OpenAI's when that is unset. A page can name any URL
 * (models.list, provider.test, settings), and the key must not follow it there.
 */
export function environmentKeyFor(url: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const key = env['OPENAI_API_KEY']
  if (!key) return undefined
  const home = originOf(env['OPENAI_BASE_URL'] || PROVIDER_PRESETS.openai.baseUrl)
  return home !== null && originOf(url) === home ? key : undefined
}
