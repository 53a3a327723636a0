import { useEffect, useState } from 'react'
import type { PresetSummary, ProviderTestResult } from '@shared/ipc/provider'
import type { Settings } from '@shared/settings'
import { ApiKeyField } from './ApiKeyField'
import { useFieldError } from './FieldError'
import { CheckSetting, NumberSetting, SelectSetting } from './SettingFields'
import { FieldRow } from './FieldRow'
import type { SettingsPatch } from './use-settings'
import { messageOf } from '../../shared/message-of'

interface Props {
  settings: Settings
  save: (patch: SettingsPatch) => Promise<boolean>
}

/** One tiny request (to the saved provider unless `run` is given another); `run` also resolves to the result. */
export function useProviderTest(): {
  test: ProviderTestResult | 'running' | null
  run: (request?: () => Promise<ProviderTestResult>) => Promise<ProviderTestResult>
} {
  const [test, setTest] = useState<ProviderTestResult | 'running' | null>(null)
  const run = async (
    request = (): Promise<ProviderTestResult> => window.hark.invoke('provider.test', {})
  ): Promise<ProviderTestResult> => {
    setTest('running')
    const result = await request().catch((err: unknown) => ({ ok: false, message: messageOf(err), ms: 0 }))
    setTest(result)
    return result
  }
  return { test, run }
}

export function usePresets(): PresetSummary[] {
  const [presets, setPresets] = useState<PresetSummary[]>([])
  useEffect(() => {
    void window.hark.invoke('provider.presets', {}).then(setPresets, () => setPresets([]))
  }, [])
  return presets
}

/** Preset, base URL, model (picked from the endpoint's list when it has one), key, test. */
export function ProviderSection({ settings, save }: Props): React.JSX.Element {
  const p = settings.provider
  const presets = usePresets()
  const [baseUrl, setBaseUrl] = useState(p.baseUrl)
  const [model, setModel] = useState(p.model)
  const [models, setModels] = useState<string[]>([])
  const [modelsError, setModelsError] = useState<string | null>(null)
  const { test, run: runTest } = useProviderTest()
  const baseUrlError = useFieldError('provider.baseUrl')

  useEffect(() => setBaseUrl(p.baseUrl), [p.baseUrl])
  useEffect(() => setModel(p.model), [p.model])

  const loadModels = async (): Promise<void> => {
    setModelsError(null)
    try {
      setModels((await window.hark.invoke('models.list', {})).models)
    } catch (err) {
      setModels([])
      setModelsError(messageOf(err))
    }
  }

  const choosePreset = (id: string): void => {
    const preset = presets.find((x) => x.id === id)
    if (!preset) return
    setModels([])
    void save({ provider: { preset: preset.id, baseUrl: preset.baseUrl, model: preset.defaultModel || p.model } })
  }

  return (
    <section className="settings-section" id="settings-provider">
      <h2>Provider</h2>
      <SelectSetting
        label="Preset"
        value={p.preset}
        options={presets.map((x) => [x.id, x.label] as const)}
        testId="provider-preset"
        onSave={choosePreset}
      />
      <FieldRow label="Base URL" htmlFor="provider-base-url" error={baseUrlError.message}>
        <input
          id="provider-base-url"
          value={baseUrl}
          data-testid="provider-base-url"
          {...baseUrlError.inputProps}
          onChange={(e) => setBaseUrl(e.target.value)}
          onBlur={() => baseUrl !== p.baseUrl && void save({ provider: { baseUrl: baseUrl.trim() } })}
        />
      </FieldRow>
      <FieldRow
        label="Model"
        htmlFor="provider-model"
        hint={models.length > 0 && `${models.length} models available: pick one from the list or type a name.`}
        error={modelsError && <p className="field-error">{modelsError}</p>}
      >
        <div className="inline">
          <input
            id="provider-model"
            list="model-options"
            value={model}
            data-testid="provider-model"
            onChange={(e) => setModel(e.target.value)}
            onBlur={() => model.trim() && model !== p.model && void save({ provider: { model: model.trim() } })}
          />
          <datalist id="model-options">
            {models.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          <button type="button" data-testid="load-models" onClick={() => void loadModels()}>
            List models
          </button>
        </div>
      </FieldRow>
      <CheckSetting
        label="Stream answers as they are written"
        checked={p.streaming}
        testId="provider-streaming"
        onSave={(streaming) => void save({ provider: { streaming } })}
      />
      <ProviderTimeouts provider={p} save={save} />
      <ApiKeyField provider={p.preset} />
      <div className="inline">
        <button type="button" data-testid="provider-test" onClick={() => void runTest()} disabled={test === 'running'}>
          {test === 'running' ? 'Testing…' : 'Test connection'}
        </button>
        {test && test !== 'running' && (
          <span className={test.ok ? 'ok' : 'field-error'} data-testid="provider-test-result" role="status">
            {test.message}
          </span>
        )}
      </div>
    </section>
  )
}

/** How long Hark waits: to connect, through a silent stream, and for a whole answer. */
type TimeoutKey = 'connectTimeoutSec' | 'idleTimeoutSec' | 'turnTimeoutSec'

const TIMEOUTS: Array<{ key: TimeoutKey; label: string; max: number; testId: string }> = [
  { key: 'connectTimeoutSec', label: 'Give up connecting after', max: 300, testId: 'provider-connect-timeout' },
  {
    key: 'idleTimeoutSec',
    label: 'Call a stream stalled after a silence of',
    max: 600,
    testId: 'provider-idle-timeout'
  },
  { key: 'turnTimeoutSec', label: 'Longest time for one answer', max: 3600, testId: 'provider-turn-timeout' }
]

function ProviderTimeouts({
  provider: p,
  save
}: {
  provider: Settings['provider']
  save: Props['save']
}): React.JSX.Element {
  const set = (patch: Partial<Settings['provider']>): void => void save({ provider: patch })
  return (
    <fieldset className="field-group">
      <legend>Timeouts</legend>
      {TIMEOUTS.map(({ key, label, max, testId }) => (
        <NumberSetting
          key={key}
          label={label}
          path={`provider.${key}`}
          value={p[key]}
          unit={`seconds (1 to ${max})`}
          min={1}
          max={max}
          testId={testId}
          onSave={(seconds) => set({ [key]: seconds })}
        />
      ))}
    </fieldset>
  )
}
