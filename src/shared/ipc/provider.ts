import { z } from 'zod'
import { empty, route, type Contract } from './route'
import { httpUrl, providerPresets } from '../settings'

/** Setting up the model provider: presets, first run, the model list and a test request. */

export interface ProviderTestResult {
  ok: boolean
  /** a human sentence: what answered, or what went wrong and what to do */
  message: string
  ms: number
}

export interface LocalServerInfo {
  preset: 'ollama' | 'lmstudio'
  baseUrl: string
  models: string[]
}

export interface PresetSummary {
  id: (typeof providerPresets)[number]
  label: string
  baseUrl: string
  defaultModel: string
  needsKey: boolean
  keyUrl?: string
}

/** First run: no key for a provider that needs one (none stored, none in OPENAI_API_KEY). */
export interface SetupStatus {
  needsSetup: boolean
  /** local servers answering now, offered first */
  servers: LocalServerInfo[]
}

/** The saved provider with the user's unsaved choices on top (onboarding tests before it saves). */
const ProviderTarget = z
  .object({
    preset: z.enum(providerPresets).optional(),
    baseUrl: httpUrl.optional(),
    model: z.string().max(300).optional()
  })
  .default({})

export const provider = {
  routes: {
    'provider.presets': route<PresetSummary[]>()(empty),
    'setup.status': route<SetupStatus>()(empty),
    'models.list': route<{ models: string[] }>()(ProviderTarget),
    'provider.test': route<ProviderTestResult>()(ProviderTarget),
    /** the user is about to ask (typing): open the connections main will use; no URL comes from the window */
    'provider.warm': route<void>()(empty)
  },
  events: {}
} satisfies Contract
