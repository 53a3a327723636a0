import type { speechPresets } from './settings'

/** Where a provider voice can come from, and what to fill in when one is chosen (main and the settings view share it). */
export interface SpeechPreset {
  label: string
  baseUrl: string
  model: string
  voice: string
  format: 'pcm' | 'wav'
  /** the preset's voices, offered when the server does not list its own */
  voices: string[]
}

export type SpeechPresetId = (typeof speechPresets)[number]

export const SPEECH_PRESETS: Record<SpeechPresetId, SpeechPreset> = {
  openai: {
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini-tts',
    voice: 'coral',
    format: 'pcm',
    voices: ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer', 'verse']
  },
  groq: {
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    model: 'playai-tts',
    voice: 'Fritz-PlayAI',
    format: 'wav',
    voices: ['Arista-PlayAI', 'Atlas-PlayAI', 'Celeste-PlayAI', 'Fritz-PlayAI', 'Quinn-PlayAI', 'Thunder-PlayAI']
  },
  // Kokoro-FastAPI's default port; Speaches and LocalAI take the same requests
  local: {
    label: 'Local server (Kokoro-FastAPI, Speaches…)',
    baseUrl: 'http://127.0.0.1:8880/v1',
    model: 'kokoro',
    voice: 'af_heart',
    format: 'pcm',
    voices: []
  },
  custom: { label: 'Custom', baseUrl: '', model: '', voice: '', format: 'pcm', voices: [] }
}

/**
 * Only OpenAI's gpt-4o…-tts models are known to take `instructions`; tts-1
 * rejects them, and other servers' models (Kokoro, playai-tts…) may answer
 * 400, which would cost the answer its voice.
 */
export function takesInstructions(model: string): boolean {
  return /^gpt-4o(?:-[a-z]+)*-tts(?:-\d{4}-\d{2}-\d{2})?$/.test(model)
}
