import type { Conversation, SearchHit } from '@shared/conversation'

/**
 * Case-insensitive substring search over titles and message text. Titles rank
 * first, then the most recently updated. Linear, which is fine for the few
 * thousand conversations a person keeps.
 */
export function searchConversations(conversations: Conversation[], query: string, limit: number): SearchHit[] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  const hits: Array<SearchHit & { updatedAt: number }> = []
  for (const c of conversations) {
    const hit = matchIn(c, q)
    if (hit) hits.push({ ...hit, updatedAt: c.updatedAt })
  }
  return hits
    .sort((a, b) => Number(b.in === 'title') - Number(a.in === 'title') || b.updatedAt - a.updatedAt)
    .slice(0, limit)
    .map(({ updatedAt: _u, ...hit }) => hit)
}

function matchIn(c: Conversation, q: string): SearchHit | null {
  const title = c.title || 'New conversation'
  if (title.toLowerCase().includes(q)) return { conversationId: c.id, title, snippet: title, in: 'title' }
  for (const m of c.messages) {
    const at = m.content.toLowerCase().indexOf(q)
    if (at >= 0) return { conversationId: c.id, title, snippet: excerpt(m.content, at, q.length), in: 'content' }
  }
  return null
}

function excerpt(text: string, at: number, length: number, radius = 40): string {
  const start = Math.max(0, at - radius)
  const end = Math.min(text.length, at + length + radius)
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`
}
