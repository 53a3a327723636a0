import type { Conversation, SearchHit } from '@shared/conversation'
import { markdownPlainText } from './markdown-plain-text'

/**
 * Case-insensitive substring search over titles and message text as it reads
 * (markdown removed, so `**bold** text` is found as "bold text" and snippets
 * show no `|---|`). Titles rank first, then the most recently updated. Linear,
 * which is fine for the few thousand conversations a person keeps.
 */
export function searchConversations(conversations: Conversation[], query: string, limit: number): SearchHit[] {
  const q = query.trim().replace(/\s+/g, ' ').toLowerCase()
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
  const inTitle = title.toLowerCase().indexOf(q)
  if (inTitle >= 0)
    return { conversationId: c.id, title, snippet: title, match: { at: inTitle, length: q.length }, in: 'title' }
  for (const m of c.messages) {
    const text = markdownPlainText(m.content).replace(/\s+/g, ' ')
    const at = text.toLowerCase().indexOf(q)
    if (at >= 0) return { conversationId: c.id, title, ...excerpt(text, at, q.length), in: 'content' }
  }
  return null
}

/** About `radius` characters either side of the match, cut at word boundaries. */
function excerpt(text: string, at: number, length: number, radius = 40): Pick<SearchHit, 'snippet' | 'match'> {
  let start = Math.max(0, at - radius)
  let end = Math.min(text.length, at + length + radius)
  if (start > 0) start = wordStartAfter(text, start, at)
  if (end < text.length) end = wordEndBefore(text, end, at + length)
  const lead = start > 0 ? '…' : ''
  const body = text.slice(start, end)
  return {
    snippet: `${lead}${body}${end < text.length ? '…' : ''}`,
    match: { at: lead.length + at - start, length }
  }
}

function wordStartAfter(text: string, from: number, limit: number): number {
  const space = text.indexOf(' ', from)
  return space >= 0 && space < limit ? space + 1 : from
}

function wordEndBefore(text: string, from: number, limit: number): number {
  const space = text.lastIndexOf(' ', from)
  return space > limit ? space : from
}
