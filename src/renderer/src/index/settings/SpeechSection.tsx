import { useEffect, useState } from 'react'
import { ttsEngines, type Settings } from '@shared/settings'
import { takesInstructions } from '@shared/speech-presets'
import type { SettingsPatch } from './use-settings'
import { CheckSetting, SelectSetting, TextSetting } from './SettingFields'
import { FieldRow } from './FieldRow'
import { ProviderVoiceFields } from './ProviderVoiceFields'
import { VoicePreview } from './VoicePreview'

const engineLabel = (e: string): string =>
  e === 'auto' ? 'Automatic' : e === 'none' ? 'None' : e === 'provider' ? 'Provider voice (/audio/speech)' : e

/**
 * Voice on/off, engine, voice (from the engine's list when it has one), rate,
 * first fragment; for a provider voice, its endpoint, model and key.
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
  // a key saved for the endpoint may unlock its own list of voices
  const [keysSaved, setKeysSaved] = useState(0)

  useEffect(() => setRate(s.rate), [s.rate])
  useEffect(() => {
    let alive = true
    void window.hark.invoke('speech.voices', {}).then(
      (r) => alive && setVoices(r.voices),
      () => alive && setVoices([])
    )
    return () => void (alive = false)
  }, [s.engine, s.provider.baseUrl, s.provider.preset, keysSaved])
  const provider = s.engine === 'provider'
  const voice = provider ? s.provider.voice : s.voice
  const saveVoice = (v: string): void => void save({ speech: provider ? { provider: { voice: v } } : { voice: v } })
  const voicePath = provider ? 'speech.provider.voice' : 'speech.voice'

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
      {provider && (
        <ProviderVoiceFields
          voice={s.provider}
          chatBaseUrl={settings.provider.baseUrl}
          save={save}
          onKeyStored={() => setKeysSaved((n) => n + 1)}
        />
      )}
      {voices.length > 0 ? (
        <FieldRow label="Voice" htmlFor="speech-voice">
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
        </FieldRow>
      ) : (
        <TextSetting
          label="Voice"
          path={voicePath}
          value={voice}
          placeholder="Default voice"
          testId="speech-voice"
          onSave={saveVoice}
        />
      )}
      <FieldRow
        label={`Rate: ${rate.toFixed(2)}×`}
        htmlFor="speech-rate"
        hint={
          provider &&
          takesInstructions(s.provider.model) &&
          'If this voice ignores the rate, ask for a pace in Instructions (for example “speak briskly”).'
        }
      >
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
