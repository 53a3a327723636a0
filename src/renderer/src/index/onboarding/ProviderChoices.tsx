import { useState } from 'react'
import type { LocalServerInfo, PresetSummary } from '@shared/ipc/provider'
import type { ProviderPreset } from '@shared/settings'

type Choose = (id: ProviderPreset, baseUrl?: string, model?: string) => void

/**
 * Every preset: the cloud ones, the local servers (always listed, those
 * answering now marked), and any OpenAI-compatible server by its address.
 */
export function ProviderChoices({
  presets,
  servers,
  choose
}: {
  presets: PresetSummary[]
  servers: LocalServerInfo[]
  choose: Choose
}): React.JSX.Element {
  return (
    <div className="choices">
      {presets
        .filter((p) => p.id !== 'custom')
        .map((p) => {
          const found = servers.find((s) => s.preset === p.id)
          const note = p.needsKey
            ? 'needs an API key'
            : found
              ? `detected on this computer: ${found.models.length} models, no key needed`
              : 'on this computer, no key needed (not detected now: start it first)'
          return (
            <button
              key={p.id}
              type="button"
              className={found ? 'choice detected' : 'choice'}
              data-testid={found ? `choose-local-${p.id}` : `choose-${p.id}`}
              onClick={() => choose(p.id, found?.baseUrl, found?.models[0])}
            >
              <strong>{p.label}</strong>
              <span>{note}</span>
            </button>
          )
        })}
      <CustomChoice choose={choose} />
    </div>
  )
}

function CustomChoice({ choose }: { choose: Choose }): React.JSX.Element {
  const [url, setUrl] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const go = (): void => {
    const address = url.trim()
    if (!URL.canParse(address) || !/^https?:$/.test(new URL(address).protocol))
      return setProblem('This is not a web address. It should look like http://127.0.0.1:8080/v1.')
    setProblem(null)
    choose('custom', address)
  }
  return (
    <div className="choice custom-choice">
      <label htmlFor="custom-base-url">
        <strong>Custom (any OpenAI-compatible server)</strong>
      </label>
      <span>Its address, up to /v1. If it needs a key, add it later in Settings → Provider.</span>
      <div className="inline">
        <input
          id="custom-base-url"
          value={url}
          placeholder="http://127.0.0.1:8080/v1"
          data-testid="custom-base-url"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'custom-base-url-error' : undefined}
          onChange={(e) => setUrl(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && go()}
        />
        <button type="button" data-testid="choose-custom" onClick={go}>
          Use this server
        </button>
      </div>
      {problem && (
        <p className="field-error" id="custom-base-url-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
