import { z } from 'zod'
import type { EventName, RouteName } from './channels'
import { route, type RouteDef } from './route'
import type { TurnEvent } from '../turn-events'
import { Settings, providerPresets } from '../settings'
import { conversationRoutes, type HotkeyStatus } from './contract-conversations'
import type { ConversationsChanged } from '../conversation'
import type { VoiceStatus, VoiceTranscript } from '../voice-state'

/**
 * Every IPC route, declared once. Main validates inputs with these schemas;
 * the renderer gets the types through the preload bridge.
 */

const id = z.string().min(1).max(200)

export const AskInput = z.object({
  prompt: z.string().trim().min(1, 'Type a question first.').max(100_000),
  conversationId: id.optional(),
  source: z.enum(['main', 'quick', 'voice']).default('main')
})

/** Deep-partial settings patch; main merges and re-validates the whole. */
export const SettingsPatch = z.record(z.string(), z.unknown())

export const KeyStatus = z.object({ provider: z.enum(providerPresets) })

export interface KeyInfo {
  stored: boolean
  /** how safeStorage protects it: an OS keychain, or Linux's plain-text fallback */
  backend: 'keychain' | 'basic_text' | 'unavailable'
}

export interface AppInfo {
  version: string
  platform: string
  userData: string
}

export interface AppNotice {
  level: 'info' | 'warning' | 'error'
  message: string
}

/** Where the main window should go: sent by the tray's Settings and the popup's "Open in Hark". */
export type AppNavigation = { view: 'settings' } | { view: 'conversation'; conversationId: string }

/** The quick-prompt popup was just shown; `at` is main's Date.now() when the show began. */
export interface QuickShown {
  at: number
}

export interface VoiceInfo {
  status: VoiceStatus
  hotkey: { accelerator: string; registered: boolean; error?: string }
}

export const routes = {
  ...conversationRoutes,
  'turn.ask': route<{ turnId: string; conversationId: string }>()(AskInput),
  'turn.stop': route<void>()(z.object({ turnId: id.optional() }).default({})),
  'settings.get': route<{ settings: Settings; notices: string[] }>()(z.object({}).default({})),
  'settings.set': route<Settings>()(SettingsPatch),
  'keys.status': route<KeyInfo>()(KeyStatus),
  'keys.set': route<KeyInfo>()(
    KeyStatus.extend({ key: z.string().trim().min(1).max(4096), allowPlainText: z.boolean().default(false) })
  ),
  'keys.clear': route<KeyInfo>()(KeyStatus),
  'speech.stop': route<void>()(z.object({}).default({})),
  'speech.setMuted': route<void>()(z.object({ muted: z.boolean() })),
  'app.info': route<AppInfo>()(z.object({}).default({})),
  /** a freshly loaded main window asks where it was sent before it could listen */
  'app.takeNavigation': route<AppNavigation | null>()(z.object({}).default({})),
  'quick.ask': route<{ turnId: string; conversationId: string }>()(AskInput.pick({ prompt: true })),
  'quick.hide': route<void>()(z.object({}).default({})),
  'quick.openInMain': route<void>()(z.object({ conversationId: id })),
  'voice.toggle': route<void>()(z.object({}).default({})),
  'voice.cancel': route<void>()(z.object({}).default({})),
  'voice.status': route<VoiceInfo>()(z.object({}).default({})),
  /** the main window reports the conversation it shows: voice questions join it when the target is 'current' */
  'voice.setConversation': route<void>()(z.object({ conversationId: id.nullable() }))
} satisfies Record<RouteName, RouteDef>

// Fails to compile if a schema exists without a channel name.
export type Routes = typeof routes
type _NoExtraRoutes = Exclude<keyof Routes, RouteName> extends never ? true : never
export const _routesAreExact: _NoExtraRoutes = true

/** Payloads main pushes to windows. Trusted, so typed but not validated. */
export interface Events {
  /** one batch per animation frame, in order (see turn-event-batcher.ts) */
  'turn.events': TurnEvent[]
  'settings.changed': Settings
  'app.notice': AppNotice
  'app.navigate': AppNavigation
  'quick.shown': QuickShown
  'voice.state': VoiceStatus
  'voice.transcript': VoiceTranscript
  'conversations.changed': ConversationsChanged
  'hotkeys.status': HotkeyStatus[]
}
type _EventsAreExact = [Exclude<keyof Events, EventName>, Exclude<EventName, keyof Events>] extends [never, never]
  ? true
  : never
export const _eventsAreExact: _EventsAreExact = true

export type RouteInput<K extends RouteName> = z.input<Routes[K]['input']>
export type RouteParsedInput<K extends RouteName> = z.output<Routes[K]['input']>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RouteOutput<K extends RouteName> = Routes[K] extends RouteDef<any, infer O> ? O : never
