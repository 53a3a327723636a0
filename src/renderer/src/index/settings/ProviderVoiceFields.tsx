import { speechPresets, type Settings } from '@shared/settings'
import { SPEECH_PRESETS, takesInstructions, type SpeechPresetId } from '@shared/speech-presets'
import { originOf } from '@shared/url-origin'
import { ApiKeyField } from './ApiKeyField'
import { SelectSetting, TextSetting } from './SettingFields'
import type { SettingsPatch } from './use-settings'

type ProviderVoice = Settings['speech']['provider']

/**
 * Endpoint, model, key and instructions of a provider voice; choosing a
 * preset fills in its defaults. Text is saved when its field loses focus, so
 * a half-typed address is neither refused mid-word nor asked for voices. The
 * key field shows when the endpoint is not the chat provider's origin (there
 * the chat key serves); Instructions only for models that take them.
 */
export function ProviderVoiceFields({
  voice: p,
  chatBaseUrl,
  save,
  onKeyStored
}: {
  voice: ProviderVoice
  chatBaseUrl: string
  save: (patch: SettingsPatch) => Promise<boolean>
  onKeyStored: () => void
}): React.JSX.Element {
  const field = (patch: Partial<ProviderVoice>): void => void save({ speech: { provider: patch } })
  const choosePreset = (id: SpeechPresetId): void => {
    const preset = SPEECH_PRESETS[id]
    const keep = id === 'custom'
    field({
      preset: id,
      ...(keep ? {} : { baseUrl: preset.baseUrl, model: preset.model, voice: preset.voice, format: preset.format })
    })
  }
  const ownOrigin = originOf(p.baseUrl) !== originOf(chatBaseUrl)
  return (
    <>
      <SelectSetting
        label="Voice provider"
        value={p.preset}
        options={speechPresets.map((id) => [id, SPEECH_PRESETS[id].label] as const)}
        testId="speech-provider-preset"
        onSave={choosePreset}
      />
      <TextSetting
        label="Speech endpoint"
        path="speech.provider.baseUrl"
        value={p.baseUrl}
        placeholder="http://127.0.0.1:8880/v1"
        hint={!ownOrigin && 'The same host as the chat provider: its key (Settings → Provider) is used.'}
        testId="speech-provider-base-url"
        onSave={(baseUrl) => field({ baseUrl })}
      />
      {ownOrigin && (
        <div data-testid="speech-key">
          <ApiKeyField provider="speech" onStored={onKeyStored} />
          <p className="hint">Only sent to {originOf(p.baseUrl) ?? 'this endpoint'}. Local servers need none.</p>
        </div>
      )}
      <TextSetting
        label="Model"
        path="speech.provider.model"
        value={p.model}
        testId="speech-provider-model"
        onSave={(model) => field({ model })}
      />
      {takesInstructions(p.model) && (
        <TextSetting
          label="Instructions"
          path="speech.provider.instructions"
          value={p.instructions}
          placeholder="e.g. Speak warmly and briskly."
          hint="How the voice should sound: tone, accent, pace."
          testId="speech-provider-instructions"
          onSave={(instructions) => field({ instructions })}
        />
      )}
    </>
  )
}
