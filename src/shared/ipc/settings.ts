import { z } from 'zod'
import { empty, event, route, type Contract } from './route'
import { Settings, providerPresets, recorderSettings } from '../settings'

/** The settings file, the API keys kept beside it, and whether the hotkeys it names are registered. */

/** Deep-partial settings patch; main merges and re-validates the whole. */
export const SettingsPatch = z.record(z.string(), z.unknown())

/** Where a key is kept: one per chat provider preset, and one for the provider voice's endpoint. */
export const keySlots = [...providerPresets, 'speech'] as const
export type KeySlot = (typeof keySlots)[number]

export const KeyStatus = z.object({ provider: z.enum(keySlots) })

export interface KeyInfo {
  stored: boolean
  /** how safeStorage protects it: an OS keychain, or Linux's plain-text fallback */
  backend: 'keychain' | 'basic_text' | 'unavailable'
}

/** The outcome of binding one global hotkey. */
export interface HotkeyBinding {
  /** what was asked for, trimmed; empty: no hotkey */
  accelerator: string
  registered: boolean
  /** why it failed, in words */
  error?: string
}

export interface HotkeyStatus extends HotkeyBinding {
  action: 'pushToTalk' | 'quickPrompt' | 'talk'
}

/** Commands that do what the hotkeys do, for the desktop's keyboard settings. */
export interface DesktopHotkeyCommands {
  /** the session is one (Wayland) where the user should bind these themselves */
  bindInDesktop: boolean
  pushToTalk: string
  quickPrompt: string
}

export const settings = {
  routes: {
    'settings.get': route<{ settings: Settings; notices: string[] }>()(empty),
    'settings.set': route<Settings>()(SettingsPatch),
    'keys.status': route<KeyInfo>()(KeyStatus),
    'keys.set': route<KeyInfo>()(
      KeyStatus.extend({ key: z.string().trim().min(1).max(4096), allowPlainText: z.boolean().default(false) })
    ),
    'keys.clear': route<KeyInfo>()(KeyStatus),
    'hotkeys.status': route<HotkeyStatus[]>()(empty),
    'hotkeys.commands': route<DesktopHotkeyCommands>()(empty),
    /** the input devices the recorder offers ('default' first): all Settings may choose from */
    'voiceInput.devices': route<{ devices: string[] }>()(
      z.object({ recorder: z.enum(recorderSettings).optional() }).default({})
    )
  },
  events: {
    'settings.changed': event<Settings>(),
    'hotkeys.status': event<HotkeyStatus[]>()
  }
} satisfies Contract
