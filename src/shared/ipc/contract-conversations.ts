import { z } from 'zod'
import { route } from './route'
import { providerPresets } from '../settings'
import type { Conversation, ConversationSummary, SearchHit } from '../conversation'

/**
 * Routes of the main window: conversations, the turn actions on a saved
 * conversation, provider set-up (models, local servers, a test request),
 * voices and hotkey status. Spread into `routes` in contract.ts.
 */

const id = z.string().min(1).max(200)
const empty = z.object({}).default({})
const conversationRef = z.object({ conversationId: id })

export interface ActiveTurn {
  turnId: string
  conversationId: string
}

/** The running turn's answer so far, for a window that opens mid-stream. */
export interface ActiveTurnProgress extends ActiveTurn {
  /** what the answer held before this turn (Continue appends to it) */
  base: string
  /** what this turn has streamed so far; later deltas carry `at` offsets into it */
  text: string
}

export interface ConversationList {
  conversations: ConversationSummary[]
  /** files that could not be read and were moved aside */
  notices: string[]
  activeTurn: ActiveTurn | null
}

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

export interface HotkeyStatus {
  action: 'pushToTalk' | 'quickPrompt'
  accelerator: string
  registered: boolean
  /** why it failed, in words */
  error?: string
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

const ProviderTarget = z
  .object({
    preset: z.enum(providerPresets).optional(),
    baseUrl: z.string().url().optional(),
    model: z.string().max(300).optional()
  })
  .default({})

type Started = { turnId: string; conversationId: string }

export const conversationRoutes = {
  'conversations.list': route<ConversationList>()(empty),
  'conversations.get': route<Conversation & { activeTurnId: string | null; activeTurn: ActiveTurnProgress | null }>()(
    z.object({ id })
  ),
  'conversations.create': route<ConversationSummary>()(
    z.object({ title: z.string().max(200).default('') }).default({ title: '' })
  ),
  'conversations.rename': route<ConversationSummary>()(
    z.object({ id, title: z.string().trim().min(1, 'A title cannot be empty.').max(200) })
  ),
  'conversations.delete': route<void>()(z.object({ id })),
  'conversations.search': route<SearchHit[]>()(z.object({ query: z.string().max(500) })),
  'conversations.export': route<{ markdown: string; fileName: string }>()(z.object({ id })),
  'turn.regenerate': route<Started>()(conversationRef),
  'turn.retry': route<Started>()(conversationRef),
  'turn.continue': route<Started>()(conversationRef),
  'turn.edit': route<Started>()(
    conversationRef.extend({ messageId: id, prompt: z.string().trim().min(1, 'Type a question first.').max(100_000) })
  ),
  'models.list': route<{ models: string[] }>()(ProviderTarget),
  'provider.detect': route<{ servers: LocalServerInfo[] }>()(empty),
  'provider.test': route<ProviderTestResult>()(ProviderTarget),
  'speech.voices': route<{ voices: string[] }>()(empty),
  'speech.say': route<void>()(z.object({ text: z.string().trim().min(1).max(500) })),
  'hotkeys.status': route<HotkeyStatus[]>()(empty),
  'setup.status': route<SetupStatus>()(empty),
  'provider.presets': route<PresetSummary[]>()(empty)
}
