import { useCallback, useEffect, useState } from 'react'
import type { KeyInfo, KeySlot } from '@shared/ipc/settings'
import { messageOf } from '../../shared/message-of'

interface Props {
  provider: KeySlot
  onStored?: () => void
  /** how the key is stored (default: keys.set); onboarding tests it first. A throw keeps the key in the field. */
  store?: (key: string, allowPlainText: boolean) => Promise<KeyInfo>
  /** the save button's words, idle and while storing */
  labels?: { idle: string; busy: string }
}

const storeKey =
  (provider: KeySlot) =>
  (key: string, allowPlainText: boolean): Promise<KeyInfo> =>
    window.hark.invoke('keys.set', { provider, key, allowPlainText })

const BACKEND_TEXT: Record<KeyInfo['backend'], string> = {
  keychain: 'Keys are encrypted with your system keychain.',
  basic_text:
    'No system keyring was found: a key would be stored with weak, built-in encryption. Hark asks before doing that.',
  unavailable:
    'This system offers no secure storage, so Hark cannot save a key. Set OPENAI_API_KEY in the environment instead.'
}

const BASIC_TEXT_QUESTION =
  'No system keyring was found, so the key would be stored with weak, built-in encryption that other programs running as you could undo. Store it anyway?'

/**
 * Sets or clears a provider's key. The key goes to main and is never read
 * back: the field is emptied once it is stored, and only "a key is stored"
 * comes back.
 */
export function ApiKeyField({
  provider,
  onStored,
  store: storeWith = storeKey(provider),
  labels = { idle: 'Save key', busy: 'Saving…' }
}: Props): React.JSX.Element {
  const [info, setInfo] = useState<KeyInfo | null>(null)
  const [key, setKey] = useState('')
  const [consent, setConsent] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(async () => {
    try {
      setInfo(await window.hark.invoke('keys.status', { provider }))
    } catch (err) {
      setError(messageOf(err))
    }
  }, [provider])

  useEffect(() => void refresh(), [refresh])

  const store = async (allowPlainText: boolean): Promise<void> => {
    setError(null)
    // Ask before main is even asked: with basic_text the key would be weakly protected.
    if (info?.backend === 'basic_text' && !allowPlainText) return setConsent(BASIC_TEXT_QUESTION)
    setBusy(true)
    try {
      setInfo(await storeWith(key, allowPlainText))
      setKey('')
      setConsent(null)
      onStored?.()
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err))
      // Errors crossing the context bridge keep only their message, so match on it too.
      if (e.name === 'plaintext-consent' || /Confirm to store it anyway/.test(e.message)) setConsent(e.message)
      else setError(e.message)
    } finally {
      setBusy(false)
    }
  }

  const clear = async (): Promise<void> => {
    try {
      setInfo(await window.hark.invoke('keys.clear', { provider }))
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <div className="field api-key">
      <label className="label" htmlFor="api-key-input">
        API key
      </label>
      <p className="hint" data-testid="key-status">
        {info?.stored ? 'A key is stored for this provider.' : 'No key is stored for this provider.'}{' '}
        {info && BACKEND_TEXT[info.backend]}
      </p>
      <div className="inline">
        <input
          id="api-key-input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          data-testid="api-key-input"
          placeholder={info?.stored ? 'Paste a new key to replace it' : 'Paste your key'}
          onChange={(e) => setKey(e.target.value)}
        />
        <button
          type="button"
          className="primary"
          data-testid="api-key-save"
          disabled={busy || !key.trim() || info?.backend === 'unavailable'}
          onClick={() => void store(false)}
        >
          {busy ? labels.busy : labels.idle}
        </button>
        {info?.stored && (
          <button type="button" data-testid="api-key-clear" onClick={() => void clear()}>
            Remove
          </button>
        )}
      </div>
      {consent && (
        <div className="consent" role="alertdialog" data-testid="key-consent">
          <p>{consent}</p>
          <button type="button" className="danger" data-testid="key-consent-accept" onClick={() => void store(true)}>
            Store it anyway
          </button>
          <button type="button" onClick={() => setConsent(null)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="api-key-error">
          {error}
        </p>
      )}
    </div>
  )
}
