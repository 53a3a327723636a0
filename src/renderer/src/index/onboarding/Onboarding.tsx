import { useEffect, useState } from 'react'
import type { LocalServerInfo, ProviderConnectResult } from '@shared/ipc/provider'
import type { KeyInfo } from '@shared/ipc/settings'
import type { ProviderPreset } from '@shared/settings'
import { ApiKeyField } from '../settings/ApiKeyField'
import { usePresets, useProviderTest } from '../settings/ProviderSection'
import { ProviderChoices } from './ProviderChoices'

type Step = 'provider' | 'key' | 'test' | 'hello'
type Choice = { preset: ProviderPreset; baseUrl: string; model: string }

/** First run: pick a provider, paste a key, prove it works with one tiny request, hear a hello. */
export default function Onboarding({ onDone }: { onDone: () => void }): React.JSX.Element {
  const presets = usePresets()
  const [servers, setServers] = useState<LocalServerInfo[]>([])
  const [step, setStep] = useState<Step>('provider')
  // Held here until the test passes: nothing reaches settings.json or the key store before.
  const [choice, setChoice] = useState<Choice | null>(null)
  const [passed, setPassed] = useState('')
  const { test, run } = useProviderTest()

  useEffect(() => {
    void window.hark.invoke('setup.status', {}).then(
      (s) => setServers(s.servers),
      () => setServers([])
    )
  }, [])

  const choose = (id: ProviderPreset, baseUrl?: string, model?: string): void => {
    const info = presets.find((p) => p.id === id)
    if (!info) return
    setChoice({ preset: id, baseUrl: baseUrl ?? info.baseUrl, model: model || info.defaultModel || 'default' })
    setStep(info.needsKey ? 'key' : 'test')
  }

  const connect = async (key?: string, allowPlainText = false): Promise<ProviderConnectResult> => {
    if (!choice) throw new Error('Choose a provider first.')
    const result = await window.hark.invoke('provider.connect', {
      ...choice,
      allowPlainText,
      ...(key ? { key } : {})
    })
    if (result.ok) setPassed(result.message)
    return result
  }

  // A refused key is thrown, so the field keeps it and shows the reason.
  const testAndStoreKey = async (key: string, allowPlainText: boolean): Promise<KeyInfo> => {
    const result = await connect(key, allowPlainText)
    if (!result.ok || !result.key) throw new Error(result.message)
    return result.key
  }

  const runTest = async (): Promise<void> => {
    if ((await run(() => connect())).ok) setStep('hello')
  }

  const info = presets.find((p) => p.id === choice?.preset)
  return (
    <section className="onboarding" data-testid="onboarding">
      <h1>Welcome to Hark</h1>
      <p className="lead">Hark speaks its answers while it thinks. Connect it to a model to begin.</p>

      {step === 'provider' && <ProviderChoices presets={presets} servers={servers} choose={choose} />}

      {step === 'key' && info && (
        <div className="step">
          <h2>Paste your {info.label} key</h2>
          {info.keyUrl && <p className="hint">Get one at {info.keyUrl}</p>}
          <ApiKeyField
            provider={info.id}
            store={testAndStoreKey}
            labels={{ idle: 'Test and save key', busy: 'Testing…' }}
            onStored={() => setStep('hello')}
          />
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
          <p data-testid="onboarding-test-ok">{passed}</p>
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
