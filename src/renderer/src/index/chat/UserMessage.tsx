import { memo, useState } from 'react'
import type { StoredMessage } from '@shared/conversation'
import { useChat, useChatStore } from '../use-chat'
import { runningTurnOf } from '../state/chat-store'
import { VersionSwitcher } from './VersionSwitcher'

/** A question; Edit opens it in place, and saving resends from there. */
export const UserMessage = memo(function UserMessage({ message }: { message: StoredMessage }): React.JSX.Element {
  const store = useChatStore()
  const [draft, setDraft] = useState<string | null>(null)
  const busy = useChat((s) => runningTurnOf(s) !== undefined)

  if (draft !== null) {
    const save = async (): Promise<void> => {
      if (draft.trim() && (await store.edit(message.id, draft))) setDraft(null)
    }
    return (
      <div className="message user editing">
        <textarea
          data-testid="edit-input"
          value={draft}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          rows={3}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault()
              void save()
            }
            if (e.key === 'Escape') setDraft(null)
          }}
        />
        <div className="row-actions">
          <button
            type="button"
            data-testid="edit-save"
            className="primary"
            onClick={() => void save()}
            disabled={!draft.trim()}
          >
            Save &amp; resend
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      </div>
    )
  }
  return (
    <div className="message user" data-testid="user-message">
      <div className="bubble">{message.content}</div>
      <div className="row-actions">
        <VersionSwitcher message={message} disabled={busy} />
        <button
          type="button"
          className="on-hover"
          data-testid="edit-button"
          onClick={() => setDraft(message.content)}
          title="Edit and resend"
        >
          Edit
        </button>
      </div>
    </div>
  )
})
