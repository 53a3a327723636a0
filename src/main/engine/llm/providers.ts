import type { ProviderPreset } from '../../../shared/settings'
import type { ProviderConfig } from './chat-types'

export interface PresetInfo {
  id: ProviderPreset
  label: string
  baseUrl: string
  defaultModel: string
  needsKey: boolean
  /** GET /models works there */
  listsModels: boolean
  headers?: Record<string, string>
  /** where a user gets a key */
  keyUrl?: string
}

/** OpenRouter ranks apps by these; harmless elsewhere, so only sent to OpenRouter. */
const OPENROUTER_ATTRIBUTION = { 'HTTP-Referer': 'https://github.com/hark-assistant/hark', 'X-Title': 'Hark' }

export const PROVIDER_PRESETS: Record<ProviderPreset, PresetInfo> = {
  openai: {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4o-mini',
    needsKey: true,
    listsModels: true,
    keyUrl: 'https://platform.openai.com/api-keys'
  },
  openrouter: {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    defaultModel: 'openai/gpt-4o-mini',
    needsKey: true,
    listsModels: true,
    headers: OPENROUTER_ATTRIBUTION,
    keyUrl: 'https://openrouter.ai/keys'
  },
  groq: {
    id: 'groq',
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    defaultModel: 'llama-3.1-8b-instant',
    needsKey: true,
    listsModels: true,
    keyUrl: 'https://console.groq.com/keys'
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama (local)',
    baseUrl: 'http://localhost:11434/v1',
    defaultModel: 'llama3.2',
    needsKey: false,
    listsModels: true
  },
  lmstudio: {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    baseUrl: 'http://localhost:1234/v1',
    defaultModel: 'local-model',
    needsKey: false,
    listsModels: true
  },
  custom: {
    id: 'custom',
    label: 'Custom (OpenAI-compatible)',
    baseUrl: 'http://localhost:8080/v1',
    defaultModel: '',
    needsKey: false,
    listsModels: false
  }
}

export interface ProviderInput {
  preset: ProviderPreset
  baseUrl?: string
  model?: string
  /** passed in by the caller (kept in safeStorage by the app); never read here */
  apiKey?: string
  idleTimeoutMs?: number
  connectTimeoutMs?: number
  turnTimeoutMs?: number
}

/** A ProviderConfig from a preset plus the user's overrides; trailing slashes trimmed. */
export function providerConfig(input: ProviderInput): ProviderConfig {
  const preset = PROVIDER_PRESETS[input.preset]
  return {
    baseUrl: (input.baseUrl?.trim() || preset.baseUrl).replace(/\/+$/, ''),
    apiKey: input.apiKey ?? '',
    model: input.model?.trim() || preset.defaultModel,
    ...(preset.headers ? { headers: { ...preset.headers } } : {}),
    ...(input.idleTimeoutMs ? { idleTimeoutMs: input.idleTimeoutMs } : {}),
    ...(input.connectTimeoutMs ? { connectTimeoutMs: input.connectTimeoutMs } : {}),
    ...(input.turnTimeoutMs ? { turnTimeoutMs: input.turnTimeoutMs } : {})
  }
}

export { listModels } from './model-list'
export { detectLocalServers, type LocalServer } from './local-servers'
