import { useEffect, useState } from 'react'
import { speechPresets, ttsEngines, type Settings } from '@shared/settings'
import { SPEECH_PRESETS } from '@shared/speech-presets'
import type { SettingsPatch } from './use-settings'
import { CheckSetting, SelectSetting } from './SettingFields'
import { FieldRow } from './FieldRow'
import { VoicePreview } from './VoicePreview'

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
    <section className="settings-section" aria-labelledby="settings-speech">
      <h2 id="settings-speech">Speech</h2>
      <CheckSetting
        label="Speak answers aloud"
        checked={s.enabled}
        testId="speech-enabled"
        onSave={(enabled) => void save({ speech: { enabled } })}
      />
      <CheckSetting
        label="Mute (answers stay written; the tray can unmute)"
        checked={s.muted}
        testId="speech-muted"
        onSave={(muted) => void save({ speech: { muted } })}
      />
      <SelectSetting
        label="Engine"
        value={s.engine}
        options={ttsEngines.map((e) => [e, engineLabel(e)] as const)}
        testId="speech-engine"
        onSave={(engine) => void save({ speech: { engine } })}
      />
      {provider && <ProviderVoiceFields settings={s.provider} save={save} />}
      <FieldRow label="Voice" htmlFor="speech-voice">
        {voices.length > 0 ? (
          <select
            id="speech-voice"
            value={voice}
            data-testid="speech-voice"
            onChange={(e) => saveVoice(e.target.value)}
          >
            {!provider && <option value="">Default</option>}
            {voices.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : (
          <input
            id="speech-voice"
            value={voice}
            placeholder="Default voice"
            data-testid="speech-voice"
            onChange={(e) => saveVoice(e.target.value)}
          />
        )}
      </FieldRow>
      <FieldRow label={`Rate: ${rate.toFixed(2)}×`} htmlFor="speech-rate">
        <input
          id="speech-rate"
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
      </FieldRow>
      <VoicePreview
        blocked={
          !s.enabled
            ? 'Speech is off.'
            : s.muted
              ? 'Speech is muted.'
              : s.engine === 'none'
                ? 'No engine is chosen.'
                : null
        }
      />
      <CheckSetting
        label="Start speaking with the first phrase, before a sentence is complete"
        checked={s.firstFragment}
        testId="speech-first-fragment"
        onSave={(firstFragment) => void save({ speech: { firstFragment } })}
      />
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
      <FieldRow label="Voice provider" htmlFor="speech-provider-preset">
        <select
          id="speech-provider-preset"
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
      </FieldRow>
      <FieldRow label="Speech endpoint" htmlFor="speech-provider-base-url">
        <input
          id="speech-provider-base-url"
          value={p.baseUrl}
          placeholder="http://127.0.0.1:8880/v1"
          data-testid="speech-provider-base-url"
          onChange={(e) => field({ baseUrl: e.target.value })}
        />
      </FieldRow>
      <FieldRow label="Model" htmlFor="speech-provider-model">
        <input
          id="speech-provider-model"
          value={p.model}
          data-testid="speech-provider-model"
          onChange={(e) => field({ model: e.target.value })}
        />
      </FieldRow>
      <FieldRow label="Instructions (models that take them)" htmlFor="speech-provider-instructions">
        <input
          id="speech-provider-instructions"
          value={p.instructions}
          placeholder="e.g. Speak warmly and briskly."
          data-testid="speech-provider-instructions"
          onChange={(e) => field({ instructions: e.target.value })}
        />
      </FieldRow>
    </>
  )
}
