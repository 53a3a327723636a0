import { useEffect, useState } from 'react'
import type { Settings } from '@shared/settings'
import type { SettingsPatch } from './use-settings'

type VoiceInput = Settings['voiceInput']
type Save = (p: SettingsPatch) => Promise<boolean>

/** A text setting saved when the field loses focus, not on every keystroke. */
function TextSetting({
  label,
  value,
  placeholder,
  testId,
  onSave
}: {
  label: string
  value: string
  placeholder?: string
  testId: string
  onSave: (v: string) => void
}): React.JSX.Element {
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  return (
    <label className="field">
      <span className="label">{label}</span>
      <input
        value={draft}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== value && onSave(draft.trim())}
      />
    </label>
  )
}

/** The input devices the recorder lists: the only ones main accepts, so a select rather than free text. */
function DeviceSetting({
  recorder,
  device,
  onSave
}: {
  recorder: VoiceInput['recorder']
  device: string
  onSave: (device: string) => void
}): React.JSX.Element {
  const [devices, setDevices] = useState<string[]>(['default'])
  useEffect(() => {
    let live = true
    window.hark.invoke('voiceInput.devices', { recorder }).then(
      (r) => live && setDevices(r.devices),
      () => live && setDevices(['default'])
    )
    return () => {
      live = false
    }
  }, [recorder])
  const shown = device === '' ? 'default' : device
  return (
    <label className="field">
      <span className="label">Input device</span>
      <select
        value={shown}
        data-testid="voice-device"
        onChange={(e) => onSave(e.target.value === 'default' ? '' : e.target.value)}
      >
        {devices.map((d) => (
          <option key={d} value={d}>
            {d === 'default' ? 'System default' : d}
          </option>
        ))}
        {!devices.includes(shown) && <option value={shown}>{shown} (not listed now)</option>}
      </select>
    </label>
  )
}

/** Push-to-talk: where speech is transcribed, how recording ends, and where the question goes. */
export function VoiceInputSection({ settings, save }: { settings: Settings; save: Save }): React.JSX.Element {
  const v = settings.voiceInput
  const set = (patch: Partial<VoiceInput>): void => void save({ voiceInput: patch })
  return (
    <section className="settings-section">
      <h2>Voice input</h2>
      <TextSetting
        label="Speech-to-text endpoint"
        value={v.sttBaseUrl}
        placeholder="Same as the chat provider"
        testId="stt-base-url"
        onSave={(sttBaseUrl) => set({ sttBaseUrl })}
      />
      <TextSetting
        label="Speech-to-text model"
        value={v.sttModel}
        placeholder="whisper-1"
        testId="stt-model"
        onSave={(sttModel) => set({ sttModel: sttModel || 'whisper-1' })}
      />
      <TextSetting
        label="Language (ISO code, empty to detect)"
        value={v.language}
        placeholder="e.g. en"
        testId="stt-language"
        onSave={(language) => set({ language })}
      />
      <label className="field">
        <span className="label">Recorder</span>
        <select
          value={v.recorder}
          data-testid="voice-recorder"
          onChange={(e) => set({ recorder: e.target.value as VoiceInput['recorder'] })}
        >
          <option value="auto">Automatic</option>
          <option value="arecord">arecord (ALSA)</option>
          <option value="sox">sox</option>
          <option value="rec">rec</option>
        </select>
      </label>
      <DeviceSetting recorder={v.recorder} device={v.device} onSave={(device) => set({ device })} />
      <label className="field">
        <span className="label">Stop after {(v.silenceMs / 1000).toFixed(1)} s of silence</span>
        <input
          type="range"
          min={300}
          max={5000}
          step={100}
          value={v.silenceMs}
          data-testid="voice-silence"
          onChange={(e) => set({ silenceMs: Number(e.target.value) })}
        />
      </label>
      <label className="field check">
        <input
          type="checkbox"
          checked={v.endOfTurn === 'smart'}
          data-testid="voice-end-of-turn"
          onChange={(e) => set({ endOfTurn: e.target.checked ? 'smart' : 'fixed' })}
        />
        <span>
          Smart end of turn: transcribe at each pause, stop after half that silence when a sentence is finished and wait
          twice as long when it trails off (sends more speech-to-text requests)
        </span>
      </label>
      <label className="field">
        <span className="label">Longest recording: {v.maxSeconds} s</span>
        <input
          type="range"
          min={5}
          max={120}
          step={5}
          value={v.maxSeconds}
          data-testid="voice-max-seconds"
          onChange={(e) => set({ maxSeconds: Number(e.target.value) })}
        />
      </label>
      <label className="field check">
        <input
          type="checkbox"
          checked={v.chimes}
          data-testid="voice-chimes"
          onChange={(e) => set({ chimes: e.target.checked })}
        />
        <span>Play a chime when listening starts and stops</span>
      </label>
      <label className="field">
        <span className="label">Spoken questions go to</span>
        <select
          value={v.target}
          data-testid="voice-target"
          onChange={(e) => set({ target: e.target.value as VoiceInput['target'] })}
        >
          <option value="current">The conversation on screen</option>
          <option value="new">A new conversation</option>
        </select>
      </label>
    </section>
  )
}
