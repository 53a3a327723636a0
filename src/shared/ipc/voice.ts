import { z } from 'zod'
import { empty, event, id, route, type Contract } from './route'
import type { HotkeyBinding } from './settings'
import type { VoiceStatus } from '../voice-state'

/** Push-to-talk: its state, its toggle, and which conversation a spoken question joins. */

export interface VoiceInfo {
  status: VoiceStatus
  hotkey: HotkeyBinding
}

export const voice = {
  routes: {
    'voice.toggle': route<void>()(empty),
    'voice.status': route<VoiceInfo>()(empty),
    /** the main window reports the conversation it shows: voice questions join it when the target is 'current' */
    'voice.setConversation': route<void>()(z.object({ conversationId: id.nullable() }))
  },
  events: {
    'voice.state': event<VoiceStatus>()
  }
} satisfies Contract
