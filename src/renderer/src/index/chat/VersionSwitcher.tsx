import type { StoredMessage } from '@shared/conversation'
import { useChatStore } from '../use-chat'

/** ‹ 2/3 ›: the other versions a Regenerate or an Edit kept, one click away. */
export function VersionSwitcher({
  message,
  disabled
}: {
  message: StoredMessage
  disabled?: boolean
}): React.JSX.Element | null {
  const store = useChatStore()
  const versions = message.versions
  if (!versions) return null
  const total = versions.others.length + 1
  const shown = versions.index
  const go = (index: number): void => void store.showVersion(message.id, index)
  return (
    <span className="version-switcher" data-testid="version-switcher">
      <button
        type="button"
        aria-label="Previous version"
        data-testid="version-previous"
        disabled={disabled || shown === 0}
        onClick={() => go(shown - 1)}
      >
        ‹
      </button>
      <span data-testid="version-label" aria-label={`Version ${shown + 1} of ${total}`}>
        {shown + 1}/{total}
      </span>
      <button
        type="button"
        aria-label="Next version"
        data-testid="version-next"
        disabled={disabled || shown === total - 1}
        onClick={() => go(shown + 1)}
      >
        ›
      </button>
    </span>
  )
}
