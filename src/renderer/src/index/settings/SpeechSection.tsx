import { useEffect, useState } from 'react'
import { ttsEngines, type Settings } from '@shared/settings'
import type { SettingsPatch } from './use-settings'

/** Voice on/off, engine, voice (from the engine's list when it has one), rate, first fragment. */
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
  }, [s.engine])

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
              {e === 'auto' ? 'Automatic' : e === 'none' ? 'None' : e}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="label">Voice</span>
        {voices.length > 0 ? (
          <select
            value={s.voice}
            data-testid="speech-voice"
            onChange={(e) => void save({ speech: { voice: e.target.value } })}
          >
            <option value="">Default</option>
            {voices.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : (
          <input
            value={s.voice}
            placeholder="Default voice"
            data-testid="speech-voice"
            onChange={(e) => void save({ speech: { voice: e.target.value } })}
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
