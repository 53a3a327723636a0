import type { Settings } from '../../shared/settings'
import type { ProviderConfig } from '../engine/llm/chat-types'
import { providerConfig as fromPreset } from '../engine/llm/providers'

/**
 * The endpoint a turn talks to: the saved preset and overrides, with the
 * environment winning (OPENAI_BASE_URL, HARK_MODEL, OPENAI_API_KEY) so one
 * launch can point elsewhere without touching saved settings.
 */
export function providerConfig(
  settings: Settings,
  storedKey: string | undefined,
  env: NodeJS.ProcessEnv = process.env
): ProviderConfig {
  const p = settings.provider
  return fromPreset({
    preset: p.preset,
    baseUrl: env['OPENAI_BASE_URL'] || p.baseUrl,
    model: env['HARK_MODEL'] || p.model,
    apiKey: env['OPENAI_API_KEY'] || storedKey || '',
    connectTimeoutMs: p.connectTimeoutSec * 1000,
    idleTimeoutMs: p.idleTimeoutSec * 1000
  })
}
