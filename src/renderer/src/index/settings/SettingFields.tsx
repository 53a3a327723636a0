import { useEffect, useState } from 'react'
import { useFieldError } from './FieldError'
import { FieldRow } from './FieldRow'

/** What every setting row takes: its words, its value, its test id (also the control's id), and how to save it. */
interface Setting<T> {
  label: string
  value: T
  testId: string
  onSave: (v: T) => void
}

/**
 * A text setting saved when the field loses focus, not on every keystroke.
 * A refused value stays in the field with the reason under it.
 */
export function TextSetting({
  label,
  path,
  value,
  placeholder,
  hint,
  testId,
  onSave
}: Setting<string> & {
  /** the setting's path ("voiceInput.sttModel"): where its error is kept */
  path: string
  placeholder?: string
  hint?: React.ReactNode
}): React.JSX.Element {
  const [draft, setDraft] = useState(value)
  const { inputProps, message } = useFieldError(path)
  useEffect(() => setDraft(value), [value])
  return (
    <FieldRow label={label} htmlFor={testId} hint={hint} error={message}>
      <input
        id={testId}
        value={draft}
        placeholder={placeholder}
        data-testid={testId}
        {...inputProps}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== value && onSave(draft.trim())}
      />
    </FieldRow>
  )
}

/** A number setting with its unit, saved when the field loses focus; out-of-range values say the range. */
export function NumberSetting({
  label,
  path,
  value,
  unit,
  min,
  max,
  testId,
  onSave
}: Setting<number> & { path: string; unit: string; min: number; max: number }): React.JSX.Element {
  const [draft, setDraft] = useState(String(value))
  const { inputProps, message } = useFieldError(path)
  useEffect(() => setDraft(String(value)), [value])
  return (
    <FieldRow label={label} htmlFor={testId} error={message}>
      <span className="inline">
        <input
          id={testId}
          className="number"
          type="number"
          min={min}
          max={max}
          value={draft}
          data-testid={testId}
          {...inputProps}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => draft !== String(value) && onSave(draft.trim() === '' ? NaN : Number(draft))}
        />
        <span className="hint">{unit}</span>
      </span>
    </FieldRow>
  )
}

/** An on/off setting, saved at once. */
export function CheckSetting({
  label,
  checked,
  testId,
  onSave
}: {
  label: string
  checked: boolean
  testId: string
  onSave: (v: boolean) => void
}): React.JSX.Element {
  return (
    <label className="field check">
      <input type="checkbox" checked={checked} data-testid={testId} onChange={(e) => onSave(e.target.checked)} />
      <span>{label}</span>
    </label>
  )
}

/** A choice among fixed options (value, words), saved at once. */
export function SelectSetting<T extends string>({
  label,
  value,
  options,
  testId,
  onSave
}: Setting<T> & { options: ReadonlyArray<readonly [T, string]> }): React.JSX.Element {
  return (
    <FieldRow label={label} htmlFor={testId}>
      <select id={testId} value={value} data-testid={testId} onChange={(e) => onSave(e.target.value as T)}>
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </FieldRow>
  )
}

/** A slider whose label says the value, saved as it moves. */
export function RangeSetting({
  label,
  value,
  min,
  max,
  step,
  testId,
  onSave
}: Setting<number> & { min: number; max: number; step: number }): React.JSX.Element {
  return (
    <FieldRow label={label} htmlFor={testId}>
      <input
        id={testId}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={testId}
        onChange={(e) => onSave(Number(e.target.value))}
      />
    </FieldRow>
  )
}
