import { useChat, useChatStore } from './use-chat'

/** Things the user should know that are not about one answer: broken files, voice problems. */
export function NoticeBar(): React.JSX.Element | null {
  const store = useChatStore()
  const notices = useChat((s) => s.notices)
  if (notices.length === 0) return null
  return (
    <div className="notices" data-testid="notices">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice ${n.level}`}
          role={n.level === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          <span>{n.message}</span>
          <button type="button" aria-label="Dismiss" onClick={() => store.dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
