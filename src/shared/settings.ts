import { z } from 'zod'

/**
 * Settings live in userData/settings.json. Secrets (API keys) never do: they are
 * kept by the main process with safeStorage. Every field has a default so a
 * partial or older file still parses.
 */

export const providerPresets = ['openai', 'openrouter', 'groq', 'ollama', 'lmstudio', 'custom'] as const
export type ProviderPreset = (typeof providerPresets)[number]

export const ttsEngines = ['auto', 'say', 'festival', 'espeak-ng', 'spd-say', 'provider', 'none'] as const
export type TtsEngineName = (typeof ttsEngines)[number]

export const recorderSettings = ['auto', 'arecord', 'sox', 'rec'] as const

export const endOfTurnPolicies = ['smart', 'fixed'] as const
export type EndOfTurnPolicy = (typeof endOfTurnPolicies)[number]

/**
 * A recorder device is a plain name from the recorder's own list (`arecord -L`):
 * no quotes, pipes, braces, slashes or spaces, so none of ALSA's plugin syntax
 * (`file:'|cmd'` runs a shell command) and no leading '-' to read as an option.
 */
export const recorderDevicePattern = /^(?:[A-Za-z0-9_][A-Za-z0-9_.,=:-]{0,199})?$/

/** An endpoint Hark sends requests to: http or https only, never file:, data: or the like. */
export const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'Only http:// and https:// addresses are allowed.')

export const ProviderSettings = z.object({
  preset: z.enum(providerPresets).default('openai'),
  baseUrl: httpUrl.default('https://api.openai.com/v1'),
  model: z.string().min(1).default('gpt-4o-mini'),
  streaming: z.boolean().default(true),
  /** seconds of silence on an open stream before it is called stalled */
  idleTimeoutSec: z.number().min(1).max(600).default(30),
  connectTimeoutSec: z.number().min(1).max(300).default(20),
  /** seconds one answer may take in all, however steadily it streams */
  turnTimeoutSec: z.number().min(1).max(3600).default(600)
})

export const speechPresets = ['openai', 'groq', 'local', 'custom'] as const

/**
 * `speech.engine: 'provider'`: a voice from an OpenAI-compatible
 * `POST {baseUrl}/audio/speech`. Its key is the one saved for baseUrl's
 * origin (its own 'speech' key, else the chat provider's on the same host; or
 * OPENAI_API_KEY when that origin is OPENAI_BASE_URL's), looked up at each request. The speed is `speech.rate`; `speech.voice` stays the system
 * voice's, which speaks when the endpoint fails.
 */
export const ProviderSpeechSettings = z.object({
  preset: z.enum(speechPresets).default('openai'),
  baseUrl: httpUrl.default('https://api.openai.com/v1'),
  model: z.string().max(200).default('gpt-4o-mini-tts'),
  voice: z.string().max(200).default('coral'),
  /** how the voice should sound, for models that take instructions (gpt-4o-mini-tts) */
  instructions: z.string().max(4000).default(''),
  format: z.enum(['pcm', 'wav']).default('pcm')
})

export const SpeechSettings = z.object({
  enabled: z.boolean().default(true),
  engine: z.enum(ttsEngines).default('auto'),
  voice: z.string().default(''),
  /** 1 is the engine's normal speed */
  rate: z.number().min(0.5).max(2).default(1),
  firstFragment: z.boolean().default(true),
  muted: z.boolean().default(false),
  provider: ProviderSpeechSettings.prefault({})
})

export const VoiceInputSettings = z.object({
  /** empty: same as the chat provider */
  sttBaseUrl: z.union([z.literal(''), httpUrl]).default(''),
  sttModel: z.string().default('whisper-1'),
  language: z.string().default(''),
  recorder: z.enum(recorderSettings).default('auto'),
  /** empty: the system default input */
  device: z
    .string()
    .regex(recorderDevicePattern, 'An input device must be one of the names the recorder lists.')
    .default(''),
  /** trailing silence that ends a spoken question; the smart policy halves it after a finished sentence */
  silenceMs: z.number().int().min(300).max(10000).default(800),
  /**
   * 'smart': transcribe at each pause and end the turn sooner after a finished
   * sentence, later when it trails off (more speech-to-text requests);
   * 'fixed': always wait silenceMs, then transcribe once.
   */
  endOfTurn: z.enum(endOfTurnPolicies).default('smart'),
  maxSeconds: z.number().min(2).max(300).default(30),
  chimes: z.boolean().default(true),
  /** Talk mode ends after this long without a word from the user */
  talkQuietSeconds: z.number().min(3).max(300).default(12),
  target: z.enum(['current', 'new']).default('current')
})

export const HotkeySettings = z.object({
  pushToTalk: z.string().default('CommandOrControl+Shift+Space'),
  /** starts and ends Talk mode, barge-in while Hark answers; empty: none (set it in Settings) */
  talk: z.string().default(''),
  quickPrompt: z.string().default('CommandOrControl+Shift+K')
})

export const QuickPromptSettings = z.object({
  hideOnBlur: z.boolean().default(true),
  saveTo: z.enum(['quick-conversation', 'new-conversation']).default('quick-conversation')
})

export const Settings = z.object({
  version: z.literal(1).default(1),
  provider: ProviderSettings.prefault({}),
  speech: SpeechSettings.prefault({}),
  voiceInput: VoiceInputSettings.prefault({}),
  hotkeys: HotkeySettings.prefault({}),
  quickPrompt: QuickPromptSettings.prefault({}),
  systemPrompt: z
    .string()
    .max(20000)
    .default('You are Hark, a concise, friendly voice assistant. Answers are read aloud, so prefer short sentences.'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** after the first answer, ask the model for a short title (off: the first line of the first question) */
  autoTitle: z.boolean().default(true),
  startAtLogin: z.boolean().default(false),
  /**
   * Linux: closing the window (and starting at login) leaves Hark in the tray.
   * Off by default: Electron cannot tell whether the desktop shows tray icons.
   */
  keepRunningInTray: z.boolean().default(false)
})

export type Settings = z.infer<typeof Settings>
export type SettingsInput = z.input<typeof Settings>

export function defaultSettings(): Settings {
  return Settings.parse({})
}
