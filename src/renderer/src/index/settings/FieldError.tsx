import { createContext, useContext } from 'react'
import type { FieldErrors } from './field-errors'

export const FieldErrorsContext = createContext<FieldErrors>({})

/**
 * The plain-words problem with one setting, for the field that holds it:
 * `inputProps` ties the message to the input (aria-invalid, aria-describedby),
 * `message` is shown right under it.
 */
export function useFieldError(path: string): {
  inputProps: { 'aria-invalid'?: true; 'aria-describedby'?: string }
  message: React.JSX.Element | null
} {
  const text = useContext(FieldErrorsContext)[path]
  if (!text) return { inputProps: {}, message: null }
  const id = `error-${path.replace(/\W/g, '-')}`
  return {
    inputProps: { 'aria-invalid': true, 'aria-describedby': id },
    message: (
      <p className="field-error" id={id} role="alert" data-testid={`field-error-${path}`}>
        {text}
      </p>
    )
  }
}
