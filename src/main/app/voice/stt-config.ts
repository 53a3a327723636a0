import type { Settings } from '@shared/settings'
import type { SttConfig } from '../../engine/voice/transcriber'
import { environmentKeyFor, providerConfig, type StoredKeyFor } from '../provider/provider-config'

/**
 * Where speech-to-text goes: its own endpoint when set, else the chat
 * provider's (OpenAI and Groq both transcribe). The key is the one saved for
 * that endpoint's origin (or OPENAI_API_KEY when it is OPENAI_BASE_URL's): no
 * key travels to a different speech-to-text host. HARK_STT_BASE_URL / HARK_STT_MODEL override
 * for a single launch.
 */
export function sttConfig(
  settings: Settings,
  storedKeyFor: StoredKeyFor,
  env: NodeJS.ProcessEnv = process.env
): SttConfig {
  const chat = providerConfig(settings, storedKeyFor, env)
  const v = settings.voiceInput
  const baseUrl = env['HARK_STT_BASE_URL'] || v.sttBaseUrl.trim() || chat.baseUrl
  return {
    baseUrl,
    apiKey: environmentKeyFor(baseUrl, env) || storedKeyFor(baseUrl) || '',
    model: env['HARK_STT_MODEL'] || v.sttModel,
    language: v.language,
    timeoutMs: chat.connectTimeoutMs
  }
}
