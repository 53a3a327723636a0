/**
 * One setting's row: its label, the control, a hint, and the plain-words
 * problem under it. The label names the control through `htmlFor` (the
 * control's id), so a hint or an error is never read as part of its name.
 */
export function FieldRow({
  label,
  htmlFor,
  hint,
  error,
  children
}: {
  label: React.ReactNode
  htmlFor: string
  hint?: React.ReactNode
  error?: React.ReactNode
  children: React.ReactNode
}): React.JSX.Element {
  return (
    <div className="field">
      <label className="label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {hint && <p className="hint">{hint}</p>}
      {error}
    </div>
  )
}
