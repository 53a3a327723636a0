/**
 * Push-to-talk's visible state, published to every window (indicator, tray,
 * main window). JSON-serialisable; no runtime dependencies.
 */
export const voiceStates = ['idle', 'listening', 'transcribing', 'thinking', 'speaking'] as const
export type VoiceState = (typeof voiceStates)[number]

export interface VoiceStatus {
  state: VoiceState
  /** live input level 0..1 while listening or testing the microphone, else 0 */
  level: number
  /** Settings' microphone test is recording (state stays idle: nothing listens for a question) */
  micTest?: true
  /** a short human line for the indicator, e.g. why listening ended */
  message?: string
  /** Talk mode is on: Hark listens again after each answer (absent: off) */
  talk?: boolean
}

/** The recognised speech, shown as the user's message before it is answered. */
export interface VoiceTranscript {
  text: string
  turnId: string
  conversationId: string
}
