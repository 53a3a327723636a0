import type { Settings } from '../../shared/settings'
import type { SttConfig } from '../engine/voice/transcriber'
import { providerConfig } from './provider-config'

/**
 * Where speech-to-text goes: its own endpoint when set, else the chat
 * provider's (OpenAI and Groq both transcribe), with the provider's key.
 * HARK_STT_BASE_URL / HARK_STT_MODEL override for a single launch.
 */
export function sttConfig(settings: Settings, storedKey: string | undefined, env: NodeJS.ProcessEnv = process.env): SttConfig {
  const chat = providerConfig(settings, storedKey, env)
  const v = settings.voiceInput
  return {
    baseUrl: env['HARK_STT_BASE_URL'] || v.sttBaseUrl.trim() || chat.baseUrl,
    apiKey: chat.apiKey,
    model: env['HARK_STT_MODEL'] || v.sttModel,
    language: v.language,
    timeoutMs: chat.connectTimeoutMs
  }
}
