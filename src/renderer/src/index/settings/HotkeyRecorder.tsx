import { useState } from 'react'
import type { HotkeyStatus } from '@shared/ipc/settings'
import { acceleratorFrom, acceleratorLabel, isMac } from './accelerator'

interface Props {
  label: string
  value: string
  status?: HotkeyStatus
  onChange: (accelerator: string) => void
  testId: string
}

/** Click, then press the combination. Esc cancels; Backspace clears the hotkey. */
export function HotkeyRecorder({ label, value, status, onChange, testId }: Props): React.JSX.Element {
  const [recording, setRecording] = useState(false)
  const failed = status && status.accelerator === value && !status.registered

  const onKeyDown = (e: React.KeyboardEvent<HTMLButtonElement>): void => {
    if (!recording) return
    e.preventDefault()
    if (e.key === 'Escape') return setRecording(false)
    if (e.key === 'Backspace' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
      setRecording(false)
      return onChange('')
    }
    const accelerator = acceleratorFrom(e.nativeEvent)
    if (!accelerator) return
    setRecording(false)
    onChange(accelerator)
  }

  return (
    <div className="field">
      <span className="label" id={`${testId}-label`}>
        {label}
      </span>
      <button
        type="button"
        aria-labelledby={`${testId}-label ${testId}`}
        id={testId}
        className={`hotkey ${recording ? 'recording' : ''}`}
        data-testid={testId}
        onClick={() => setRecording(true)}
        onKeyDown={onKeyDown}
        onBlur={() => setRecording(false)}
      >
        {recording ? 'Press the keys… (Esc cancels)' : acceleratorLabel(value, isMac()) || 'None'}
      </button>
      {failed && (
        <p className="field-error" role="alert" data-testid={`${testId}-error`}>
          {status.error ?? 'This hotkey could not be registered. Another app may be using it.'}
        </p>
      )}
    </div>
  )
}
