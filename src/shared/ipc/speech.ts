import { z } from 'zod'
import { empty, event, id, route, type Contract } from './route'

/**
 * The voice that reads answers aloud: mute, stop, reading a saved answer, the
 * voices on offer, a sample sentence, and which turns it is busy with.
 */

export interface SpeechBusy {
  /** turns with an utterance queued or sounding: while non-empty, the window's Stop also stops the voice */
  turns: string[]
}

/** A read-aloud's turn id: `read-` plus the id the window chose, so it can follow the events at once. */
export const readAloudTurnId = (readId: string): string => `read-${readId}`

export const speech = {
  routes: {
    'speech.setMuted': route<void>()(z.object({ muted: z.boolean() })),
    'speech.voices': route<{ voices: string[] }>()(empty),
    'speech.say': route<void>()(z.object({ text: z.string().trim().min(1).max(500) })),
    /** silences the voice, whatever it was saying (the stream, if any, goes on: see turn.stop) */
    'speech.stop': route<void>()(empty),
    'speech.busy': route<SpeechBusy>()(empty),
    /**
     * Reads a saved answer aloud from the sentence that holds character `from`
     * of its text, as utterance and speech turn events of `readAloudTurnId(readId)`.
     */
    'speech.readAloud': route<void>()(
      z.object({
        conversationId: id,
        messageId: id,
        readId: z.string().uuid(),
        from: z.number().int().min(0).max(10_000_000).default(0)
      })
    )
  },
  events: {
    'speech.busy': event<SpeechBusy>()
  }
} satisfies Contract
