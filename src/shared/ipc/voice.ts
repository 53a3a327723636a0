import { z } from 'zod'
import { empty, event, id, route, type Contract } from './route'
import type { HotkeyBinding } from './settings'
import type { VoiceStatus, VoiceTranscript } from '../voice-state'

/** Push-to-talk and Talk mode: their state, their buttons, and which conversation a spoken question joins. */

export interface MicTestResult {
  heard: boolean
  /** the loudest level, 0..1 on the meter's scale */
  peak: number
  /** what was heard, or what is wrong and what to do, in plain words */
  message: string
}

export interface VoiceInfo {
  status: VoiceStatus
  hotkey: HotkeyBinding
}

export const voice = {
  routes: {
    'voice.toggle': route<void>()(empty),
    /** Talk mode's button: starts it; while Hark answers, barge-in; otherwise ends it */
    'voice.talk': route<void>()(empty),
    /** Esc: Talk mode ends, whatever it was doing */
    'voice.endTalk': route<void>()(empty),
    'voice.status': route<VoiceInfo>()(empty),
    /** the main window reports the conversation it shows: voice questions join it when the target is 'current' */
    'voice.setConversation': route<void>()(z.object({ conversationId: id.nullable() })),
    /** Settings' microphone test: a few seconds with the saved recorder and device; the level comes as voice.state */
    'voice.testMic': route<MicTestResult>()(empty)
  },
  events: {
    'voice.state': event<VoiceStatus>(),
    /** a spoken question was asked: a window showing a new, empty conversation opens the one it went to */
    'voice.transcript': event<VoiceTranscript>()
  }
} satisfies Contract
