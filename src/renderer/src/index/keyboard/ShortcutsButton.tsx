import { useNavigation } from '../navigation'
import { labelOf } from './shortcuts'

/** The shortcuts overlay without knowing its key: a header button that says what it opens. */
export function ShortcutsButton(): React.JSX.Element {
  const { openShortcuts } = useNavigation()
  return (
    <button
      type="button"
      className="shortcuts-button"
      data-testid="open-shortcuts"
      aria-label="Keyboard shortcuts"
      title={`Keyboard shortcuts (${labelOf('/')})`}
      onClick={openShortcuts}
    >
      <span aria-hidden="true">⌨</span>
    </button>
  )
}
