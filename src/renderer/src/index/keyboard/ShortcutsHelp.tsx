import { useEffect, useRef } from 'react'
import { acceleratorLabel, isMac } from '../settings/accelerator'
import { labelOf, OTHER_KEYS, SHORTCUTS } from './shortcuts'

/** The shortcuts, in a dialog that Esc, the button or a click outside closes. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }): React.JSX.Element {
  const closeButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    closeButton.current?.focus()
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      opener?.focus()
    }
  }, [onClose])

  return (
    <div className="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-help"
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  <kbd>{labelOf(s.key)}</kbd>
                </td>
                <td>{s.what}</td>
              </tr>
            ))}
            {OTHER_KEYS.map((k) => (
              <tr key={k.keys}>
                <td>
                  <kbd>{acceleratorLabel(k.keys, isMac())}</kbd>
                </td>
                <td>{k.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" ref={closeButton} data-testid="close-shortcuts" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  )
}
