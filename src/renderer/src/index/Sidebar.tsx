import { useEffect, useState } from 'react'
import type { ConversationSummary, SearchHit } from '@shared/conversation'
import { useChat, useChatStore } from './use-chat'
import { groupByDate } from './sidebar/date-groups'

interface Props {
  onOpenSettings: () => void
  onOpenChat: () => void
}

/** Conversations: new, search, pick, rename (double-click), delete. */
export function Sidebar({ onOpenSettings, onOpenChat }: Props): React.JSX.Element {
  const store = useChatStore()
  const conversations = useChat((s) => s.conversations)
  const currentId = useChat((s) => s.currentId)
  const hits = useChat((s) => s.searchHits)
  const [query, setQuery] = useState('')

  useEffect(() => {
    const t = setTimeout(() => void store.search(query), 150)
    return () => clearTimeout(t)
  }, [query, store])

  const open = (id: string | null): void => {
    onOpenChat()
    void store.select(id)
  }

  return (
    <nav className="sidebar" aria-label="Conversations">
      <button type="button" className="new-chat primary" data-testid="new-conversation" onClick={() => open(null)}>
        + New conversation
      </button>
      <input
        type="search"
        className="search"
        placeholder="Search conversations"
        value={query}
        data-testid="conversation-search"
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="conversation-list" data-testid="conversation-list">
        {query.trim() && hits
          ? hits.map((h) => (
              <li key={h.conversationId}>
                <button
                  type="button"
                  className="conversation"
                  onClick={() => open(h.conversationId)}
                  data-testid="search-hit"
                >
                  <span className="title">{h.in === 'title' ? <Marked hit={h} /> : h.title}</span>
                  {h.in === 'content' && (
                    <span className="snippet" data-testid="search-snippet">
                      <Marked hit={h} />
                    </span>
                  )}
                </button>
              </li>
            ))
          : groupByDate(conversations, new Date()).map((g) => (
              <li key={g.label} className="date-group">
                <h2 className="date-heading" data-testid="date-heading">
                  {g.label}
                </h2>
                <ul>
                  {g.conversations.map((c) => (
                    <ConversationItem key={c.id} c={c} active={c.id === currentId} onOpen={() => open(c.id)} />
                  ))}
                </ul>
              </li>
            ))}
        {query.trim() && hits?.length === 0 && <li className="empty">No matches</li>}
        {!query.trim() && conversations.length === 0 && <li className="empty">No conversations yet</li>}
      </ul>
      <button type="button" className="settings-link" data-testid="open-settings" onClick={onOpenSettings}>
        ⚙ Settings
      </button>
    </nav>
  )
}

/** A search hit's text with the match marked. */
function Marked({ hit }: { hit: SearchHit }): React.JSX.Element {
  const { snippet, match } = hit
  const end = match.at + match.length
  return (
    <>
      {snippet.slice(0, match.at)}
      <mark>{snippet.slice(match.at, end)}</mark>
      {snippet.slice(end)}
    </>
  )
}

function ConversationItem({
  c,
  active,
  onOpen
}: {
  c: ConversationSummary
  active: boolean
  onOpen: () => void
}): React.JSX.Element {
  const store = useChatStore()
  const [title, setTitle] = useState<string | null>(null)

  if (title !== null) {
    const save = (): void => {
      if (title.trim() && title.trim() !== c.title) void store.rename(c.id, title)
      setTitle(null)
    }
    return (
      <li className="active">
        <input
          className="rename"
          value={title}
          autoFocus
          data-testid="rename-input"
          onChange={(e) => setTitle(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save()
            if (e.key === 'Escape') setTitle(null)
          }}
        />
      </li>
    )
  }
  return (
    <li className={active ? 'active' : undefined}>
      <button
        type="button"
        className="conversation"
        onClick={onOpen}
        onDoubleClick={() => setTitle(c.title)}
        data-testid="conversation-item"
        aria-current={active ? 'page' : undefined}
      >
        <span className="title">{c.title}</span>
      </button>
      <span className="item-actions">
        <button
          type="button"
          title="Rename"
          aria-label={`Rename ${c.title}`}
          data-testid="rename-conversation"
          onClick={() => setTitle(c.title)}
        >
          ✎
        </button>
        <button
          type="button"
          title="Delete"
          aria-label={`Delete ${c.title}`}
          data-testid="delete-conversation"
          onClick={() => {
            if (window.confirm(`Delete "${c.title}"? This cannot be undone.`)) void store.remove(c.id)
          }}
        >
          ✕
        </button>
      </span>
    </li>
  )
}
