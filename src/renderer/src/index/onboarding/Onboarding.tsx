import { useEffect, useState } from 'react'
import type { LocalServerInfo } from '@shared/ipc/provider'
import type { ProviderPreset } from '@shared/settings'
import { ApiKeyField } from '../settings/ApiKeyField'
import { usePresets, useProviderTest } from '../settings/ProviderSection'
import { messageOf } from '../../shared/message-of'
import { ProviderChoices } from './ProviderChoices'

type Step = 'provider' | 'key' | 'test' | 'hello'

/** First run: pick a provider, paste a key, prove it works with one tiny request, hear a hello. */
export default function Onboarding({ onDone }: { onDone: () => void }): React.JSX.Element {
  const presets = usePresets()
  const [servers, setServers] = useState<LocalServerInfo[]>([])
  const [step, setStep] = useState<Step>('provider')
  const [preset, setPreset] = useState<ProviderPreset>('openai')
  const { test, run } = useProviderTest()
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void window.hark.invoke('setup.status', {}).then(
      (s) => setServers(s.servers),
      () => setServers([])
    )
  }, [])

  const choose = async (id: ProviderPreset, baseUrl?: string, model?: string): Promise<void> => {
    const info = presets.find((p) => p.id === id)
    if (!info) return
    try {
      await window.hark.invoke('settings.set', {
        provider: { preset: id, baseUrl: baseUrl ?? info.baseUrl, model: model || info.defaultModel || 'default' }
      })
      setPreset(id)
      setError(null)
      setStep(info.needsKey ? 'key' : 'test')
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const runTest = async (): Promise<void> => {
    if ((await run()).ok) setStep('hello')
  }

  const info = presets.find((p) => p.id === preset)
  return (
    <section className="onboarding" data-testid="onboarding">
      <h1>Welcome to Hark</h1>
      <p className="lead">Hark speaks its answers while it thinks. Connect it to a model to begin.</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}

      {step === 'provider' && (
        <ProviderChoices presets={presets} servers={servers} choose={(...a) => void choose(...a)} />
      )}

      {step === 'key' && (
        <div className="step">
          <h2>Paste your {info?.label} key</h2>
          {info?.keyUrl && <p className="hint">Get one at {info.keyUrl}</p>}
          <ApiKeyField provider={preset} onStored={() => setStep('test')} />
        </div>
      )}

      {step === 'test' && (
        <div className="step">
          <h2>Test it</h2>
          <p className="hint">Hark sends one tiny request to check the connection.</p>
          <button
            type="button"
            className="primary"
            data-testid="onboarding-test"
            disabled={test === 'running'}
            onClick={() => void runTest()}
          >
            {test === 'running' ? 'Testing…' : 'Send a test request'}
          </button>
          {test && test !== 'running' && !test.ok && (
            <p className="field-error" role="alert" data-testid="onboarding-test-error">
              {test.message}
            </p>
          )}
        </div>
      )}

      {step === 'hello' && (
        <div className="step">
          <h2>It works</h2>
          <p data-testid="onboarding-test-ok">{test && test !== 'running' ? test.message : ''}</p>
          <button
            type="button"
            data-testid="onboarding-hello"
            onClick={() => void window.hark.invoke('speech.say', { text: 'Hello! I am Hark. Ask me anything.' })}
          >
            🔊 Say hello
          </button>
          <button type="button" className="primary" data-testid="onboarding-done" onClick={onDone}>
            Start asking
          </button>
        </div>
      )}

      <div className="onboarding-footer">
        {step !== 'provider' && step !== 'hello' && (
          <button type="button" onClick={() => setStep('provider')}>
            Back
          </button>
        )}
        <button type="button" className="link" data-testid="onboarding-skip" onClick={onDone}>
          Skip for now
        </button>
      </div>
    </section>
  )
}
