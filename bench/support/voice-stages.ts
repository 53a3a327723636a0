import { performance } from 'node:perf_hooks'
import type { VoiceTimings } from '../../src/main/engine/voice/voice-timings'

/** When one spoken question passed each point, in performance.now() time. */
export interface VoiceMarks {
  /** the speaker's last sound */
  speechEnd: number
  /** listening ended */
  stop: number
  firstToken: number
  /** the first sentence was queued for the voice */
  queued: number
  /** the first sound of the answer */
  sound: number
  timings: VoiceTimings
}

/** Voice to voice, stage by stage, in ms. */
export function voiceStages(m: VoiceMarks) {
  const t = m.timings
  const asked = m.stop + t.captureDrainMs + t.encodeMs + t.sttMs + t.askMs
  return {
    endOfTurn: m.stop - m.speechEnd,
    drain: t.captureDrainMs,
    stt: t.encodeMs + t.sttMs,
    ask: t.askMs,
    firstToken: m.firstToken - asked,
    firstSentence: m.queued - m.firstToken,
    firstSound: m.sound - m.queued,
    total: m.sound - m.speechEnd
  }
}
export type VoiceStages = ReturnType<typeof voiceStages>

/** The bare transcription request for `wav` at a fake LLM's URL, in ms: the service's own time. */
export async function bareTranscription(baseUrl: string, wav: Buffer): Promise<number> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'speech.wav')
  form.append('model', 'whisper-1')
  const t = performance.now()
  await (await fetch(`${baseUrl}/audio/transcriptions`, { method: 'POST', body: form })).json()
  return performance.now() - t
}
