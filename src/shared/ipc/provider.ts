import { z } from 'zod'
import { empty, route, type Contract } from './route'
import { httpUrl, providerPresets } from '../settings'
import type { KeyInfo } from './settings'

/** Setting up the model provider: presets, first run, the model list and a test request. */

export interface ProviderTestResult {
  ok: boolean
  /** a human sentence: what answered, or what went wrong and what to do */
  message: string
  ms: number
}

/** provider.connect: the test's outcome; when it passed, the choice is saved, and the key with it. */
export interface ProviderConnectResult extends ProviderTestResult {
  key?: KeyInfo
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

/** A provider chosen in onboarding and a key held only in memory until the test passes. */
const ProviderConnect = z.object({
  preset: z.enum(providerPresets),
  baseUrl: httpUrl.optional(),
  model: z.string().max(300).optional(),
  key: z.string().trim().min(1).max(4096).optional(),
  allowPlainText: z.boolean().default(false)
})

export const provider = {
  routes: {
    'provider.presets': route<PresetSummary[]>()(empty),
    'setup.status': route<SetupStatus>()(empty),
    'models.list': route<{ models: string[] }>()(ProviderTarget),
    'provider.test': route<ProviderTestResult>()(ProviderTarget),
    /** tests the choice (and key) first; saves them only when the test passes */
    'provider.connect': route<ProviderConnectResult>()(ProviderConnect),
    /** the user is about to ask (typing): open the connections main will use; no URL comes from the window */
    'provider.warm': route<void>()(empty)
  },
  events: {}
} satisfies Contract
