import { useEffect, useState } from 'react'
import type { Settings } from '@shared/settings'
import type { SettingsPatch } from './use-settings'
import { CheckSetting, RangeSetting, SelectSetting, TextSetting } from './SettingFields'
import { MicTest } from './MicTest'

type VoiceInput = Settings['voiceInput']
type Save = (p: SettingsPatch) => Promise<boolean>

const RECORDERS = [
  ['auto', 'Automatic'],
  ['arecord', 'arecord (ALSA)'],
  ['sox', 'sox'],
  ['rec', 'rec']
] as const
const TARGETS = [
  ['current', 'The conversation on screen'],
  ['new', 'A new conversation']
] as const

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
    <SelectSetting
      label="Input device"
      value={shown}
      options={[
        ...devices.map((d) => [d, d === 'default' ? 'System default' : d] as const),
        ...(devices.includes(shown) ? [] : [[shown, `${shown} (not listed now)`] as const])
      ]}
      testId="voice-device"
      onSave={(d) => onSave(d === 'default' ? '' : d)}
    />
  )
}

/** Push-to-talk: where speech is transcribed, how recording ends, and where the question goes. */
export function VoiceInputSection({ settings, save }: { settings: Settings; save: Save }): React.JSX.Element {
  const v = settings.voiceInput
  const set = (patch: Partial<VoiceInput>): void => void save({ voiceInput: patch })
  return (
    <section className="settings-section" aria-labelledby="settings-voice-input">
      <h2 id="settings-voice-input">Voice input</h2>
      <TextSetting
        label="Speech-to-text endpoint"
        value={v.sttBaseUrl}
        placeholder="Same as the chat provider"
        path="voiceInput.sttBaseUrl"
        testId="stt-base-url"
        onSave={(sttBaseUrl) => set({ sttBaseUrl })}
      />
      <TextSetting
        label="Speech-to-text model"
        value={v.sttModel}
        placeholder="whisper-1"
        path="voiceInput.sttModel"
        testId="stt-model"
        onSave={(sttModel) => set({ sttModel: sttModel || 'whisper-1' })}
      />
      <TextSetting
        label="Language (ISO code, empty to detect)"
        value={v.language}
        placeholder="e.g. en"
        path="voiceInput.language"
        testId="stt-language"
        onSave={(language) => set({ language })}
      />
      <SelectSetting
        label="Recorder"
        value={v.recorder}
        options={RECORDERS}
        testId="voice-recorder"
        onSave={(recorder) => set({ recorder })}
      />
      <DeviceSetting recorder={v.recorder} device={v.device} onSave={(device) => set({ device })} />
      <MicTest />
      <RangeSetting
        label={`Stop after ${(v.silenceMs / 1000).toFixed(1)} s of silence`}
        value={v.silenceMs}
        min={300}
        max={5000}
        step={100}
        testId="voice-silence"
        onSave={(silenceMs) => set({ silenceMs })}
      />
      <CheckSetting
        label="Smart end of turn: transcribe at each pause, stop after half that silence when a sentence is finished and wait twice as long when it trails off (sends more speech-to-text requests)"
        checked={v.endOfTurn === 'smart'}
        testId="voice-end-of-turn"
        onSave={(smart) => set({ endOfTurn: smart ? 'smart' : 'fixed' })}
      />
      <RangeSetting
        label={`Longest recording: ${v.maxSeconds} s`}
        value={v.maxSeconds}
        min={5}
        max={120}
        step={5}
        testId="voice-max-seconds"
        onSave={(maxSeconds) => set({ maxSeconds })}
      />
      <RangeSetting
        label={`Talk mode ends after ${v.talkQuietSeconds} s without a word`}
        value={v.talkQuietSeconds}
        min={5}
        max={60}
        step={1}
        testId="voice-talk-quiet"
        onSave={(talkQuietSeconds) => set({ talkQuietSeconds })}
      />
      <CheckSetting
        label="Play a chime when listening starts and stops"
        checked={v.chimes}
        testId="voice-chimes"
        onSave={(chimes) => set({ chimes })}
      />
      <SelectSetting
        label="Spoken questions go to"
        value={v.target}
        options={TARGETS}
        testId="voice-target"
        onSave={(target) => set({ target })}
      />
    </section>
  )
}
