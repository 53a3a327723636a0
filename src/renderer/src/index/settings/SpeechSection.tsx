import { useEffect, useState } from 'react'
import { speechPresets, ttsEngines, type Settings } from '@shared/settings'
import { SPEECH_PRESETS } from '@shared/speech-presets'
import type { SettingsPatch } from './use-settings'

type Save = (p: SettingsPatch) => Promise<boolean>

const engineLabel = (e: string): string =>
  e === 'auto' ? 'Automatic' : e === 'none' ? 'None' : e === 'provider' ? 'Provider voice (/audio/speech)' : e

/**
 * Voice on/off, engine, voice (from the engine's list when it has one), rate,
 * first fragment; for a provider voice, its endpoint. Its key is the one
 * saved for that endpoint's origin.
 */
export function SpeechSection({
  settings,
  save
}: {
  settings: Settings
  save: (p: SettingsPatch) => Promise<boolean>
}): React.JSX.Element {
  const s = settings.speech
  const [voices, setVoices] = useState<string[]>([])
  const [rate, setRate] = useState(s.rate)

  useEffect(() => setRate(s.rate), [s.rate])
  useEffect(() => {
    let alive = true
    void window.hark.invoke('speech.voices', {}).then(
      (r) => alive && setVoices(r.voices),
      () => alive && setVoices([])
    )
    return () => void (alive = false)
  }, [s.engine, s.provider.baseUrl, s.provider.preset])
  const provider = s.engine === 'provider'
  const voice = provider ? s.provider.voice : s.voice
  const saveVoice = (v: string): void => void save({ speech: provider ? { provider: { voice: v } } : { voice: v } })

  return (
    <section className="settings-section">
      <h2>Speech</h2>
      <label className="field check">
        <input
          type="checkbox"
          checked={s.enabled}
          data-testid="speech-enabled"
          onChange={(e) => void save({ speech: { enabled: e.target.checked } })}
        />
        <span>Speak answers aloud</span>
      </label>
      <label className="field">
        <span className="label">Engine</span>
        <select
          value={s.engine}
          data-testid="speech-engine"
          onChange={(e) => void save({ speech: { engine: e.target.value } })}
        >
          {ttsEngines.map((e) => (
            <option key={e} value={e}>
              {engineLabel(e)}
            </option>
          ))}
        </select>
      </label>
      {provider && <ProviderVoiceFields settings={s.provider} save={save} />}
      <label className="field">
        <span className="label">Voice</span>
        {voices.length > 0 ? (
          <select value={voice} data-testid="speech-voice" onChange={(e) => saveVoice(e.target.value)}>
            {!provider && <option value="">Default</option>}
            {voices.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : (
          <input
            value={voice}
            placeholder="Default voice"
            data-testid="speech-voice"
            onChange={(e) => saveVoice(e.target.value)}
          />
        )}
      </label>
      <label className="field">
        <span className="label">Rate: {rate.toFixed(2)}×</span>
        <input
          type="range"
          min={0.5}
          max={2}
          step={0.05}
          value={rate}
          data-testid="speech-rate"
          onChange={(e) => setRate(Number(e.target.value))}
          onPointerUp={() => void save({ speech: { rate } })}
          onKeyUp={() => void save({ speech: { rate } })}
        />
      </label>
      <label className="field check">
        <input
          type="checkbox"
          checked={s.firstFragment}
          data-testid="speech-first-fragment"
          onChange={(e) => void save({ speech: { firstFragment: e.target.checked } })}
        />
        <span>Start speaking with the first phrase, before a sentence is complete</span>
      </label>
    </section>
  )
}

/** Endpoint, model and instructions of a provider voice; choosing a preset fills in its defaults. */
function ProviderVoiceFields({
  settings: p,
  save
}: {
  settings: Settings['speech']['provider']
  save: Save
}): React.JSX.Element {
  const field = (patch: Partial<Settings['speech']['provider']>): void => void save({ speech: { provider: patch } })
  return (
    <>
      <label className="field">
        <span className="label">Voice provider</span>
        <select
          value={p.preset}
          data-testid="speech-provider-preset"
          onChange={(e) => {
            const preset = SPEECH_PRESETS[e.target.value as (typeof speechPresets)[number]]
            const keep = e.target.value === 'custom'
            field({
              preset: e.target.value as (typeof speechPresets)[number],
              ...(keep
                ? {}
                : { baseUrl: preset.baseUrl, model: preset.model, voice: preset.voice, format: preset.format })
            })
          }}
        >
          {speechPresets.map((id) => (
            <option key={id} value={id}>
              {SPEECH_PRESETS[id].label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">Speech endpoint</span>
        <input
          value={p.baseUrl}
          placeholder="http://127.0.0.1:8880/v1"
          data-testid="speech-provider-base-url"
          onChange={(e) => field({ baseUrl: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="label">Model</span>
        <input value={p.model} data-testid="speech-provider-model" onChange={(e) => field({ model: e.target.value })} />
      </label>
      <label className="field">
        <span className="label">Instructions (models that take them)</span>
        <input
          value={p.instructions}
          placeholder="e.g. Speak warmly and briskly."
          data-testid="speech-provider-instructions"
          onChange={(e) => field({ instructions: e.target.value })}
        />
      </label>
    </>
  )
}
